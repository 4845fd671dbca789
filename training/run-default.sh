#!/usr/bin/env bash
# Trains the shipped model (or: training/run-default.sh CONFIG RUN_DIR, another experiment) in the background,
# resuming from RUN_DIR/last.safetensors (default runs/liif-default) when it exists, and restarting from the last
# checkpoint if the JVM dies. It runs from a frozen copy of the built class path, so rebuilding the project does
# not disturb it. Stop it with: pkill -f run-default.sh; pkill -f "LiifTools train" (a checkpoint is saved).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
config=${1:-training/configs/liif-default.yaml}
run=${2:-runs/liif-default}
env_dir="$root/runs/classpath"
rm -rf "$env_dir" && mkdir -p "$env_dir" "$run"
cp -r tools/target/liif-tools.jar tools/target/lib "$env_dir/"
# shellcheck source=native-memory.sh
source training/native-memory.sh
(
  # Restarts as long as each JVM makes progress; gives up after 5 quick failures in a row (a real error).
  attempt=0 quick=0
  while [ "$quick" -lt 5 ]; do
    attempt=$((attempt + 1)) started=$SECONDS
    resume=()
    [ -f "$run/last.safetensors" ] && resume=(--resume "$run/last.safetensors")
    # ND4J's buffers are not counted by JavaCPP: maxbytes only sizes SameDiff's per-session array cache (a quarter
    # of it; 1 GB missed the decoder's working set, so steps allocated afresh), maxphysicalbytes is the resident cap
    # the trainer stops and resumes below. The allocator settings are in native-memory.sh.
    status=0
    java -Xms2g -Xmx2g -Dorg.bytedeco.javacpp.maxbytes=16G -Dorg.bytedeco.javacpp.maxphysicalbytes=14G \
        -cp "$env_dir/liif-tools.jar:$env_dir/lib/*" org.liifviewer.tools.LiifTools train "$config" --out "$run" \
        "${resume[@]}" >> "$run/stdout.log" 2>&1 || status=$?
    case $status in
      0|130|143) break ;;                                 # finished, or stopped on purpose (Ctrl-C, kill)
      75) continue ;;                                     # stopped near the memory cap, checkpoint saved
    esac
    echo "training JVM exited abnormally (attempt $attempt); resuming from the last checkpoint" >> "$run/stdout.log"
    if [ $((SECONDS - started)) -lt 120 ]; then quick=$((quick + 1)); else quick=0; fi
    sleep 5
  done
) > /dev/null 2>&1 &
echo "training in the background; progress: tail -f $run/stdout.log"
