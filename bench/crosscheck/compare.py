#!/usr/bin/env python3
"""Compares `x2s eval --out X.json` reports (skip and meanfill) with crosscheck.py's JSON.

Usage: compare.py CROSSCHECK.json X2S-SKIP.json X2S-MEANFILL.json
Prints a Markdown table and exits 1 if a similarity score differs by more than 0.002 or an analogy
count differs at all (x2s reports accuracy and the number of counted questions; the count of correct
answers is recovered as round(accuracy * counted)).
"""
import json
import sys

SIM = ["simlex999", "men", "ws353", "ws353-sim", "ws353-rel", "rw"]
ANALOGY = {  # x2s (benchmark, metric suffix) -> crosscheck set name
    ("google", ""): "google",
    ("google", "-semantic"): "google-semantic",
    ("google", "-syntactic"): "google-syntactic",
    ("msr", ""): "msr",
}


def scores(report):
    out = {}
    for s in report["vectors"][0]["scores"]:
        out[(s["benchmark"], s["metric"])] = s
    return out


def main(cross_path, skip_path, meanfill_path):
    cross = json.load(open(cross_path))
    ok = True
    print("| protocol | benchmark | x2s | cross-check | agree |")
    print("|---|---|---:|---:|---|")
    for protocol, path in (("skip", skip_path), ("meanfill", meanfill_path)):
        x = scores(json.load(open(path)))
        for b in SIM:
            a = x[(b, "spearman")]["score"]
            c = cross["similarity"][protocol][b]["spearman"]
            good = abs(a - c) <= 0.002
            ok &= good
            print(f"| {protocol} | {b} | {a:.6f} | {c:.6f} | {'yes' if good else 'NO'} (|Δ| {abs(a - c):.1e}) |")
        for (b, suffix), name in ANALOGY.items():
            cset = cross["analogy"][protocol][name]
            for method, metric in (("3CosAdd", "3cosadd"), ("3CosMul", "3cosmul")):
                s = x[(b, metric + suffix)]
                counted = cset["counted"]
                correct = round(s["score"] * counted)
                # skip: x2s's coverage counts questions; meanfill: it counts words (docs/PROTOCOLS.md)
                same_cover = s["covered"] == counted if protocol == "skip" else True
                good = correct == cset["correct"][method] and same_cover
                ok &= good
                print(f"| {protocol} | {name} {method} | {correct}/{counted} | "
                      f"{cset['correct'][method]}/{counted} | {'yes' if good else 'NO'} |")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
