#!/usr/bin/env python3
"""The mined candidates that no trigger row covers, most frequent first.

usage: scripts/lexicon/uncovered.py MINEDIR {light,verbs,nouns} [--n N] [--triggers FILE]

Reads the tables `mine.py` writes (keep MINEDIR outside the repository) and drops every entry a row of the
trigger file already matches: a verb + object pair whose verb row requires that object (or whose object noun
has a bare NOUN row), a verb or noun lemma with a bare row. What is left is the list to code type by type
(docs/events-lexicon.md, "Session 19").
"""
import argparse
import os

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "models", "events", "triggers.tsv")


def read_rows(path):
    """(first lemma, pos) -> list of sets of required further words."""
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#") or line.startswith("id\t"):
                continue
            cols = line.rstrip("\n").split("\t")
            words = cols[1].split()
            rows.setdefault((words[0], cols[2]), []).append(set(words[1:]))
    return rows


def covered(rows, words, pos):
    return any(req <= set(words[1:]) for req in rows.get((words[0], pos), []))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("minedir")
    ap.add_argument("kind", choices=["light", "verbs", "nouns"])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--triggers", default=DEFAULT)
    args = ap.parse_args()
    rows = read_rows(args.triggers)
    shown = 0
    with open(os.path.join(args.minedir, args.kind + ".tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            p = line.rstrip("\n").split("\t")
            if args.kind == "light":
                verb, obj, count = p[0], p[1], p[2]
                if covered(rows, verb.split() + [obj], "VERB") or covered(rows, [obj], "NOUN"):
                    continue
                print(f"{count}\t{verb} {obj}")
            else:
                pos = "VERB" if args.kind == "verbs" else "NOUN"
                count = p[2] if args.kind == "verbs" else p[4]
                if covered(rows, p[0].split(), pos):
                    continue
                print(f"{count}\t{p[0]}\t{p[1]}\t{p[-1][:60]}")
            shown += 1
            if shown >= args.n:
                break


if __name__ == "__main__":
    main()
