#!/usr/bin/env bash
# Teacher tokens/s on the first N Wikipedia sentences with production batching, against sgemm.
#   bench/teacher/throughput.sh bert-base-uncased [--sentences 2000] [--max-layer 2] [--export DIR]
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
exec "${BENCH_JAVA[@]}" -cp "$BENCH_CP" dev.x2s.bench.teacher.TeacherThroughput "$@"
