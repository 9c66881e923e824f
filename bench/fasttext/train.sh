#!/usr/bin/env bash
# fastText baseline on the very words x2s sees: `x2s tokenize --lower` writes the corpus one sentence a
# line, then Debian's `fasttext` (apt-get install fasttext) trains skip-gram (or cbow) with its defaults
# except dim and threads. Output: out/fasttext/<name>.vec (+ .bin, the model) and <name>.provenance.txt.
#
#   bench/fasttext/train.sh [--corpus FILE] [--method skipgram|cbow] [--dim 300] [--threads 2]
#                           [--max-sentences N] [--out DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
corpus="$root/../shared/corpora/enwiki-2015-AA.wikiextractor.txt.gz"
method=skipgram dim=300 threads=2 max=0 out="$root/out/fasttext"
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus="$2"; shift 2 ;;
    --method) method="$2"; shift 2 ;;
    --dim) dim="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --max-sentences) max="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v fasttext >/dev/null || { echo "fasttext not found: apt-get install fasttext" >&2; exit 1; }
[ -f "$corpus" ] || { echo "$corpus: no such corpus (pass --corpus)" >&2; exit 1; }
mkdir -p "$out"
text="$out/$(basename "$corpus" | sed 's/\.gz$//; s/\.txt$//')-${max}.lower.txt"
if [ ! -f "$text" ]; then
  "$root/x2s" tokenize --lower --corpus "$corpus" --max-sentences "$max" --out "$text"
fi
name="fasttext-$method-${dim}d"
start=$(date +%s)
fasttext "$method" -input "$text" -output "$out/$name.tmp" -dim "$dim" -thread "$threads" -verbose 1
end=$(date +%s)
mv "$out/$name.tmp.vec" "$out/$name.vec"
mv "$out/$name.tmp.bin" "$out/$name.bin"
{
  echo "command: fasttext $method -input $(basename "$text") -dim $dim -thread $threads (other options: fastText defaults)"
  echo "fasttext: $(dpkg-query -W -f='${Version}' fasttext 2>/dev/null || echo unknown)"
  echo "corpus: $(basename "$corpus") sha256 $(sha256sum "$corpus" | cut -d' ' -f1), max-sentences $max, lower-cased by x2s tokenize"
  echo "tokens: $(wc -w < "$text"), sentences: $(wc -l < "$text")"
  echo "train seconds: $((end - start))"
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ), machine: $(nproc) cores"
} > "$out/$name.provenance.txt"
echo "$out/$name.vec"
