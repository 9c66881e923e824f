#!/usr/bin/python3
"""Generate x2s's dataset manifest from shared/benchmarks-data/MANIFEST.tsv.

Usage (from the repository root):
  /usr/bin/python3 benchmarks-data/tools/make_manifest.py ../shared \
      benchmarks-data/src/main/resources/dev/x2s/data

Writes two TSV files (UTF-8, LF, '#' comment lines, then a header row):
  datasets.tsv  one row per entry: id, task, kind (file | directory), root, licence, citation, note
  files.tsv     one row per file:  entry, path, format, bytes, sha256, lines, source_url,
                assembly, content_bytes, content_sha256
Paths (`root`, `path`) are relative to the shared directory: benchmark files carry the prefix
`benchmarks-data/` (MANIFEST.tsv's local_path after it), the corpus lives under `corpora/`.

`assembly` says how a download becomes the file:
  download     source_url is fetched as is; its sha256 must equal `sha256`.
  concat-gzip  source_url is a pattern with one {NN..MM} zero-padded range; the parts are fetched in
               order and concatenated (their concatenation must have `content_bytes` bytes and
               sha256 `content_sha256`), then gzip-compressed. A gzip stream is not byte-reproducible
               across compressors, so such a file is accepted when either its own sha256 equals
               `sha256` or the sha256 of its decompressed content equals `content_sha256`.

Everything not derivable from MANIFEST.tsv (licences, citations, formats) is in the tables below;
"unknown" means no licence statement was found for the dataset itself (checked 2026-11 on the
dataset pages and host repositories).
"""
import gzip
import hashlib
import os
import sys

RAW = "https://raw.githubusercontent.com/{repo}/{commit}/{path}"

