#!/usr/bin/env bash
# Student step throughput (targets/s) on synthetic batches; options in StudentThroughput's javadoc.
#   bench/student/throughput.sh --optimizer sgd --threads 2 --dim 768
# Same JVM flags as `x2s distill`: the Vector API kernels and transparent huge pages for the heap.
source "$(dirname "${BASH_SOURCE[0]}")/../teacher/classpath.sh"
exec "${BENCH_JAVA[@]}" --add-modules jdk.incubator.vector -XX:+UseTransparentHugePages -cp "$BENCH_CP" \
    dev.x2s.bench.student.StudentThroughput "$@"
