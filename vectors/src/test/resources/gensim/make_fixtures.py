#!/usr/bin/python3
"""Writes tiny word2vec files WITH GENSIM, as fixtures for dev.x2s.vectors readers.

Run with Debian's interpreter (python3-gensim 4.2.0, numpy 1.24.2):
    cd vectors/src/test/resources/gensim && /usr/bin/python3 make_fixtures.py
Outputs: gensim.bin (binary=True), gensim.txt (binary=False) and expected.tsv, one line per word:
the word, then the IEEE bits of each float32 value in hex (independent of any float printing).
"""
import numpy as np
from gensim.models import KeyedVectors

rng = np.random.default_rng(20261124)
words = ["the", ",", ".", "of", "and", "</s>", "café", "naïve", "日本", "Ünïcödé", "a.b", "--",
         "x2s", "e-mail", "1984", "αβγ", "emoji🙂", "UPPER", "upper", "tab-free"]
dim = 7
vectors = rng.standard_normal((len(words), dim)).astype(np.float32)
vectors[0, 0] = np.float32(1e-8)      # small magnitude
vectors[1, 1] = np.float32(-1234.5678)  # large magnitude
vectors[2, 2] = np.float32(0.0)
vectors[3, 3] = np.float32(-0.0)
vectors[4, 4] = np.float32(3.4028235e38)  # largest float32
vectors[5, 5] = np.float32(1.17549435e-38)  # smallest normal
kv = KeyedVectors(dim)
kv.add_vectors(words, vectors)
kv.save_word2vec_format("gensim.bin", binary=True)
kv.save_word2vec_format("gensim.txt", binary=False)
with open("expected.tsv", "w", encoding="utf-8") as f:
    for w, v in zip(words, vectors):
        f.write(w + "\t" + " ".join("%08x" % x for x in v.view(np.uint32)) + "\n")