# id -> (task, kind, root, licence, citation, note)
DATASETS = {
    "simlex999": ("similarity", "file", "benchmarks-data/similarity/SimLex-999.txt", "unknown",
                  "Hill, Reichart, Korhonen (2015). SimLex-999: Evaluating Semantic Models with (Genuine) "
                  "Similarity Estimation. Computational Linguistics 41(4):665-695.",
                  "copy hosted in commonsense/conceptnet5 support_data (that repository's licences cover "
                  "ConceptNet's own code and data, not this file)"),
    "men": ("similarity", "file", "benchmarks-data/similarity/MEN-3k.txt", "unknown",
            "Bruni, Tran, Baroni (2014). Multimodal Distributional Semantics. JAIR 49:1-47.",
            "MEN natural form, 3000 pairs, scores 0-50; copy hosted in mfaruqui/eval-word-vectors "
            "(repository licence MIT, for its scripts)"),
    "ws353": ("similarity", "file", "benchmarks-data/similarity/WS-353-ALL.txt", "unknown",
              "Finkelstein, Gabrilovich, Matias, Rivlin, Solan, Wolfman, Ruppin (2002). Placing Search in "
              "Context: The Concept Revisited. ACM TOIS 20(1):116-131.",
              "copy hosted in mfaruqui/eval-word-vectors (repository licence MIT, for its scripts)"),
    "ws353-sim": ("similarity", "file", "benchmarks-data/similarity/WS-353-SIM.txt", "unknown",
                  "Agirre, Alfonseca, Hall, Kravalova, Pasca, Soroa (2009). A Study on Similarity and "
                  "Relatedness Using Distributional and WordNet-based Approaches. NAACL-HLT 2009, 19-27; "
                  "and Finkelstein et al. (2002).",
                  "similarity subset of WS-353; copy hosted in mfaruqui/eval-word-vectors"),
    "ws353-rel": ("similarity", "file", "benchmarks-data/similarity/WS-353-REL.txt", "unknown",
                  "Agirre, Alfonseca, Hall, Kravalova, Pasca, Soroa (2009). A Study on Similarity and "
                  "Relatedness Using Distributional and WordNet-based Approaches. NAACL-HLT 2009, 19-27; "
                  "and Finkelstein et al. (2002).",
                  "relatedness subset of WS-353; copy hosted in mfaruqui/eval-word-vectors"),
    "rw": ("similarity", "file", "benchmarks-data/similarity/RW-2034.tsv", "unknown",
           "Luong, Socher, Manning (2013). Better Word Representations with Recursive Neural Networks "
           "for Morphology. CoNLL 2013.",
           "Stanford Rare Word set; copy hosted in commonsense/conceptnet5 support_data"),
    "google": ("analogy", "file", "benchmarks-data/analogy/google-questions-words.txt", "Apache-2.0",
               "Mikolov, Chen, Corrado, Dean (2013). Efficient Estimation of Word Representations in "
               "Vector Space. arXiv:1301.3781.",
               "questions-words.txt as shipped with the word2vec tool (Apache-2.0); copy hosted in "
               "commonsense/conceptnet5 support_data"),
    "msr": ("analogy", "file", "benchmarks-data/analogy/msr.csv", "unknown",
            "Mikolov, Yih, Zweig (2013). Linguistic Regularities in Continuous Space Word "
            "Representations. NAACL-HLT 2013, 746-751.",
            "8000 syntactic questions, CSV conversion hosted in vecto-ai/word-benchmarks"),
    "bless": ("categorization", "file", "benchmarks-data/categorization/bless.csv", "unknown",
              "Baroni, Lenci (2011). How we BLESSed distributional semantic evaluation. GEMS 2011 "
              "Workshop on GEometrical Models of Natural Language Semantics, 1-10.",
              "categorization version (200 words / 17 classes) hosted in vecto-ai/word-benchmarks"),
    "ap": ("categorization", "file", "benchmarks-data/categorization/ap.csv", "unknown",
           "Almuhareb, Poesio (2005). Concept Learning and Categorization from the Web. CogSci 2005.",
           "402 words / 21 classes, hosted in vecto-ai/word-benchmarks"),
    "semeval2012-task2": ("relational", "directory", "benchmarks-data/relational/semeval2012-task2", "unknown",
                          "Jurgens, Mohammad, Turney, Holyoak (2012). SemEval-2012 Task 2: Measuring "
                          "Degrees of Relational Similarity. *SEM 2012 / SemEval 2012, 356-364.",
                          "10 dev + 69 test categories; copy hosted in commonsense/conceptnet5 support_data"),
    "enwiki-2015-AA": ("corpus", "file", "corpora/enwiki-2015-AA.wikiextractor.txt.gz", "CC-BY-SA-3.0",
                       "Wikipedia (English, 2015 dump), extracted with WikiExtractor.",
                       "6,514 articles; wiki_00..wiki_99 of text/AA in jason-feng/wikiVisual, "
                       "concatenated and gzipped"),
    "english-words": ("wordlist", "file", "wordlists/an-array-of-english-words-2.0.0.tgz", "MIT",
                      "Zeke Sikelianos, an-array-of-english-words 2.0.0 (npm), derived from the Letterpress "
                      "word list (274,937 lower-case words).",
                      "npm tarball as published; the words are package/index.json, a JSON array; not in "
                      "shared/: resolved from the cache or the npm registry"),
}

# Entries fetched from a package registry rather than kept in shared/: pinned here by hand
# (npm's tarball bytes are immutable per version; sha256 computed on the downloaded tarball).
REGISTRY_FILES = [
    ["english-words", "wordlists/an-array-of-english-words-2.0.0.tgz", "npm-json-array-tgz", 734024,
     "24a6f44cd209c8127ad0afacfff935e2af0831e4b0ed5fa62cd0e2c3774e2f2a", "-",
     "https://registry.npmjs.org/an-array-of-english-words/-/an-array-of-english-words-2.0.0.tgz",
     "download", "-", "-"],
]

CORPUS = {
    "local_path": "corpora/enwiki-2015-AA.wikiextractor.txt.gz",
    "repo": "jason-feng/wikiVisual",
    "commit": "1c0fac92f29f17c1603bfffbe864e0dfdff66897",
    "path": "text/AA/wiki_{00..99}",
}


def fmt(local_path):
    name = os.path.basename(local_path)
    if local_path.startswith("relational/semeval2012-task2/"):
        for prefix, f in (("GoldRatings-", "semeval2012-gold-ratings"),
                          ("Phase1Questions-", "semeval2012-phase1-questions"),
                          ("Phase2Questions-", "semeval2012-phase2-questions"),
                          ("Phase2Answers-", "semeval2012-phase2-answers")):
            if name.startswith(prefix):
                return f
        raise SystemExit(f"no format for {local_path}")
    return {
        "SimLex-999.txt": "simlex999-tsv",
        "MEN-3k.txt": "men-tsv",
        "WS-353-ALL.txt": "ws353-tsv",
        "WS-353-SIM.txt": "ws353-tsv",
        "WS-353-REL.txt": "ws353-tsv",
        "RW-2034.tsv": "rw-tsv",
        "google-questions-words.txt": "google-analogy",
        "msr.csv": "msr-analogy-csv",
        "bless.csv": "categorization-csv",
        "ap.csv": "categorization-csv",
    }[name]


