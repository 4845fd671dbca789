#!/usr/bin/env bash
# Makes the fixed held-out splits, as folders of symbolic links under runs/holdout/ (idempotent; run from anywhere):
# * BSD200: every 10th image in name order (20) is held out: bsd200-train, and bsd200-val/HR (a data set for
#   ./liif eval). Decisions while training a model (learning rate, when to stop, which variant) are taken on
#   runs/holdout/bsd200-val, never on Set5/Set14/B100.
# * The 2K images (DIV2K_train_sample and Flickr2K_sample, 6 photos with HR), for the ablations of Tables 3 and 4:
#   DIV2K 0006 and Flickr2K 000004 are held out as 2k-val/HR (with their MATLAB-bicubic LR_bicubic/X4 files),
#   the other four (DIV2K 0004, Flickr2K 000005, 000007, 000010) are 2k-train.
# * CelebA-HQ_sample (56 faces), for Table 5: the 10 faces that stargan-v2 keeps in its src/ folder (5 female,
#   5 male; ../shared/data/MANIFEST.md) are celebahq-test/HR, the other 46 (its ref/ folder) celebahq-train.
#   training/make-holdout.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$(cd "$root/../shared/data" && pwd)"
out="$root/runs/holdout"

# split SOURCE_DIR TRAIN_DIR VAL_DIR IS_HELD_OUT: links every image of SOURCE_DIR into one of the two folders
split() {
  local src=$1 train=$2 val=$3 held=$4 f
  mkdir -p "$train" "$val"
  for f in $(cd "$src" && ls | sort); do
    if "$held" "$f"; then ln -s "$src/$f" "$val/$f"; else ln -s "$src/$f" "$train/$f"; fi
  done
}

rm -rf "$out/bsd200-train" "$out/bsd200-val" "$out/2k-train" "$out/2k-val" "$out/celebahq-train" "$out/celebahq-test"

bsd_index=0
every_tenth() { bsd_index=$((bsd_index + 1)); [ $((bsd_index % 10)) -eq 0 ]; }
split "$data/BSD200/HR" "$out/bsd200-train" "$out/bsd200-val/HR" every_tenth

two_k_val() { case $1 in 0006.png|000004.png) return 0 ;; *) return 1 ;; esac; }
split "$data/DIV2K_train_sample/HR" "$out/2k-train" "$out/2k-val/HR" two_k_val
split "$data/Flickr2K_sample/HR" "$out/2k-train" "$out/2k-val/HR" two_k_val
mkdir -p "$out/2k-val/LR_bicubic/X4"
ln -s "$data/DIV2K_train_sample/LR_bicubic/X4/0006x4.png" "$out/2k-val/LR_bicubic/X4/0006x4.png"
ln -s "$data/Flickr2K_sample/LR_bicubic/X4/000004x4.png" "$out/2k-val/LR_bicubic/X4/000004x4.png"

celeba_test() {
  case ${1%.jpg} in 039913|051340|069067|091623|172559|005735|006930|016387|191300|196930) return 0 ;; *) return 1 ;; esac
}
split "$data/CelebA-HQ_sample/HR" "$out/celebahq-train" "$out/celebahq-test/HR" celeba_test

count() { find "$1" -maxdepth 1 -type l | wc -l; }
echo "holdout under runs/holdout/: BSD200 $(count "$out/bsd200-train") training + $(count "$out/bsd200-val/HR")" \
  "validation; 2K $(count "$out/2k-train") + $(count "$out/2k-val/HR"); CelebA-HQ $(count "$out/celebahq-train")" \
  "+ $(count "$out/celebahq-test/HR") test images"
