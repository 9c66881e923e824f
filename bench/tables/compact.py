#!/usr/bin/env python3
"""Compact Markdown tables from `x2s eval --format json` reports.

One row per vector file, the columns of Ethayarajh (2019) Table 1 (SimLex, MEN, WS353, RW, Google and
MSR analogies with 3CosAdd, SemEval-2012, BLESS, AP), each cell "score (coverage %)". Standard library only.

    compact.py [--label-from name|dir] [--strip SUFFIX] REPORT.json [REPORT.json ...]

Rows keep the order of the reports and of the vectors inside each report.
"""
import argparse
import json
import sys

COLUMNS = [
    ("SimLex", "simlex999", "spearman"),
    ("MEN", "men", "spearman"),
    ("WS353", "ws353", "spearman"),
    ("RW", "rw", "spearman"),
    ("Google", "google", "3cosadd"),
    ("MSR", "msr", "3cosadd"),
    ("SemEval", "semeval2012", "spearman-test"),
    ("BLESS", "bless", "purity"),
    ("AP", "ap", "purity"),
]


def cell(scores, benchmark, metric):
    for s in scores:
        if s["benchmark"] == benchmark and s["metric"] == metric:
            if s.get("score") is None:
                return "—"
            cov = 100.0 * s["covered"] / s["total"] if s["total"] else 0.0
            return "%.3f (%.0f%%)" % (s["score"], cov)
    return ""


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("reports", nargs="+")
    ap.add_argument("--strip", default="", help="suffix removed from vector names, e.g. .x2v")
    ap.add_argument("--first", default="vectors", help="header of the first column")
    args = ap.parse_args(argv)
    print("| %s | %s |" % (args.first, " | ".join(c[0] for c in COLUMNS)))
    print("|---|" + "---:|" * len(COLUMNS))
    for path in args.reports:
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
        for v in report["vectors"]:
            name = v["name"]
            if args.strip and name.endswith(args.strip):
                name = name[: -len(args.strip)]
            cells = [cell(v["scores"], b, m) for _, b, m in COLUMNS]
            print("| %s | %s |" % (name, " | ".join(cells)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
