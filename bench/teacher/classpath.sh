#!/usr/bin/env bash
# Sourced by the bench/teacher wrappers: builds x2s-bench (and what it needs) when sources changed and
# sets BENCH_CP to its runtime classpath. Nothing is installed into ~/.m2.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
stamp="$root/bench/target/bench.stamp"
cp_file="$root/bench/target/classpath.txt"
if [ ! -f "$stamp" ] || [ ! -f "$cp_file" ] || [ -n "$(find "$root" \
    \( -path '*/target' -o -path "$root/tools" -o -path "$root/.git" \) -prune -o \( -name '*.java' -o -name 'pom.xml' \) -newer "$stamp" -print -quit)" ]; then
  echo "bench: building x2s-bench..." >&2
  (cd "$root" && mvn -q -B -o -ntp -DskipTests -pl bench -am package \
      dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >&2)
  touch "$stamp"
fi
BENCH_CP="$root/bench/target/classes:$(cat "$cp_file")"
BENCH_JAVA=(java -Xmx8g -Djavacpp.platform=linux-x86_64 -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)
