#!/usr/bin/env bash
# Prints the JDK modules the app's jars use, for jpackage.modules in packaging/pom.xml (jlink'ed runtime).
# Run after ./mvnw -B package -DskipTests; takes a few minutes. Each jar is analysed as plain classes because
# some (nd4j-api) carry module descriptors that jdeps rejects.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for jar in app/target/liif-app.jar app/target/lib/*.jar; do
  dir="$tmp/$(basename "$jar" .jar)"
  mkdir -p "$dir"
  (cd "$dir" && unzip -qo "$OLDPWD/$jar" '*.class' -x '*module-info.class' 2>/dev/null || true)
  jdeps --print-module-deps --ignore-missing-deps --multi-release 17 -q "$dir" || true
done | tr ',' '\n' | grep . | sort -u | paste -sd, -
