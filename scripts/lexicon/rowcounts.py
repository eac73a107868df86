#!/usr/bin/env python3
"""Count, per row of the trigger lexicon, its matches in a parsed sample.

usage: scripts/lexicon/rowcounts.py PARSED.conllu [MORE.conllu ...] [--triggers FILE] [--markdown]
       scripts/lexicon/rowcounts.py PARSED.conllu --show ROW_ID[,ROW_ID...|all] [--n 10] [--seed 1]

For every row of models/events/triggers.tsv (or --triggers FILE) counts the
tokens of the CoNLL-U sample (from `attache parse --format conllu`) that it
matches: same lemma and part of speech, every further word of the lemma
column a dependent of the trigger or of one of its dependents, the first
matching row of a lemma winning with multi-word rows tried first (as the
loader orders them). Columns:

  all     tokens the row matches
  actor   matches with an actor-like word (see mine.py) in a relation of the
          row's source or target slots (defaults as in the file's header); for
          a noun also when it is the object of a verb with an actor-like
          subject ("Gondor launched an attack")

The counts rank rows and flag rare ones; the parse is imperfect, so they
are not firings of the coder (see firings.py for those). Several samples
give a pair of columns each. --markdown prints a table per type for
docs/events-lexicon.md. --show prints random sentences
a row matches, the trigger in [brackets] and a + when an actor-like argument
was found (corpus text: read it, do not save it in the repository); several
comma-separated ids, or `all` (every row of --triggers), read the sample once.
"""
import argparse
import collections
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mine import actor_like, analyse, case_of, read_sentences  # noqa: E402

DEFAULT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "..", "..", "models", "events", "triggers.tsv")


def read_rows(path):
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            if f[0] == "id":
                continue
            f += [""] * (7 - len(f))
            words = f[1].lower().split()
            slots = {}
            for part in f[5].split(";"):
                if "=" in part:
                    k, v = part.split("=", 1)
                    slots[k.strip()] = [r.strip() for r in v.split("|")]
            verbal = f[2] == "VERB"
            rows.append({
                "id": f[0], "lemma": words[0], "with": words[1:], "pos": f[2],
                "type": f[3], "cameo": f[4], "flags": f[6],
                "source": slots.get("source", ["subj"] if verbal else ["poss", "by"]),
                "target": slots.get("target", ["obj"] if verbal else []),
            })
    return rows


def index(rows):
    by = collections.defaultdict(list)
    for r in rows:
        by[(r["lemma"], r["pos"])].append(r)
    for k in by:
        by[k].sort(key=lambda r: -len(r["with"]))
    return by


def fillers(rel, t, deps, own, subj_of):
    """The tokens a relation of the format names, for trigger t."""
    passive = any(d["rel"] in ("nsubj:pass", "aux:pass") for d in deps[t["id"]])
    if rel == "subj":
        return [s for s in subj_of(t) if s["rel"] != "nsubj:pass"]
    if rel == "obj":
        return own(t, {"obj"} | ({"nsubj:pass"} if passive else set()))
    if rel == "iobj":
        return own(t, {"iobj"})
    if rel == "poss":
        return own(t, {"nmod:poss", "compound", "amod"})
    if rel in ("xcomp", "ccomp"):
        return []
    return [d for d in deps[t["id"]]
            if (d["rel"].startswith("obl") or d["rel"].startswith("nmod"))
            and case_of(deps, d) == rel]


def count(parsed, rows, show=frozenset()):
    """Per row id [matches, with actor]; for the ids in `show`, the matched sentences too."""
    by = index(rows)
    counts = {r["id"]: [0, 0] for r in rows}
    shown = collections.defaultdict(list)
    ndocs = 0
    for toks, newdoc, text in read_sentences(parsed):
        ndocs += newdoc
        by_id, deps, own, subj_of = analyse(toks)
        for t in toks:
            cands = by.get((t["lemma"], t["upos"]))
            if not cands:
                continue
            near = {d["lemma"] for d in deps[t["id"]]}
            for d in deps[t["id"]]:
                near |= {e["lemma"] for e in deps[d["id"]]}
            row = next((r for r in cands if all(w in near for w in r["with"])), None)
            if row is None:
                continue
            c = counts[row["id"]]
            c[0] += 1
            rels = row["source"] + ([] if "notgt" in row["flags"] else row["target"])
            hit = any(actor_like(x) for rel in rels for x in fillers(rel, t, deps, own, subj_of))
            if not hit and t["upos"] == "NOUN" and t["rel"] == "obj":
                head = by_id.get(t["head"])
                hit = bool(head) and any(actor_like(s) for s in subj_of(head)
                                         if s["rel"] != "nsubj:pass")
            c[1] += hit
            if row["id"] in show:
                forms = [f"[{x['form']}]" if x is t else x["form"] for x in toks]
                shown[row["id"]].append(("+ " if hit else "  ") + " ".join(forms))
    return counts, ndocs, shown


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("parsed", nargs="+", help="CoNLL-U samples from `attache parse`")
    ap.add_argument("--triggers", default=DEFAULT)
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--show", metavar="ROW_IDS",
                    help="print sentences these rows match (comma-separated ids, or all)")
    ap.add_argument("--n", type=int, default=10, help="how many sentences --show prints")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rows = read_rows(a.triggers)
    if a.show:
        ids = [r["id"] for r in rows] if a.show == "all" else a.show.split(",")
        counts, ndocs, shown = count(a.parsed[0], rows, frozenset(ids))
        for rid in ids:
            c = counts.get(rid, [0, 0])
            print(f"# {rid}: {c[0]} matches, {c[1]} with an actor, in {ndocs} documents")
            lines = shown.get(rid, [])
            for line in random.Random(a.seed).sample(lines, min(a.n, len(lines))):
                print(line)
        return
    samples = [count(p, rows)[:2] for p in a.parsed]
    cols = [f"{n} docs" for _, n in samples]
    if not a.markdown:
        print("# samples: " + ", ".join(f"{p} ({c})" for p, c in zip(a.parsed, cols)))
        print("id\tlemma\tpos\ttype\tcameo\t" + "\t".join(f"all\tactor" for _ in cols))
        for r in rows:
            lemma = " ".join([r["lemma"]] + r["with"])
            nums = "\t".join(f"{c[r['id']][0]}\t{c[r['id']][1]}" for c, _ in samples)
            print(f'{r["id"]}\t{lemma}\t{r["pos"]}\t{r["type"]}\t{r["cameo"]}\t{nums}')
        return
    by_type = collections.defaultdict(list)
    for r in rows:
        by_type[r["type"]].append(r)
    head = " | ".join(f"all ({c}) | with actor ({c})" for c in cols)
    for ty, rs in by_type.items():
        print(f"\n#### {ty} ({len(rs)} rows)\n")
        print(f"| id | lemma | pos | CAMEO | {head} |")
        print("|---|---|---|---|" + "---:|---:|" * len(cols))
        for r in rs:
            lemma = " ".join([r["lemma"]] + r["with"])
            nums = " | ".join(f"{c[r['id']][0]} | {c[r['id']][1]}" for c, _ in samples)
            print(f'| {r["id"]} | {lemma} | {r["pos"]} | {r["cameo"]} | {nums} |')


if __name__ == "__main__":
    main()
