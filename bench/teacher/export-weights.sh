#!/usr/bin/env bash
# Writes a known BERT teacher's weights as config.json + model.safetensors for bert_torch_eager.py.
#   bench/teacher/export-weights.sh bert-base-uncased out/bench/bert-base-uncased
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
exec "${BENCH_JAVA[@]}" -cp "$BENCH_CP" dev.x2s.bench.teacher.ExportBertWeights "$@"
