#!/usr/bin/env bash
# Trains the shipped model (or: training/run-default.sh CONFIG RUN_DIR, another experiment) in the background,
# resuming from RUN_DIR/last.safetensors (default runs/liif-default) when it exists, and restarting from the last
# checkpoint if the JVM dies (training/train-until-done.sh). It runs from a frozen copy of the built class path, so
# rebuilding the project does not disturb it. Stop it with: pkill -f run-default.sh; pkill -f "LiifTools train" (a
# checkpoint is saved).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
config=${1:-training/configs/liif-default.yaml}
run=${2:-runs/liif-default}
env_dir="$root/runs/classpath"
rm -rf "$env_dir" && mkdir -p "$env_dir" "$run"
cp -r tools/target/liif-tools.jar tools/target/lib "$env_dir/"
(training/train-until-done.sh "$config" "$run" "$env_dir" || true) > /dev/null 2>&1 &
echo "training in the background; progress: tail -f $run/stdout.log"
