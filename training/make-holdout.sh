#!/usr/bin/env bash
# Splits BSD200 into a training part and a validation part held out of it (every 10th image in name order: 20
# images), as folders of symbolic links under runs/holdout/. Decisions while training a model (learning rate, when
# to stop, which variant) are taken on runs/holdout/bsd200-val, never on Set5/Set14/B100.
#   training/make-holdout.sh        (idempotent; run from anywhere)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="$(cd "$root/../shared/data/BSD200/HR" && pwd)"
train="$root/runs/holdout/bsd200-train"
val="$root/runs/holdout/bsd200-val"
rm -rf "$train" "$val"
mkdir -p "$train" "$val"
i=0
for f in $(cd "$src" && ls | sort); do
  if [ $((i % 10)) -eq 9 ]; then ln -s "$src/$f" "$val/$f"; else ln -s "$src/$f" "$train/$f"; fi
  i=$((i + 1))
done
echo "holdout: $(ls "$train" | wc -l) training and $(ls "$val" | wc -l) validation images of BSD200 under runs/holdout/"
