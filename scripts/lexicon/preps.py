#!/usr/bin/env python3
"""Which prepositional dependents of a trigger hold actors, per trigger row.

usage: scripts/lexicon/preps.py PARSED.conllu [--triggers models/events/triggers.tsv]
                                [--min N] [--unslotted]

For every row of the trigger lexicon (its first lemma and its part of
speech), counts the trigger tokens in a parse (`attache parse`) and, per case
marker, the obl / nmod dependents of the trigger whose phrase is actor-like
(see mine.py: a PROPN, a capitalised ADJ or NOUN, an actor noun) -- the
candidates for a prepositional source or target slot ("support to Sri
Lanka", "war with Russia"). A phrase's conjuncts count once. Markers the row
already reads in a slot are marked with '*'; `--unslotted` lists only rows
with an actor-holding marker no slot reads. Only counts are printed, so the
output may go into docs/events-lexicon.md.
"""
import argparse
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mine import ACTOR_NOUNS  # noqa: E402

# Markers that never introduce a participant (time, manner, topic).
SKIP = {"'s", "during", "after", "before", "since", "until", "in", "at", "as", "like", "about", "over",
        "within", "throughout", "via", "through", "despite", "amid", "including", "under"}


def read_sentences(path):
    sent = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if sent:
                    yield sent
                sent = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 8 or not cols[0].isdigit():
                continue
            sent.append({"id": int(cols[0]), "form": cols[1], "lemma": cols[2].lower(),
                         "upos": cols[3], "head": int(cols[6]) if cols[6].isdigit() else 0,
                         "rel": cols[7]})
    if sent:
        yield sent


def actor_like(tok):
    if tok["upos"] == "PROPN":
        return True
    if tok["upos"] in ("ADJ", "NOUN") and tok["form"][:1].isupper():
        return True
    return tok["upos"] == "NOUN" and tok["lemma"] in ACTOR_NOUNS


def read_rows(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("id\t"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 6 or cols[2] not in ("VERB", "NOUN", "ADJ"):
                continue
            slots = set()
            for slot in cols[5].split(";"):
                if "=" in slot:
                    slots.update(slot.split("=", 1)[1].split("|"))
            if cols[2] != "VERB" and not any(s.startswith("source=") for s in cols[5].split(";")):
                slots.update({"by"})
            rows.append((cols[0], cols[1].split()[0], cols[2], slots))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("conllu")
    ap.add_argument("--triggers", default="models/events/triggers.tsv")
    ap.add_argument("--min", type=int, default=3, help="least actor phrases for a marker to show")
    ap.add_argument("--unslotted", action="store_true")
    args = ap.parse_args()
    rows = read_rows(args.triggers)
    wanted = {(lemma, pos) for _, lemma, pos, _ in rows}
    tokens = collections.Counter()
    markers = collections.defaultdict(collections.Counter)
    for sent in read_sentences(args.conllu):
        by_id = {t["id"]: t for t in sent}
        kids = collections.defaultdict(list)
        for t in sent:
            kids[t["head"]].append(t)
        for t in sent:
            key = (t["lemma"], t["upos"])
            if key not in wanted:
                continue
            tokens[key] += 1
            for c in kids[t["id"]]:
                if c["rel"].split(":")[0] not in ("obl", "nmod") or c["id"] not in by_id:
                    continue
                case = [k["lemma"] for k in kids[c["id"]] if k["rel"] == "case"]
                if not case or case[0] in SKIP:
                    continue
                if actor_like(c) or any(actor_like(k) for k in kids[c["id"]]
                                        if k["rel"] in ("compound", "amod", "flat")):
                    markers[key][case[0]] += 1
    print("row\tlemma\tpos\ttokens\tactor phrases by marker ('*': read by a slot)")
    seen = set()
    for rid, lemma, pos, slots in rows:
        key = (lemma, pos)
        shown = [(m, n) for m, n in markers[key].most_common() if n >= args.min]
        if not shown or (args.unslotted and all(m in slots for m, _ in shown)):
            continue
        if args.unslotted and key in seen:
            continue
        seen.add(key)
        cells = " ".join(f"{m}{'*' if m in slots else ''}:{n}" for m, n in shown)
        print(f"{rid}\t{lemma}\t{pos}\t{tokens[key]}\t{cells}")


if __name__ == "__main__":
    main()
