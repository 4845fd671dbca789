#!/usr/bin/env bash
# Trains (or resumes) the shipped model in the background from a frozen copy of the built class path, so that
# rebuilding the project does not disturb the running JVM. Usage: training/run-default.sh [--resume FILE]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
env_dir="${LIIF_TRAIN_ENV:-$root/runs/classpath}"
rm -rf "$env_dir" && mkdir -p "$env_dir" runs/liif-default
cp -r app/target/liif-app.jar app/target/lib "$env_dir/"
# SameDiff frees off-heap memory through the GC: a modest maxbytes makes JavaCPP collect early,
# maxphysicalbytes is the hard cap of the whole process.
nohup java -Xmx2g -Dorg.bytedeco.javacpp.maxbytes=4G -Dorg.bytedeco.javacpp.maxphysicalbytes=12G \
  -cp "$env_dir/liif-app.jar:$env_dir/lib/*" org.liifviewer.training.run.TrainCommand train \
  training/configs/liif-default.yaml --out runs/liif-default "$@" >> runs/liif-default/stdout.log 2>&1 &
echo "training in the background (pid $!); progress: tail -f runs/liif-default/stdout.log"
