#!/usr/bin/python3
"""Recipe grid for the shipped vocabulary (issue 11): explores teacher, layer(s), pooling, fallback blend,
post-processing and ensembles over the per-layer files of `x2s pc` runs, restricted to the words of a grid
list. Every row covers every benchmark word (fallback = the word alone), so all rows score the same pairs.
Rows are ranked on the development half of SimLex-999 and MEN only (split: sha256 of "seed:w1\tw2", even
first byte = dev; the same rule as `x2s eval --split`); every other number is reported, not used.

usage: grid.py --run NAME=DIR[:COUNTS] ... --data SHARED --words GRID_WORDS --freq CORPUS_COUNTS [--out TSV]
Independent of x2s's Java code: numpy for the vectors, scipy.stats.spearmanr for the scores.
"""
import argparse, hashlib, itertools, os, re, struct, sys, time
import numpy as np
from scipy.stats import spearmanr

def read_x2v(path, keep):
    data = open(path, "rb").read()
    magic, version, dtype, _, dim, count, vocab_bytes = struct.unpack_from("<4sHBBIIQ", data, 0)
    assert magic == b"X2VF" and version == 1 and data[-4:] == b"X2VE", path
    words, p = [], 24
    for _ in range(count):
        (n,) = struct.unpack_from("<I", data, p)
        words.append(data[p + 4:p + 4 + n].decode("utf-8"))
        p += 4 + n
    start = (24 + vocab_bytes + 63) // 64 * 64
    assert dtype == 0, path
    m = np.frombuffer(data, "<f4", count * dim, start).reshape(count, dim)
    idx = [i for i, w in enumerate(words) if w in keep]
    return {words[i]: m[i].astype(np.float64) for i in idx}

SETS = [("simlex", "SimLex-999.txt", 1), ("men", "MEN-3k.txt", 0), ("ws353", "WS-353-ALL.txt", 0),
        ("ws353-sim", "WS-353-SIM.txt", 0), ("ws353-rel", "WS-353-REL.txt", 0), ("rw", "RW-2034.tsv", 0)]

def is_dev(seed, a, b):
    return hashlib.sha256(f"{seed}:{a}\t{b}".encode()).digest()[0] % 2 == 0

def load_pairs(shared, seed):
    out = {}
    for name, f, skip in SETS:
        rows = []
        for i, l in enumerate(open(os.path.join(shared, "benchmarks-data/similarity", f), encoding="utf-8")):
            if i < skip or not l.strip():
                continue
            p = l.rstrip("\n").split("\t") if "\t" in l else l.split()
            rows.append((p[0].lower(), p[1].lower(), float(p[3] if name == "simlex" else p[2])))
        out[name] = rows
        if name in ("simlex", "men"):
            out[name + "-dev"] = [r for r in rows if is_dev(seed, r[0], r[1])]
            out[name + "-test"] = [r for r in rows if not is_dev(seed, r[0], r[1])]
    return out

def unit(m):
    n = np.linalg.norm(m, axis=1, keepdims=True)
    n[n == 0] = 1
    return m / n

def abtt(m, fit_rows, d):
    mu = m[fit_rows].mean(0)
    x = m - mu
    if d > 0:
        _, _, vt = np.linalg.svd(x[fit_rows], full_matrices=False)
        u = vt[:d]
        x = x - (x @ u.T) @ u
    return x

