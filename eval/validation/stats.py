#!/usr/bin/env python3
"""Counts for the validation suite: cases, events per PLOVER type and status, and the share of cases whose
actors are all invented (eval/validation/actors.tsv) and whose text names nothing the real gazetteers know. Run: python3 eval/validation/stats.py [FILE.jsonl ...]
(default: the written-*.jsonl files here; pass eval/validation/*.jsonl for the whole suite)."""
import collections, glob, json, os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
files = sys.argv[1:] or sorted(glob.glob(os.path.join(here, "written-*.jsonl")))
invented = set()
for row in open(os.path.join(here, "actors.tsv"), encoding="utf-8"):
    cols = row.rstrip("\n").split("\t")
    if row.startswith("#") or cols[0] == "id" or len(cols) < 5:
        continue
    invented.add(cols[3])
    invented.update(a for a in cols[4].split("|") if a)

# names the embedded (real) gazetteers know: a case with any of them in its text is not "invented only"
real = set()
for g in glob.glob(os.path.join(here, "..", "..", "models", "gazetteers", "*.tsv")):
    for row in open(g, encoding="utf-8"):
        cols = row.rstrip("\n").split("\t")
        if row.startswith("#") or cols[0] == "id" or len(cols) < 5:
            continue
        real.update(n for n in [cols[3]] + cols[4].split("|") if len(n) > 2)
real_re = re.compile(r"\b(" + "|".join(sorted((re.escape(n) for n in real), key=len, reverse=True)) + r")\b")

cases = [json.loads(l) for f in files for l in open(f, encoding="utf-8") if l.strip()]
case_types, case_status = collections.Counter(), collections.Counter()
ev_types, ev_status = collections.Counter(), collections.Counter()
n_invented = 0
for c in cases:
    # named actors (groups such as "members" are lower-case and neutral)
    names = {e["source"] for e in c["expect"]} | {e["target"] for e in c["expect"] if e["target"]}
    named = {n for n in names if n[:1].isupper()}
    author_ok = not c.get("author") or any(n in c["author"] for n in invented)
    if named and author_ok and named <= invented and not real_re.search(c["text"]):
        n_invented += 1
    for e in c["expect"]:
        ev_types[e["type"]] += 1
        ev_status[e["status"]] += 1
    case_types.update({e["type"] for e in c["expect"]})
    case_status.update({e["status"] for e in c["expect"]})
print(f"{len(cases)} cases in {len(files)} files, {sum(ev_types.values())} expected events")
print(f"invented actors only: {n_invented} cases ({100 * n_invented / max(1, len(cases)):.0f}%)")
print("type       cases events")
for t in sorted(ev_types):
    print(f"{t:10} {case_types[t]:5} {ev_types[t]:6}")
print("status       cases events")
for s in ("asserted", "reported", "negated", "called_for", "hypothetical"):
    print(f"{s:12} {case_status[s]:5} {ev_status[s]:6}")
