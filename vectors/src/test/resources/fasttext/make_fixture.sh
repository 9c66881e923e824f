#!/bin/sh
# Writes tiny.vec WITH DEBIAN'S fastText 0.9.2 (package fasttext), a fixture for dev.x2s.vectors:
# fastText's own .vec layout (header, a space after the last value of each row).
#   cd vectors/src/test/resources/fasttext && sh make_fixture.sh
# The corpus is generated here (no third-party text); expected.tsv holds the float32 bits that
# gensim 4.2.0 reads from tiny.vec (Debian's /usr/bin/python3), to compare with our reader.
set -eu
tmp=$(mktemp -d)
/usr/bin/python3 - "$tmp/corpus.txt" <<'PY'
import random, sys
random.seed(5)
words = ["cat", "dog", "sat", "on", "the", "mat", "café", "über", "x2s", "<unk>", "a.b", "end-of"]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for _ in range(400):
        f.write(" ".join(random.choice(words) for _ in range(12)) + "\n")
PY
fasttext skipgram -input "$tmp/corpus.txt" -output "$tmp/model" -dim 6 -minCount 1 -epoch 2 \
  -thread 1 -minn 0 -maxn 0 -verbose 0
cp "$tmp/model.vec" tiny.vec
/usr/bin/python3 - <<'PY'
import numpy as np
from gensim.models import KeyedVectors
kv = KeyedVectors.load_word2vec_format("tiny.vec", binary=False)
with open("expected.tsv", "w", encoding="utf-8") as f:
    for w in kv.index_to_key:
        f.write(w + "\t" + " ".join("%08x" % x for x in kv[w].view(np.uint32)) + "\n")
PY
rm -r "$tmp"
