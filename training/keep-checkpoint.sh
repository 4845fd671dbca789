#!/usr/bin/env bash
# Keeps the running shipped-model training's state in the repository: copies runs/liif-default/last.safetensors to
# training/checkpoints/liif-default-last.safetensors and appends the new rows of runs/liif-default/log.csv to
# training/checkpoints/liif-default-log.csv, refusing to write anything unless the joined log is contiguous
# (iterations 1, 2, 3, ... without gaps or repeats) and ends at the checkpoint's iteration.
# Usage: training/keep-checkpoint.sh [RUN_DIR]   (default runs/liif-default; stop or pause the trainer first, or
# run it right after a "saved" line, so that the checkpoint and the log agree)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
run=${1:-runs/liif-default}
kept_log=training/checkpoints/liif-default-log.csv
kept_ckpt=training/checkpoints/liif-default-last.safetensors
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$run/last.safetensors" "$tmp/last.safetensors"
ckpt_it=$(./liif info --model "$tmp/last.safetensors" | awk '$1 == "training.iteration:" { print $2 }')
[ -n "$ckpt_it" ] || { echo "$run/last.safetensors is not a training checkpoint" >&2; exit 1; }
# appends the run's rows after the kept log's last one (so a second call adds nothing) up to the checkpoint's
# iteration (the trainer may have gone on since it was copied)
kept_last=$(tail -n 1 "$kept_log" | cut -d, -f1)
(cat "$kept_log"; tail -n +2 "$run/log.csv" | awk -F, -v from="$kept_last" -v last="$ckpt_it" '$1 > from && $1 <= last') \
    > "$tmp/log.csv"
awk -F, -v last="$ckpt_it" '
  NR > 1 { if ($1 != NR - 1) { printf "log not contiguous: iteration %d expected on line %d, found %s\n", NR - 1, NR, $1; bad = 1; exit 1 } n = $1 }
  END { if (!bad && n != last) { printf "log ends at %s, the checkpoint is at %s\n", n, last; exit 1 } }
' "$tmp/log.csv"
mv "$tmp/last.safetensors" "$kept_ckpt"
mv "$tmp/log.csv" "$kept_log"
awk -F, 'NR > 1 { s += $4 } END { printf "kept iteration %d: %d log rows, %.2f h of logged steps\n", $1, NR - 1, s / 3600 }' "$kept_log"
