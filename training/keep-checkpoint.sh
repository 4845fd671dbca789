#!/usr/bin/env bash
# Keeps a running training's state in the repository, one checkpoint per run: training/checkpoints/NAME-last.safetensors
# holds the weights, their moving averages and the progress, without Adam's moments (`liif strip`; a resume from it
# restarts Adam), and training/checkpoints/NAME-log.csv the run's log joined to the kept one. Nothing is written
# unless the joined log is contiguous (iterations 1, 2, 3, ... without gaps or repeats) and ends at the checkpoint's
# iteration. Once the run's model ships, git rm both files.
# Usage: training/keep-checkpoint.sh RUN_DIR [NAME]   (NAME: the folder's name by default; stop or pause the trainer
# first, or run it right after a "saved" line, so that the checkpoint and the log agree)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
run=${1:?usage: training/keep-checkpoint.sh RUN_DIR [NAME]}
name=${2:-$(basename "$run")}
kept_log=training/checkpoints/$name-log.csv
kept_ckpt=training/checkpoints/$name-last.safetensors
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./liif strip "$run/last.safetensors" "$tmp/last.safetensors"
ckpt_it=$(./liif info --model "$tmp/last.safetensors" | awk '$1 == "training.iteration:" { print $2 }')
[ -n "$ckpt_it" ] || { echo "$run/last.safetensors is not a training checkpoint" >&2; exit 1; }
# appends the run's rows after the kept log's last one (so a second call adds nothing) up to the checkpoint's
# iteration (the trainer may have gone on since it was copied)
if [ -f "$kept_log" ]; then
  kept_last=$(tail -n 1 "$kept_log" | cut -d, -f1)
  cp "$kept_log" "$tmp/log.csv"
else
  kept_last=0
  head -n 1 "$run/log.csv" > "$tmp/log.csv"
fi
tail -n +2 "$run/log.csv" | awk -F, -v from="$kept_last" -v last="$ckpt_it" '$1 > from && $1 <= last' >> "$tmp/log.csv"
awk -F, -v last="$ckpt_it" '
  NR > 1 { if ($1 != NR - 1) { printf "log not contiguous: iteration %d expected on line %d, found %s\n", NR - 1, NR, $1; bad = 1; exit 1 } n = $1 }
  END { if (!bad && n != last) { printf "log ends at %s, the checkpoint is at %s\n", n, last; exit 1 } }
' "$tmp/log.csv"
mkdir -p training/checkpoints
mv "$tmp/last.safetensors" "$kept_ckpt"
mv "$tmp/log.csv" "$kept_log"
awk -F, 'NR > 1 { s += $4 } END { printf "kept iteration %d: %d log rows, %.2f h of logged steps\n", $1, NR - 1, s / 3600 }' "$kept_log"
