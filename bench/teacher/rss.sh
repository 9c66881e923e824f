#!/usr/bin/env bash
# VmRSS / VmHWM sampled during a long extraction whose results are discarded.
#   bench/teacher/rss.sh all-minilm-l6-v2 [--sentences 20000] [--every 1000]
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
exec "${BENCH_JAVA[@]}" -cp "$BENCH_CP" dev.x2s.bench.teacher.ExtractionRss "$@"
