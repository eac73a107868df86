#!/usr/bin/env python3
"""Blind before/after judging of coded events.

  blind-judgments.py mix BEFORE.md AFTER.md SEED OUT_PREFIX
      merges two `event-sample.py` samples into one shuffled list (an event
      coded identically in both is judged once), split in two halves for two
      judges: OUT_PREFIX-A.md, OUT_PREFIX-B.md and OUT_PREFIX-map.json (item
      number -> which sample and rank it stands for).
  blind-judgments.py score MAP.json JUDGED.tsv...
      counts the judges' y verdicts per column for each sample.
"""
import csv
import json
import random
import re
import sys

COLS = ["event_ok", "type_ok", "source_ok", "target_ok", "status_ok", "full_ok"]


def items(path):
    parts = re.split(r"\n## (\d+)\. ", open(path).read())
    out = []
    for i in range(1, len(parts), 2):
        first, rest = parts[i + 1].strip("\n").split("\n", 1)
        out.append((re.match(r"doc (\S+)", first).group(1), rest))
    return out


def mix(before, after, seed, prefix):
    merged = {}
    for tag, path in (("b", before), ("a", after)):
        for rank, (doc, rest) in enumerate(items(path), 1):
            entry = merged.setdefault((doc, rest), {"doc": doc, "rest": rest, "refs": []})
            entry["refs"].append((tag, rank))
    units = list(merged.values())
    random.seed(seed)
    random.shuffle(units)
    half = len(units) // 2
    for name, lo, hi in (("A", 0, half), ("B", half, len(units))):
        with open(f"{prefix}-{name}.md", "w") as f:
            f.write(f"# {hi - lo} coded events drawn from corpus documents\n")
            for n in range(lo, hi):
                f.write(f"\n## {n + 1}. doc {units[n]['doc']}\n{units[n]['rest'].rstrip()}\n")
    json.dump([{"n": n, "refs": u["refs"]} for n, u in enumerate(units, 1)], open(f"{prefix}-map.json", "w"))


def score(map_path, judged):
    refs = {d["n"]: d["refs"] for d in json.load(open(map_path))}
    verdicts = {}
    for path in judged:
        for row in csv.DictReader(open(path), delimiter="\t"):
            if row.get("k", "").strip().isdigit():
                verdicts[int(row["k"])] = row
    for tag, label in (("b", "before"), ("a", "after")):
        counts, n = {c: 0 for c in COLS}, 0
        for k, rs in refs.items():
            for t, _ in rs:
                if t == tag and k in verdicts:
                    n += 1
                    for c in COLS:
                        counts[c] += verdicts[k][c].strip().lower() == "y"
        print(label, n, " ".join(f"{c} {counts[c]}" for c in COLS))


if __name__ == "__main__":
    if len(sys.argv) >= 6 and sys.argv[1] == "mix":
        mix(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])
    elif len(sys.argv) >= 4 and sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(__doc__)
