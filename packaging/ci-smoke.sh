#!/usr/bin/env bash
# CI: builds the jpackage app-image (no installers) and checks that it is self-contained and starts:
# only this platform's natives and no training code are bundled, the viewer opens under Xvfb with --smoke-test,
# and ND4J runs in the jlink'ed runtime (an upscale through the packaged launcher). Needs xvfb-run and GTK 3 (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
image=packaging/target/jpackage/liif-viewer
launcher="$image/bin/liif-viewer"

echo "== packaging: app-image"
./mvnw -B -q -Pinstallers -Djpackage.skipInstallers=true -DskipTests package -pl packaging -am

echo "== packaging: bundled natives"
jars=$(ls "$image/lib/app")
if grep -E -- '-(windows|macosx|android|ios|linux-(arm64|armhf|ppc64le|x86))[-.]' <<<"$jars"; then
  echo "foreign-platform jars in the app-image (above)" >&2; exit 1
fi
if [ "$(grep -c '^nd4j-native-[0-9].*-linux-' <<<"$jars")" -ne 1 ]; then
  echo "expected exactly one nd4j-native natives jar:" >&2; grep '^nd4j-native-[0-9]' <<<"$jars" >&2; exit 1
fi
if grep -E '^(liif-training|liif-tools|xchart|jackson-dataformat-yaml)' <<<"$jars"; then
  echo "training jars in the app-image (above): the installed viewer carries no training code" >&2; exit 1
fi
du -sh "$image"

echo "== packaging: launcher --smoke-test under Xvfb"
PATH="$PATH:/sbin" ldconfig -p | grep 'libgtk-3\.so\.0' >/dev/null || { echo "JavaFX needs GTK 3: apt-get install libgtk-3-0" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=$(xvfb-run -a "$launcher" --smoke-test resources/samples/chelsea.png 2> "$tmp/err")
echo "$out"
cat "$tmp/err" >&2
grep -q '^{"smoke"' <<<"$out"
if grep -q 'Unsupported JavaFX configuration' "$tmp/err"; then
  echo "the packaged launcher loads JavaFX from the class path (see linux-app-image.args)" >&2; exit 1
fi

echo "== packaging: ND4J in the packaged runtime"
"$launcher" upscale --model ../shared/golden/small-full/checkpoint.pth --size 37x29 \
  ../shared/golden/small-full/inp.png "$tmp/out.png"

echo "== packaging: smoke passed in $(( $(date +%s) - start )) s"
