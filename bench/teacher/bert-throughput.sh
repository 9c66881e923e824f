#!/usr/bin/env bash
# BERT-base encoder throughput on random batches: bench/teacher/bert-throughput.sh [batches] [maxLayer...]
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
exec "${BENCH_JAVA[@]}" -cp "$BENCH_CP" dev.x2s.bench.teacher.BertThroughput "$@"