def score(vec, index, pairs):
    out = {}
    for name, rows in pairs.items():
        a = np.array([index[r[0]] for r in rows]); b = np.array([index[r[1]] for r in rows])
        va, vb = unit(vec[a]), unit(vec[b])
        out[name] = spearmanr((va * vb).sum(1), [r[2] for r in rows]).correlation
    return out

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--run", action="append", required=True, help="NAME=DIR (x2s pc output with decontext)")
    ap.add_argument("--data", required=True)
    ap.add_argument("--words", required=True)
    ap.add_argument("--freq", required=True, help="word<TAB>count, most frequent first (post-processing fit set)")
    ap.add_argument("--counts", action="append", default=[], help="NAME=FILE word<TAB>sentences for blends")
    ap.add_argument("--fit", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--methods", default="pc,mean", help="corpus vectors to try")
    ap.add_argument("--kappas", default="1,3,10,30", help="blend kappas to try (fill is always tried)")
    ap.add_argument("--centre", default="no,yes", help="centre each source before the blend: no, yes or both")
    ap.add_argument("--layers", action="append", default=[], help="NAME=L1,L2,... load only these layers of a run")
    ap.add_argument("--out")
    a = ap.parse_args()
    words = [w.strip() for w in open(a.words, encoding="utf-8") if w.strip()]
    index = {w: i for i, w in enumerate(words)}
    keep = set(words)
    fit = []
    for l in open(a.freq, encoding="utf-8"):
        w = l.split("\t")[0]
        if w in index and re.search("[a-z]", w):
            fit.append(index[w])
        if len(fit) >= a.fit:
            break
    fit = np.array(fit)
    pairs = load_pairs(a.data, a.seed)
    for rows in pairs.values():
        for r in rows:
            assert r[0] in index and r[1] in index, r
    counts = {}
    for spec in a.counts:
        name, f = spec.split("=", 1)
        c = np.zeros(len(words))
        for l in open(f, encoding="utf-8"):
            w, n = l.rstrip("\n").split("\t")
            if w in index:
                c[index[w]] = float(n)
        counts[name] = c
    results = []

    def emit(label, m):
        s = score(m, index, pairs)
        s["dev"] = (s["simlex-dev"] + s["men-dev"]) / 2
        results.append((label, s))
        print(f"{s['dev']:.4f}  {label}  simlex {s['simlex']:.3f} men {s['men']:.3f} ws {s['ws353']:.3f} rw {s['rw']:.3f}",
              flush=True)

    bases = {}  # (run, layerkey) -> matrices for pooled/decontext with presence mask
    for spec in a.run:
        name, d = spec.split("=", 1)
        files = os.listdir(d)
        layers = sorted({int(m.group(1)) for f in files for m in [re.match(r"decontext-layer(\d+)\.x2v$", f)] if m})
        only = [spec.split("=", 1)[1] for spec in a.layers if spec.split("=", 1)[0] == name]
        if only:
            layers = [L for L in layers if L in {int(x) for x in only[0].split(",")}]
        dim = None
        per = {}
        for L in layers:
            for meth in a.methods.split(",") + ["decontext"]:
                f = os.path.join(d, f"{meth}-layer{L}.x2v")
                if not os.path.exists(f):
                    continue
                v = read_x2v(f, keep)
                dim = dim or len(next(iter(v.values())))
                m = np.zeros((len(words), dim), np.float32); has = np.zeros(len(words), bool)
                for w, x in v.items():
                    m[index[w]] = x; has[index[w]] = True
                per[(meth, L)] = (m, has)
        bases[name] = (layers, per)
        print(f"# {name}: layers {layers}, dim {dim}", file=sys.stderr, flush=True)

    def layer_sets(layers):
        top = layers[-1]
        sets = [(str(L), [L]) for L in layers]
        sets += [(f"avg{lo}-{top}", list(range(lo, top + 1))) for lo in (1, max(1, top // 2), max(1, top - 3))]
        sets += [(f"avg0-{top}", list(range(0, top + 1)))]
        have = set(layers)
        return list(dict.fromkeys((k, tuple(v)) for k, v in sets if set(v) <= have))

    def combine(name, meth, ls):
        layers, per = bases[name]
        m = sum(unit(per[(meth, L)][0]) for L in ls) / len(ls)
        return m, per[(meth, ls[0])][1]

    cands = {}
    for name in bases:
        layers, per = bases[name]
        c = counts.get(name)
        for lk, ls in layer_sets(layers):
            dc, _ = combine(name, "decontext", ls)
            for post in ("none", "abtt"):
                D = max(1, dc.shape[1] // 100)
                pp = (lambda m: m) if post == "none" else (lambda m: abtt(m, fit, D))
                emit(f"{name} L{lk} decontext {post}", pp(dc))
                cands[(name, lk, "decontext", post)] = pp(dc)
                for meth in a.methods.split(","):
                    if (meth, ls[0]) not in per:
                        continue
                    pm, has = combine(name, meth, ls)
                    fill = np.where(has[:, None], unit(pm), unit(dc))
                    emit(f"{name} L{lk} {meth}+fill {post}", pp(fill))
                    if c is None:
                        continue
                    for kappa in [float(k) for k in a.kappas.split(",")]:
                        kappa = int(kappa) if kappa == int(kappa) else kappa
                        for centre in [c == "yes" for c in a.centre.split(",")]:
                            p_, d_ = pm, dc
                            if centre:
                                p_ = pm - pm[fit].mean(0); d_ = dc - dc[fit].mean(0)
                            al = (c / (c + kappa))[:, None] * has[:, None]
                            bl = al * unit(p_) + (1 - al) * unit(d_)
                            lab = f"{name} L{lk} {meth}+blend{kappa}{'c' if centre else ''} {post}"
                            emit(lab, pp(bl))
                            cands[(name, lk, f"{meth}+blend{kappa}{'c' if centre else ''}", post)] = pp(bl)
    # ensembles: best dev candidate per teacher, concatenated (each centred on the fit set, unit) or averaged
    best = {}
    for (name, lk, meth, post), m in cands.items():
        s = [r for r in results if r[0] == f"{name} L{lk} {meth} {post}"][0][1]["dev"]
        if name not in best or s > best[name][0]:
            best[name] = (s, (name, lk, meth, post), m)
    names = sorted(best)
    for k in range(2, len(names) + 1):
        for combo in itertools.combinations(names, k):
            parts = [unit(best[n][2] - best[n][2][fit].mean(0)) for n in combo]
            lab = " + ".join(" ".join(best[n][1]) for n in combo)
            cat = np.concatenate(parts, 1)
            emit(f"concat[{lab}]", cat)
            emit(f"concat[{lab}] abtt", abtt(cat, fit, max(1, cat.shape[1] // 100)))
    results.sort(key=lambda r: -r[1]["dev"])
    cols = ["dev", "simlex-dev", "men-dev", "simlex-test", "men-test", "simlex", "men", "ws353", "ws353-sim",
            "ws353-rel", "rw"]
    lines = ["row\t" + "\t".join(cols)] + [r[0] + "\t" + "\t".join(f"{r[1][c]:.4f}" for c in cols) for r in results]
    if a.out:
        open(a.out, "w").write("\n".join(lines) + "\n")
    print("\n".join(lines[:25]))

if __name__ == "__main__":
    main()
