#!/usr/bin/env python3
"""How many gold events of the dev set's TUNE half a trigger row could find.

usage: scripts/lexicon/coverage.py [--attache target/release/attache] [--dev ../shared/data/dev]
                                   [--triggers models/events/triggers.tsv] [--list]

Parses each tune document with `attache parse` and, for every gold event,
looks for a token inside the gold trigger text (its first occurrence in the
document) that a row of the trigger file matches (rowcounts.py's matching:
lemma, part of speech, required words). Prints, per PLOVER type, the gold
events, those with a row of the same type in the span, and those with a row
of another type only. This is an upper bound on the coder's type recall
(arguments are not checked). Only "tune" documents are read: the "check" half
is scored, never studied (docs/evaluation.md). --list prints the gold
triggers with no same-type row, to see which constructions the lexicon lacks.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mine import analyse, read_sentences  # noqa: E402
from rowcounts import DEFAULT, index, read_rows  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")


def tune_ids(dev):
    ids = []
    with open(os.path.join(dev, "split.tsv"), encoding="utf-8") as fh:
        for line in fh:
            f = line.split()
            if len(f) == 2 and not line.startswith("#") and f[1] == "tune":
                ids.append(f[0])
    return ids


def matches(parsed_path, by):
    """(start, end, type, row id) for every token a row matches."""
    found = []
    for toks, _, _ in read_sentences(parsed_path):
        _, deps, _, _ = analyse(toks)
        for t in toks:
            cands = by.get((t["lemma"], t["upos"]))
            if not cands or t.get("range") is None:
                continue
            near = {d["lemma"] for d in deps[t["id"]]}
            for d in deps[t["id"]]:
                near |= {e["lemma"] for e in deps[d["id"]]}
            row = next((r for r in cands if all(w in near for w in r["with"])), None)
            if row:
                found.append((*t["range"], row["type"], row["id"]))
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--attache", default=os.path.join(ROOT, "target", "release", "attache"))
    ap.add_argument("--dev", default=os.path.join(ROOT, "..", "shared", "data", "dev"))
    ap.add_argument("--triggers", default=DEFAULT)
    ap.add_argument("--tmp", default="/tmp/attache-lexicon-coverage")
    ap.add_argument("--list", action="store_true")
    a = ap.parse_args()
    if not os.path.isdir(a.dev):
        print(f"SKIPPED: no dev set at {a.dev}")
        return
    by = index(read_rows(a.triggers))
    os.makedirs(a.tmp, exist_ok=True)
    stats = collections.defaultdict(lambda: [0, 0, 0])
    missed = []
    for doc in tune_ids(a.dev):
        txt = os.path.join(a.dev, doc + ".txt")
        out = os.path.join(a.tmp, doc + ".conllu")
        with open(out, "w", encoding="utf-8") as fh:
            subprocess.run([a.attache, "parse", txt], stdout=fh, check=True)
        text = open(txt, encoding="utf-8").read()
        found = matches(out, by)
        gold = json.load(open(os.path.join(a.dev, doc + ".gold.json"), encoding="utf-8"))
        for ev in gold.get("events", []):
            s = stats[ev["type"]]
            s[0] += 1
            start = text.find(ev.get("trigger") or "\0")
            if start < 0:
                continue
            end = start + len(ev["trigger"])
            types = {ty for (b, e, ty, _) in found if b >= start and e <= end}
            if ev["type"] in types:
                s[1] += 1
            else:
                if types:
                    s[2] += 1
                missed.append((doc, ev["type"], ev["trigger"][:120], sorted(types)))
    total = [sum(s[i] for s in stats.values()) for i in range(3)]
    print("type\tgold\tsame-type row in span\tother type only")
    for ty in sorted(stats):
        print(f"{ty}\t{stats[ty][0]}\t{stats[ty][1]}\t{stats[ty][2]}")
    print(f"all\t{total[0]}\t{total[1]} ({100 * total[1] / max(total[0], 1):.0f}%)\t{total[2]}")
    if a.list:
        for m in missed:
            print("\t".join([m[0], m[1], m[2], ",".join(m[3])]))


if __name__ == "__main__":
    main()
