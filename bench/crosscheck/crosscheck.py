#!/usr/bin/python3
"""Independent cross-check of x2s's word-similarity, analogy and SemEval-2012 scores.

Implements docs/PROTOCOLS.md from scratch with numpy/scipy (and gensim as a second reference for
3CosAdd on Google), reading the benchmark files directly. Run with Debian's interpreter:

  /usr/bin/python3 bench/crosscheck/crosscheck.py --data ../shared/benchmarks-data \
      --vectors out/glove/glove.6B.100d.w2v.txt --gensim --semeval \
      --out-json out/crosscheck/glove.json --out-md out/crosscheck/glove.md

Protocol choices this script makes where PROTOCOLS.md leaves room (keep the Java side in step):
  * lookup: exact word, else str.lower(word); the first row wins for duplicate words. An analogy word
    must additionally have its row index < N (the search space) to count as found under `skip`.
  * similarity: cosine of the raw vectors (0 if either is a zero vector); Spearman via
    scipy.stats.spearmanr (average ranks); duplicate rows kept, file order.
  * coverage: `skip` reports kept items / items; `meanfill` reports found words / words, counting
    every word occurrence in the items (a word in two pairs counts twice).
  * meanfill mean vector: mean of all loaded rows (not only the search space), unit-normalised for
    analogies. Under meanfill a found query word whose row lies beyond N still uses its own vector.
  * analogy scores are computed in float32 from three cosine matrices; ties go to the lowest row
    (numpy.argmax returns the first maximum).
"""
import argparse
import csv
import json
import os
import re
import sys
import tempfile
import time

import numpy as np
from scipy.stats import spearmanr

EPS = 0.001
SIMILARITY = [  # id, file, (word1 col, word2 col, score col), header lines to skip
    ("simlex999", "similarity/SimLex-999.txt", (0, 1, 3), 1),
    ("men", "similarity/MEN-3k.txt", (0, 1, 2), 0),
    ("ws353", "similarity/WS-353-ALL.txt", (0, 1, 2), 0),
    ("ws353-sim", "similarity/WS-353-SIM.txt", (0, 1, 2), 0),
    ("ws353-rel", "similarity/WS-353-REL.txt", (0, 1, 2), 0),
    ("rw", "similarity/RW-2034.tsv", (0, 1, 2), 0),
]


