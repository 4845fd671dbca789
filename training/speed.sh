#!/usr/bin/env bash
# Measures seconds per training iteration for the given configs (default: the full model and training/configs/speed/*)
# and peak RSS; prints one markdown table row per config. Run from the repository root after
#   ./mvnw -B -q package -DskipTests
set -euo pipefail
ITER=${ITER:-4}
CP="tools/target/liif-tools.jar:tools/target/lib/*"
configs=("$@")
[ ${#configs[@]} -eq 0 ] && configs=(training/configs/train_edsr-baseline-liif.yaml training/configs/speed/*.yaml)
# shellcheck source=native-memory.sh
source training/native-memory.sh
for cfg in "${configs[@]}"; do
  out=$(mktemp -d)
  /usr/bin/time -f "%M" -o "$out/rss" java -Xms2g -Xmx4g -Dorg.bytedeco.javacpp.maxbytes=16G \
      -Dorg.bytedeco.javacpp.maxphysicalbytes=14G -cp "$CP" org.liifviewer.tools.LiifTools train "$cfg" \
      --iterations "$ITER" --out "$out" >/dev/null 2>&1
  # first iteration is warm-up; median of the others
  med=$(tail -n +3 "$out/log.csv" | cut -d, -f4 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  all=$(tail -n +2 "$out/log.csv" | cut -d, -f4 | paste -sd' ')
  echo "| $(basename "$cfg" .yaml) | $med | $all | $(( $(cat "$out/rss") / 1024 )) MB | $(cut -d' ' -f1-3 /proc/loadavg) |"
  rm -rf "$out"
done
