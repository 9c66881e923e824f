#!/usr/bin/env bash
# Benchmark tables of an `x2s pc` output directory: every <method>-layer<L>.x2v file, both protocols,
# compact Markdown (Ethayarajh's Table 1 columns, coverage in parentheses) plus the full eval JSON.
#   bench/layerpc/tables.sh RUN_DIR [OUT_DIR] [EXTRA_VECTORS...]
# Extra vector files (e.g. GloVe) get their own rows. JSON reports: OUT_DIR/{skip,meanfill}.json.
# EVAL_ARGS="--lower" passes options to `x2s eval` (e.g. case-folding a cased vocabulary).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
run="$1"; out="${2:-$run/tables}"; shift; [ $# -gt 0 ] && shift
mkdir -p "$out"
files=()
for method in pc mean pc-centred; do
  for l in $(seq 0 48); do
    f="$run/$method-layer$l.x2v"
    [ -f "$f" ] && files+=("$f")
  done
done
files+=("$@")
for protocol in skip meanfill; do
  "$root/x2s" eval -q ${EVAL_ARGS:-} --protocol "$protocol" --format json --out "$out/$protocol.json" "${files[@]}" > /dev/null
  echo "### protocol $protocol"
  echo
  python3 "$root/bench/tables/compact.py" --strip .x2v --first "$protocol" "$out/$protocol.json"
  echo
done | tee "$out/tables.md"
