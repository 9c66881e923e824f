#!/usr/bin/env bash
# One vector file on every benchmark, each stage timed: bench/evaluate/timings.sh FILE
source "$(dirname "${BASH_SOURCE[0]}")/../teacher/classpath.sh"
exec "${BENCH_JAVA[@]}" --add-modules jdk.incubator.vector -cp "$BENCH_CP" dev.x2s.bench.evaluate.EvaluationTimings "$@"
