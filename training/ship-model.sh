#!/usr/bin/env bash
# Ships a training checkpoint of the default model: writes its moving-average weights to
# resources/models/liif-default.safetensors and evaluates them as the model card reports (Set5, Set14, B100; x2-x30),
# replacing docs/model-eval/liif-default-eval.{txt,csv} and liif-default-psnr-vs-scale.png. Takes 10-20 minutes on
# two cores. The card's table and text (resources/models/README.md) are updated by hand from the .txt.
# Usage: training/ship-default.sh CHECKPOINT   (e.g. a copy of runs/liif-default/last.safetensors)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ $# -eq 1 ] || { echo "usage: training/ship-default.sh CHECKPOINT" >&2; exit 2; }
checkpoint=$1
data=../shared/data
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./liif convert --averaged "$checkpoint" "$tmp/liif-default.safetensors"
./liif eval --model "$tmp/liif-default.safetensors" --data "$data/Set5,$data/Set14,$data/B100" --protocol benchmark \
    --scales 2,3,4,6,8,12,30 --json --out "$tmp/eval" > "$tmp/stdout.txt"
# the table as printed, without progress lines, the note on the files written and the final JSON line
grep -v -e '^\[' -e '^wrote ' "$tmp/stdout.txt" | sed '$d' > "$tmp/eval/eval.txt"
mv "$tmp/liif-default.safetensors" resources/models/liif-default.safetensors
mv "$tmp/eval/eval.txt" docs/model-eval/liif-default-eval.txt
mv "$tmp/eval/eval.csv" docs/model-eval/liif-default-eval.csv
mv "$tmp/eval/psnr_vs_scale.png" docs/model-eval/liif-default-psnr-vs-scale.png
tail -n 1 "$tmp/stdout.txt"
