#!/usr/bin/env python3
"""Type-only document-level recall per PLOVER type on a gold directory.

For each gold document: the set of gold event types against the set of types the coder predicted anywhere in the
document (`attache eval --gold DIR --save-pred FILE` writes the predictions). Prints per type: documents with the
type in gold, documents where it is also predicted, recall; and with --missing each missed (document, type) with
the gold triggers of that type (tune half only: never run on check documents).

    attache eval --gold /work/tune-gold --save-pred /tmp/pred.jsonl
    python3 scripts/lexicon/doctypes.py /work/tune-gold /tmp/pred.jsonl [--missing]
"""
import json
import os
import sys
from collections import Counter


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    missing = "--missing" in sys.argv
    gold_dir, pred_file = args[0], args[1]
    pred = {}
    with open(pred_file) as f:
        for line in f:
            rec = json.loads(line)
            doc = rec.get("doc")
            doc_id = doc.get("id") if isinstance(doc, dict) else doc
            pred[doc_id] = {e["type"] for e in rec.get("events", [])}
    gold_n, hit_n = Counter(), Counter()
    misses = []
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith(".gold.json"):
            continue
        doc_id = name[: -len(".gold.json")]
        with open(os.path.join(gold_dir, name)) as f:
            gold = json.load(f)
        types = {}
        for ev in gold.get("events", []):
            types.setdefault(ev["type"], []).append(ev)
        got = pred.get(doc_id, set())
        for t, evs in types.items():
            gold_n[t] += 1
            if t in got:
                hit_n[t] += 1
            else:
                misses.append((doc_id, t, evs))
    total_g, total_h = sum(gold_n.values()), sum(hit_n.values())
    print(f"all: {total_h} of {total_g} ({total_h / max(total_g, 1):.3f}); missed (doc, type): {total_g - total_h}, "
          f"their gold events: {sum(len(e) for _, _, e in misses)}")
    for t in sorted(gold_n, key=lambda t: hit_n[t] / gold_n[t]):
        print(f"  {t:10} {hit_n[t]:3} of {gold_n[t]:3}  {hit_n[t] / gold_n[t]:.2f}")
    if missing:
        for doc_id, t, evs in misses:
            for ev in evs:
                print(f"{doc_id}\t{t}\t{ev.get('source')} -> {ev.get('target')}\t{ev.get('status')}\t{ev.get('trigger')}")


if __name__ == "__main__":
    main()