def entry_of(local_path):
    for ds_id, (_, kind, root, *_rest) in DATASETS.items():
        if not root.startswith("benchmarks-data/"):
            continue
        root = root[len("benchmarks-data/"):]
        if local_path == root or (kind == "directory" and local_path.startswith(root + "/")):
            return ds_id
    raise SystemExit(f"no dataset entry claims {local_path}")


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def check(value, where):
    if "\t" in value or "\n" in value or value == "":
        raise SystemExit(f"{where}: empty or contains a tab/newline: {value!r}")
    return value


def write_tsv(path, comment, header, rows):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        for line in comment:
            out.write("# " + line + "\n")
        out.write("\t".join(header) + "\n")
        for row in rows:
            out.write("\t".join(check(str(v), f"{path} row {row[0]}") for v in row) + "\n")
    os.replace(tmp, path)


def main(shared, out_dir):
    bench = os.path.join(shared, "benchmarks-data")
    rows = []
    with open(os.path.join(bench, "MANIFEST.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        expected = ["local_path", "sha256", "lines", "source_repo", "source_commit", "source_path"]
        if header != expected:
            raise SystemExit(f"MANIFEST.tsv: header {header}, expected {expected}")
        for n, line in enumerate(f, start=2):
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 6:
                raise SystemExit(f"MANIFEST.tsv line {n}: {len(cols)} columns, expected 6")
            local_path, sha, lines, repo, commit, path = cols
            full = os.path.join(bench, local_path)
            size = os.path.getsize(full)
            actual = sha256_file(full)
            if actual != sha:
                raise SystemExit(f"{full}: sha256 {actual} but MANIFEST.tsv says {sha}")
            url = RAW.format(repo=repo, commit=commit, path=path)
            rows.append([entry_of(local_path), "benchmarks-data/" + local_path, fmt(local_path), size, sha, lines, url,
                         "download", "-", "-"])
    rows.sort(key=lambda r: (list(DATASETS).index(r[0]), r[1]))

    corpus = os.path.join(shared, CORPUS["local_path"])
    content = hashlib.sha256()
    content_bytes = 0
    content_lines = 0
    with gzip.open(corpus, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            content.update(block)
            content_bytes += len(block)
            content_lines += block.count(b"\n")
    rows.append(["enwiki-2015-AA", CORPUS["local_path"], "wikiextractor-text-gz",
                 os.path.getsize(corpus), sha256_file(corpus), content_lines,
                 RAW.format(repo=CORPUS["repo"], commit=CORPUS["commit"], path=CORPUS["path"]),
                 "concat-gzip", content_bytes, content.hexdigest()])
    rows.extend(REGISTRY_FILES)

    generated = ("generated by benchmarks-data/tools/make_manifest.py from shared/benchmarks-data/"
                 "MANIFEST.tsv and shared/corpora; do not edit by hand")
    write_tsv(os.path.join(out_dir, "datasets.tsv"),
              ["x2s dataset entries: " + generated,
               "kind=file: root is the entry's one file; kind=directory: every files.tsv row under root"],
              ["id", "task", "kind", "root", "licence", "citation", "note"],
              [[k, *v] for k, v in DATASETS.items()])
    write_tsv(os.path.join(out_dir, "files.tsv"),
              ["x2s dataset files: " + generated,
               "lines = newline count of the file (of the decompressed content for concat-gzip); "
               "'-' = not applicable",
               "assembly: download = fetch source_url; concat-gzip = fetch the {NN..MM} parts of "
               "source_url in order, concatenate, gzip"],
              ["entry", "path", "format", "bytes", "sha256", "lines", "source_url", "assembly",
               "content_bytes", "content_sha256"],
              rows)
    print(f"wrote {len(DATASETS)} entries and {len(rows)} files to {out_dir}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
