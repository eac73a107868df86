#!/usr/bin/env python3
"""Draw a reproducible random sample of coded events from attache records, for judging by hand.

usage: scripts/event-sample.py INPUT.jsonl RECORDS.jsonl N SEED > sample.md

INPUT.jsonl is what `attache extract --input jsonl` read (scripts/corpus-sample.py writes it).

Every event of every record is one draw (random.Random(SEED).sample over all events in file
order). For each it prints the document id and title, the sentence before the event's
sentence, the evidence sentence, and the event as coded: type, CAMEO, trigger, source and
target (name, kind, country), status. It also prints events per 1,000 words over all records.
The output quotes corpus text: keep it outside the repository (judgments are committed as
standoff: document id, event id and the verdicts).
"""
import json, random, sys


def actor(r, aid):
    for a in r.get("actors", []):
        if a.get("id") == aid:
            return f"{a.get('name')} ({a.get('kind')}, {a.get('country') or '-'})"
    return "-"


def main():
    if len(sys.argv) < 5:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    inp, path, n, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    texts = {}
    for l in open(inp, encoding="utf-8"):
        if l.strip():
            d = json.loads(l)
            texts[str(d.get("id"))] = d.get("text") or ""
    records = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    words = sum(len(texts.get(str((r.get("doc") or {}).get("id")), "").split()) for r in records)
    draws = [(r, e) for r in records for e in r.get("events", [])]
    per_k = 1000 * len(draws) / words if words else 0.0
    print(f"# {len(draws)} events in {len(records)} records; "
          f"{per_k:.2f} events per 1,000 words ({words} words, whitespace-split)\n")
    for k, (r, e) in enumerate(random.Random(seed).sample(draws, min(n, len(draws))), 1):
        doc = r.get("doc") or {}
        text = texts.get(str(doc.get("id")), "")
        sents = r.get("sentences", [])
        i = e.get("sentence")
        before = ""
        # sentence numbers are 1-based (RECORDS.md)
        if isinstance(i, int) and 1 < i <= len(sents):
            s = sents[i - 2]
            before = text[s.get("start", 0):s.get("end", 0)].replace("\n", " ")
        print(f"## {k}. doc {doc.get('id')} event {e.get('id')}")
        print(f"title: {doc.get('title')}  | institution: {(doc.get('meta') or {}).get('institution')}")
        print(f"before: {before}")
        print(f"sentence: {e.get('evidence')}")
        print(f"coded: {e.get('type')} {e.get('cameo')} trigger=<{e.get('trigger')}> "
              f"source={actor(r, e.get('source'))} target={actor(r, e.get('target'))} "
              f"status={e.get('status')}\n")


if __name__ == "__main__":
    main()
