#!/usr/bin/env bash
# Trains CONFIG into RUN_DIR in the foreground until the run is finished, resuming from RUN_DIR/last.safetensors
# when it exists and restarting from the last checkpoint whenever the JVM stops near its memory cap (exit 75) or dies;
# gives up after 5 quick failures in a row (a real error). CLASSPATH_DIR holds liif-tools.jar and lib/ (a frozen
# copy, so that rebuilding the project does not disturb a long run). Output goes to RUN_DIR/stdout.log.
# Exit status: 0 when the run reached its iterations, 130/143 when stopped on purpose (Ctrl-C, kill), 1 otherwise.
# Further arguments go to `liif train` (e.g. --iterations N). Used by training/run-default.sh (in the background) and
# training/run-table.sh.
#   training/train-until-done.sh CONFIG RUN_DIR CLASSPATH_DIR [TRAIN_OPTION...]
set -euo pipefail
config=${1:?usage: training/train-until-done.sh CONFIG RUN_DIR CLASSPATH_DIR}
run=${2:?usage: training/train-until-done.sh CONFIG RUN_DIR CLASSPATH_DIR}
env_dir=${3:?usage: training/train-until-done.sh CONFIG RUN_DIR CLASSPATH_DIR}
shift 3
mkdir -p "$run"
# shellcheck source=native-memory.sh
source "$(dirname "${BASH_SOURCE[0]}")/native-memory.sh"
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
      "${resume[@]}" "$@" >> "$run/stdout.log" 2>&1 || status=$?
  case $status in
    0|130|143) exit "$status" ;;                        # finished, or stopped on purpose (Ctrl-C, kill)
    75) continue ;;                                     # stopped near the memory cap, checkpoint saved
  esac
  echo "training JVM exited abnormally (attempt $attempt); resuming from the last checkpoint" >> "$run/stdout.log"
  if [ $((SECONDS - started)) -lt 120 ]; then quick=$((quick + 1)); else quick=0; fi
  sleep 5
done
exit 1
