#!/usr/bin/env bash
# Ships a training checkpoint as a model of the viewer: writes its weights (the moving average unless --raw) to
# resources/models/NAME.safetensors and evaluates them as the model cards report (Set5, Set14, B100; x2-x30),
# replacing docs/model-eval/NAME-eval.{txt,csv} and NAME-psnr-vs-scale.png. Takes 10-20 minutes on two cores.
# The card's table and text (resources/models/README.md) are updated by hand from the .txt.
# Usage: training/ship-model.sh NAME CHECKPOINT [--raw] [--scales LIST] [--realism ALPHA]
#   e.g. training/ship-model.sh liif-default runs/liif-default/last.safetensors
#   --scales: the evaluated scales (default 2,3,4,6,8,12,30); --realism: a LIIF-GAN model is scored at realism 1 and
#   at ALPHA (see ./liif eval --help)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
usage="usage: training/ship-model.sh NAME CHECKPOINT [--raw] [--scales LIST] [--realism ALPHA]"
[ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }
name=$1 checkpoint=$2
shift 2
averaged=(--averaged) scales=2,3,4,6,8,12,30 realism=()
while [ $# -gt 0 ]; do
  case $1 in
    --raw) averaged=() ;;
    --scales) [ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }; scales=$2; shift ;;
    --realism) [ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }; realism=(--realism "$2"); shift ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
  shift
done
data=../shared/data
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./liif convert "${averaged[@]}" "$checkpoint" "$tmp/$name.safetensors"
./liif eval --model "$tmp/$name.safetensors" --data "$data/Set5,$data/Set14,$data/B100" --protocol benchmark \
    --scales "$scales" "${realism[@]}" --json --out "$tmp/eval" > "$tmp/stdout.txt"
# the table as printed, without progress lines, the note on the files written and the final JSON line
grep -v -e '^\[' -e '^wrote ' "$tmp/stdout.txt" | sed '$d' > "$tmp/eval/eval.txt"
mv "$tmp/$name.safetensors" "resources/models/$name.safetensors"
mv "$tmp/eval/eval.txt" "docs/model-eval/$name-eval.txt"
mv "$tmp/eval/eval.csv" "docs/model-eval/$name-eval.csv"
mv "$tmp/eval/psnr_vs_scale.png" "docs/model-eval/$name-psnr-vs-scale.png"
tail -n 1 "$tmp/stdout.txt"