def log(msg):
    print(f"[crosscheck {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------- vectors

class Vectors:
    """word2vec text vectors: words, float32 matrix, and the exact-then-lower lookup."""

    def __init__(self, path, lower):
        self.path = path
        self.lower = lower
        with open(path, encoding="utf-8") as f:
            text = f.read()
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        first = lines[0].split()
        start = 0
        dim = None
        if len(first) == 2 and all(t.isdigit() for t in first):
            dim = int(first[1])
            start = 1
            if int(first[0]) != len(lines) - 1:
                sys.exit(f"{path}: header says {first[0]} rows but the file has {len(lines) - 1}")
        words, rests = [], []
        for line in lines[start:]:
            w, _, rest = line.rstrip("\r").partition(" ")
            words.append(w)
            rests.append(rest)
        if dim is None:
            dim = len(rests[0].split())
        flat = np.fromstring(" ".join(rests), dtype=np.float32, sep=" ")  # C parser, fast
        if flat.size != len(words) * dim:
            for i, rest in enumerate(rests):  # find the offending line for the message
                if len(rest.split()) != dim:
                    sys.exit(f"{path} line {i + start + 1}: {len(rest.split())} numbers, expected {dim}")
            sys.exit(f"{path}: {flat.size} numbers, expected {len(words)} x {dim}")
        self.matrix = flat.reshape(len(words), dim)
        self.words = words
        self.index = {}
        for i, w in enumerate(words):
            self.index.setdefault(w.lower() if lower else w, i)  # first occurrence wins
        norms = np.linalg.norm(self.matrix, axis=1, keepdims=True)
        self.unit = np.divide(self.matrix, norms, out=np.zeros_like(self.matrix), where=norms > 0)
        self.mean = self.matrix.astype(np.float64).mean(axis=0).astype(np.float32)
        n = np.linalg.norm(self.mean)
        self.mean_unit = self.mean / n if n > 0 else self.mean

    def find(self, word):
        """Row of `word` (exact, else lower-cased), or None."""
        if self.lower:
            return self.index.get(word.lower())
        i = self.index.get(word)
        return i if i is not None else self.index.get(word.lower())


def cosine(u, v):
    nu, nv = np.linalg.norm(u), np.linalg.norm(v)
    if nu == 0 or nv == 0:
        return 0.0
    return float(np.dot(u.astype(np.float64), v.astype(np.float64)) / (float(nu) * float(nv)))


# ------------------------------------------------------------------------------------------ similarity

def read_pairs(path, cols, header):
    pairs = []
    with open(path, encoding="utf-8", newline="") as f:
        for n, line in enumerate(f, start=1):
            line = line.rstrip("\r\n")
            if n <= header or not line.strip():
                continue
            c = line.split("\t")
            try:
                pairs.append((c[cols[0]], c[cols[1]], float(c[cols[2]])))
            except (IndexError, ValueError):
                sys.exit(f"{path} line {n}: cannot read word1, word2, score from {line!r}")
    return pairs


def similarity(vec, pairs, protocol):
    sims, gold = [], []
    found_words = 0
    for w1, w2, score in pairs:
        i, j = vec.find(w1), vec.find(w2)
        found_words += (i is not None) + (j is not None)
        if protocol == "skip":
            if i is None or j is None:
                continue
            u, v = vec.matrix[i], vec.matrix[j]
        else:
            u = vec.matrix[i] if i is not None else vec.mean
            v = vec.matrix[j] if j is not None else vec.mean
        sims.append(cosine(u, v))
        gold.append(score)
    rho = float(spearmanr(sims, gold).correlation) if len(sims) >= 2 else float("nan")
    out = {"spearman": rho, "pairs": len(pairs), "kept": len(sims),
           "words": 2 * len(pairs), "words_found": found_words}
    out["coverage"] = (len(sims) / len(pairs)) if protocol == "skip" else found_words / (2 * len(pairs))
    return out


# ------------------------------------------------------------------------------------------- analogies

def read_google(path):
    qs, section, n_sections = [], None, 0
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            line = line.strip()
            if not line:
                continue
            if line.startswith(":"):
                section = line[1:].strip()
                n_sections += 1
                continue
            t = line.split()
            if len(t) != 4 or section is None:
                sys.exit(f"{path} line {n}: expected 4 words after a ': section' line, got {line!r}")
            qs.append((t[0], t[1], t[2], t[3], "semantic" if n_sections <= 5 else "syntactic"))
    if n_sections != 14:
        sys.exit(f"{path}: {n_sections} sections, expected 14")
    return qs


def read_msr(path):
    qs = []
    with open(path, encoding="utf-8", newline="") as f:
        r = csv.reader(f)
        header = next(r)
        if header != ["", "type", "word1", "word2", "word3", "target"]:
            sys.exit(f"{path} line 1: unexpected header {header}")
        for n, row in enumerate(r, start=2):
            if len(row) != 6:
                sys.exit(f"{path} line {n}: {len(row)} fields, expected 6")
            qs.append((row[2], row[3], row[4], row[5], row[1]))
    return qs


def analogy(vec, questions, protocol, n_search, batch=128, skip_result=None):
    """Per question: [counted, 3CosAdd correct, 3CosMul correct, words found].

    Under meanfill, a question whose four words are all in the search space is scored exactly as under
    skip (same vectors, same exclusions), and one whose answer is outside it is wrong whatever is
    predicted; so with `skip_result` given only the remaining questions are searched.
    """
    n = min(n_search, len(vec.words))
    space = vec.unit[:n]
    rows = []  # (question number, a, b, c rows or -1 for the mean, answer row or -1, excluded rows)
    per_q = []
    for qn, (a, b, c, d, _tag) in enumerate(questions):
        idx = [vec.find(w) for w in (a, b, c, d)]
        in_space = [i is not None and i < n for i in idx]
        per_q.append([False, False, False, sum(i is not None for i in idx)])
        if protocol == "skip":
            if not all(in_space):
                continue
            rows.append((qn, idx[0], idx[1], idx[2], idx[3], idx[:3]))
        else:
            per_q[-1][0] = True  # meanfill counts every question
            if skip_result is not None and all(in_space):
                per_q[-1][1:3] = skip_result[qn][1:3]
                continue
            if not in_space[3]:
                continue  # the answer can never be predicted: wrong
            q = [i if i is not None else -1 for i in idx[:3]]
            excl = [i for i in idx[:3] if i is not None and i < n]
            rows.append((qn, q[0], q[1], q[2], idx[3] if in_space[3] else -1, excl))

    def qvec(i):
        return vec.unit[i] if i >= 0 else vec.mean_unit

    for s in range(0, len(rows), batch):
        chunk = rows[s:s + batch]
        ca = np.stack([qvec(r[1]) for r in chunk]) @ space.T  # (batch, n) cosines of unit vectors
        cb = np.stack([qvec(r[2]) for r in chunk]) @ space.T
        cc = np.stack([qvec(r[3]) for r in chunk]) @ space.T
        add = cb - ca + cc
        # 3CosMul on s = (cos + 1) / 2, computed in place: s_b * s_c / (s_a + eps)
        ca += 1
        ca *= 0.5
        ca += EPS
        cb += 1
        cb *= 0.5
        cc += 1
        cc *= 0.5
        cb *= cc
        cb /= ca
        mul = cb
        for k, r in enumerate(chunk):
            add[k, r[5]] = -np.inf
            mul[k, r[5]] = -np.inf
        pa = np.argmax(add, axis=1)  # first maximum = lowest row on ties
        pm = np.argmax(mul, axis=1)
        for k, r in enumerate(chunk):
            rec = per_q[r[0]]
            rec[0] = True
            rec[1] = bool(r[4] >= 0 and pa[k] == r[4])
            rec[2] = bool(r[4] >= 0 and pm[k] == r[4])
    return per_q


def summarise(per_q, questions, protocol, keep=lambda q: True):
    sel = [r for r, q in zip(per_q, questions) if keep(q)]
    counted = sum(r[0] for r in sel)
    words_found = sum(r[3] for r in sel)
    return {"correct": {"3CosAdd": sum(r[1] for r in sel), "3CosMul": sum(r[2] for r in sel)},
            "counted": counted, "total": len(sel), "words": 4 * len(sel), "words_found": words_found,
            "coverage": (counted / len(sel)) if protocol == "skip" else words_found / (4 * len(sel))}


# ----------------------------------------------------------------------------------------- SemEval-2012

PAIR = re.compile(r'^\s*(-?[0-9.]+)\s+"([^"]*)"\s*$')


def read_prototypes(path):
    with open(path, encoding="utf-8") as f:
        lines = [l.strip() for l in f.read().splitlines()]
    try:
        start = lines.index("Consider the following word pairs:")
        end = next(i for i in range(start, len(lines)) if lines[i].startswith("What relation best describes"))
    except (ValueError, StopIteration):
        sys.exit(f"{path}: no prototype block")
    protos = []
    for i in range(start + 1, end):
        if lines[i]:
            x, sep, y = lines[i].partition(":")
            if not sep:
                sys.exit(f"{path} line {i + 1}: expected x:y, got {lines[i]!r}")
            protos.append((x.strip(), y.strip()))
    return protos


def read_gold(path):
    pairs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            if line.startswith("#") or not line.strip():
                continue
            m = PAIR.match(line)
            if not m:
                sys.exit(f"{path} line {n}: expected 'score \"x:y\"', got {line.rstrip()!r}")
            x, _, y = m.group(2).partition(":")
            pairs.append((x.strip(), y.strip(), float(m.group(1))))
    return pairs


def semeval(vec, root):
    results = {}
    for split in ("dev", "test"):
        d = os.path.join(root, split)
        cats = sorted(f[len("GoldRatings-"):-4] for f in os.listdir(d) if f.startswith("GoldRatings-"))
        for cat in cats:
            protos = read_prototypes(os.path.join(d, f"Phase1Questions-{cat}.txt"))
            gold = read_gold(os.path.join(d, f"GoldRatings-{cat}.txt"))
            found = [(vec.find(x), vec.find(y)) for x, y in protos]
            found = [(i, j) for i, j in found if i is not None and j is not None]
            res = {"split": split, "prototypes": len(protos), "prototypes_found": len(found),
                   "pairs": len(gold)}
            if found:
                r = (vec.unit[[i for i, _ in found]].astype(np.float64).mean(axis=0)
                     - vec.unit[[j for _, j in found]].astype(np.float64).mean(axis=0))
                scores, golds = [], []
                for x, y, g in gold:
                    i, j = vec.find(x), vec.find(y)
                    if i is None or j is None:
                        continue
                    scores.append(float(r @ (vec.unit[i].astype(np.float64) - vec.unit[j])))
                    golds.append(g)
                res["kept"] = len(scores)
                if len(scores) >= 3:
                    res["spearman"] = float(spearmanr(scores, golds).correlation)
            results[f"{split}/{cat}"] = res
    def mean_of(keys):
        vals = [results[k]["spearman"] for k in keys if "spearman" in results[k]]
        return {"mean_spearman": float(np.mean(vals)) if vals else float("nan"),
                "scored": len(vals), "categories": len(keys)}
    test = [k for k in results if k.startswith("test/")]
    return {"test": mean_of(test), "all": mean_of(list(results)), "categories": results}


# ------------------------------------------------------------------------------------------------ gensim

def gensim_google(vectors_path, google_path, n_search):
    from gensim.models import KeyedVectors
    kv = KeyedVectors.load_word2vec_format(vectors_path, binary=False)
    score, sections = kv.evaluate_word_analogies(google_path, restrict_vocab=n_search,
                                                 case_insensitive=True)
    named = [s for s in sections if s["section"] != "Total accuracy"]
    def count(ss):
        c = sum(len(s["correct"]) for s in ss)
        return {"correct": c, "counted": c + sum(len(s["incorrect"]) for s in ss)}
    return {"total": count(named), "semantic": count(named[:5]), "syntactic": count(named[5:]),
            "gensim_score": float(score)}


# ---------------------------------------------------------------------------------------------- output

def write_atomic(path, text):
    d = os.path.dirname(os.path.abspath(path))
    os.makedirs(d, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".crosscheck-", dir=d)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def markdown(res):
    out = [f"Vectors: `{res['vectors']}` ({res['rows']} rows x {res['dim']}), search space N = "
           f"{res['search_space']}, lower = {res['lower']}", ""]
    out += ["| similarity | skip ρ | skip coverage (pairs) | meanfill ρ | meanfill coverage (words) |",
            "|---|---|---|---|---|"]
    for name, _f, _c, _h in SIMILARITY:
        s, m = res["similarity"]["skip"][name], res["similarity"]["meanfill"][name]
        out.append(f"| {name} | {s['spearman']:.4f} | {s['kept']}/{s['pairs']} | {m['spearman']:.4f} | "
                   f"{m['words_found']}/{m['words']} |")
    out += ["", "| analogy | protocol | 3CosAdd | 3CosMul | counted / questions |", "|---|---|---|---|---|"]
    for proto in ("skip", "meanfill"):
        for name, a in res["analogy"][proto].items():
            cnt = a["counted"]
            cell = lambda m: f"{a['correct'][m]}/{cnt} ({100 * a['correct'][m] / cnt:.2f}%)" if cnt else "-"
            out.append(f"| {name} | {proto} | {cell('3CosAdd')} | {cell('3CosMul')} | {cnt}/{a['total']} |")
    if "gensim_google" in res:
        g = res["gensim_google"]
        out += ["", "gensim `evaluate_word_analogies(restrict_vocab=%d, case_insensitive=True)`, 3CosAdd:"
                % res["search_space"], "", "| google | correct / counted |", "|---|---|"]
        for k in ("total", "semantic", "syntactic"):
            out.append(f"| {k} | {g[k]['correct']}/{g[k]['counted']} |")
    if "semeval" in res:
        s = res["semeval"]
        out += ["", "| SemEval-2012 Task 2 (skip) | mean Spearman | categories scored |", "|---|---|---|",
                f"| test (69) | {s['test']['mean_spearman']:.4f} | {s['test']['scored']}/{s['test']['categories']} |",
                f"| all (79) | {s['all']['mean_spearman']:.4f} | {s['all']['scored']}/{s['all']['categories']} |"]
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True, help="benchmarks-data directory (or the shared/ directory)")
    ap.add_argument("--vectors", required=True, help="word2vec text file")
    ap.add_argument("--search", type=int, default=300000, help="analogy search space: first N rows")
    ap.add_argument("--lower", action="store_true", help="lower-case the vocabulary (first wins) and words")
    ap.add_argument("--no-reuse", action="store_true",
                    help="search every meanfill question instead of reusing skip results (slower; same answer)")
    ap.add_argument("--gensim", action="store_true", help="also run gensim's evaluate_word_analogies on Google")
    ap.add_argument("--semeval", action="store_true", help="also score SemEval-2012 Task 2")
    ap.add_argument("--out-json")
    ap.add_argument("--out-md")
    args = ap.parse_args()

    data = args.data
    if os.path.isdir(os.path.join(data, "benchmarks-data")):
        data = os.path.join(data, "benchmarks-data")
    t0 = time.time()
    vec = Vectors(args.vectors, args.lower)
    log(f"loaded {len(vec.words)} x {vec.matrix.shape[1]} from {args.vectors} in {time.time() - t0:.1f}s")
    res = {"vectors": args.vectors, "rows": len(vec.words), "dim": int(vec.matrix.shape[1]),
           "search_space": min(args.search, len(vec.words)), "lower": args.lower,
           "similarity": {}, "analogy": {}}
    for proto in ("skip", "meanfill"):
        res["similarity"][proto] = {
            name: similarity(vec, read_pairs(os.path.join(data, f), cols, header), proto)
            for name, f, cols, header in SIMILARITY}
    log("similarity done")
    google_path = os.path.join(data, "analogy/google-questions-words.txt")
    google = read_google(google_path)
    msr = read_msr(os.path.join(data, "analogy/msr.csv"))
    prev = {}
    for proto in ("skip", "meanfill"):
        t = time.time()
        if args.no_reuse:
            prev = {}
        g = analogy(vec, google, proto, args.search, skip_result=prev.get("google"))
        m = analogy(vec, msr, proto, args.search, skip_result=prev.get("msr"))
        prev = {"google": g, "msr": m}
        res["analogy"][proto] = {
            "google": summarise(g, google, proto),
            "google-semantic": summarise(g, google, proto, lambda q: q[4] == "semantic"),
            "google-syntactic": summarise(g, google, proto, lambda q: q[4] == "syntactic"),
            "msr": summarise(m, msr, proto)}
        log(f"analogy {proto} done in {time.time() - t:.1f}s")
    if args.semeval:
        res["semeval"] = semeval(vec, os.path.join(data, "relational/semeval2012-task2"))
        log("semeval done")
    if args.gensim:
        del vec  # free memory before gensim loads its own copy
        t = time.time()
        res["gensim_google"] = gensim_google(args.vectors, google_path, args.search)
        log(f"gensim done in {time.time() - t:.1f}s")
    res["seconds"] = round(time.time() - t0, 1)
    md = markdown(res)
    if args.out_json:
        write_atomic(args.out_json, json.dumps(res, indent=1, sort_keys=False) + "\n")
    if args.out_md:
        write_atomic(args.out_md, md)
    sys.stdout.write(md)


if __name__ == "__main__":
    main()
