#!/usr/bin/env bash
# Regenerates docs/experiments/tableN.md (N = 3, 4 or 5; the LIIF paper's tables at our scale, see
# docs/experiments/README.md): makes the held-out splits (training/make-holdout.sh), trains every row of the table
# that has no finished model (resuming from its run folder's last.safetensors; a row whose model.safetensors exists is
# skipped), evaluates every row that has no evaluation newer than its model, and writes the markdown from the run
# folders. The rows and their evaluations come from `./liif table N --plan`. Runs from a frozen copy of the built class
# path (runs/tables/classpath), so rebuilding the project meanwhile does not disturb it; Ctrl-C stops it (a training
# saves its checkpoint) and a new call continues. Run folders: runs/tables/KEY (LIIF_TABLE_RUNS to change).
# Each finished row's record (its training log and evaluation summaries, all the markdown is made from) is kept in
# docs/experiments/runs/KEY: a row whose kept record holds all its evaluations, made with the row's config as it is
# now (a copy is kept beside them), is neither trained nor evaluated again, so a table can be finished over several
# sessions and rewritten without its models. Rows train and are evaluated one after the other. A row stopped halfway is kept with training/keep-checkpoint.sh runs/tables/KEY KEY and resumes
# from training/checkpoints/KEY-last.safetensors in a new checkout.
# LIIF_TABLE_SMOKE=N checks the pipeline: N iterations per row, run folders under runs/tables-smoke, and the markdown
# written there, never into docs/.
#   training/run-table.sh 3        (then 4 and 5; the LIIF row is shared by Tables 3 and 4)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
table=${1:?usage: training/run-table.sh 3|4|5}
runs=${LIIF_TABLE_RUNS:-runs/tables}
markdown="docs/experiments/table$table.md"
kept=docs/experiments/runs
train_options=()
if [ -n "${LIIF_TABLE_SMOKE:-}" ]; then
  runs=${LIIF_TABLE_RUNS:-runs/tables-smoke}
  markdown="$runs/table$table.md"
  kept=$runs/kept
  train_options=(--iterations "$LIIF_TABLE_SMOKE")
fi
env_dir="$runs/classpath"

./liif --version > /dev/null        # builds the project when sources changed
mkdir -p "$runs"
rm -rf "$env_dir" && mkdir -p "$env_dir"
cp -r tools/target/liif-tools.jar tools/target/lib "$env_dir/"
liif() {
  java -Xmx8g -XX:+UseG1GC -Dorg.bytedeco.javacpp.maxphysicalbytes=16G --add-modules jdk.incubator.vector \
      -cp "$env_dir/liif-tools.jar:$env_dir/lib/*" org.liifviewer.tools.LiifTools "$@" \
      2> >(grep -v --line-buffered '^WARNING: Using incubator modules' >&2)
}

# keep_record RUN_DIR KEPT_DIR EVAL_NAME CONFIG: the row's config and log and one evaluation's summary and time, into
# the kept record
keep_record() {
  mkdir -p "$2"
  cp "$4" "$2/config.yaml"
  cp "$1/log.csv" "$1/eval-$3.json" "$2/"
  if [ -f "$1/eval-$3.seconds" ]; then cp "$1/eval-$3.seconds" "$2/"; fi
}

training/make-holdout.sh
plan=$(liif table "$table" --plan)
while read -r verb key rest <&3; do
  dir="$runs/$key"
  # a kept record counts once it holds every evaluation the plan lists for its row, made with the row's config as
  # it is now
  config=$(awk -v key="$key" '$1 == "train" && $2 == key { print $3 }' <<< "$plan")
  complete=false
  if [ -f "$kept/$key/log.csv" ] && cmp -s "$kept/$key/config.yaml" "$config" \
      && [ "$(find "$kept/$key" -name 'eval-*.json' | wc -l)" -eq "$(grep -c "^eval $key " <<< "$plan")" ]; then
    complete=true
  fi
  if $complete && [ ! -f "$dir/log.csv" ]; then
    mkdir -p "$dir" && cp "$kept/$key"/* "$dir/"
  fi
  case $verb in
    train)
      if $complete; then
        echo "$key: trained (record kept in $kept/$key)"
        continue
      fi
      if [ -f "$dir/model.safetensors" ]; then
        echo "$key: trained (model.safetensors)"
        continue
      fi
      if [ -f "training/checkpoints/$key-last.safetensors" ] && [ ! -f "$dir/last.safetensors" ]; then
        # a row interrupted in an earlier session, kept by training/keep-checkpoint.sh RUN_DIR KEY
        mkdir -p "$dir"
        cp "training/checkpoints/$key-last.safetensors" "$dir/last.safetensors"
        cp "training/checkpoints/$key-log.csv" "$dir/log.csv"
      fi
      echo "$key: training $rest (progress: tail -f $dir/stdout.log)"
      training/train-until-done.sh "$rest" "$dir" "$env_dir" "${train_options[@]}"
      liif strip "$dir/last.safetensors" "$dir/model.safetensors"
      ;;
    eval)
      read -r name args <<< "$rest"
      if [ -f "$dir/eval-$name.json" ] && { $complete || [ "$dir/eval-$name.json" -nt "$dir/model.safetensors" ]; }; then
        echo "$key: evaluated ($name)"
        keep_record "$dir" "$kept/$key" "$name" "$config"
        continue
      fi
      echo "$key: evaluating ($name)"
      started=$SECONDS
      # shellcheck disable=SC2086
      liif eval --model "$dir/model.safetensors" $args --json --out "$dir/eval-$name" > "$dir/eval-$name.txt"
      echo $((SECONDS - started)) > "$dir/eval-$name.seconds"
      tail -n 1 "$dir/eval-$name.txt" > "$dir/eval-$name.json"
      keep_record "$dir" "$kept/$key" "$name" "$config"
      ;;
    *) echo "unexpected plan line: $verb $key $rest" >&2; exit 1 ;;
  esac
done 3<<< "$plan"
mkdir -p "$(dirname "$markdown")"
liif table "$table" --runs "$runs" --out "$markdown"
