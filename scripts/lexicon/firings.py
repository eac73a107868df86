#!/usr/bin/env python3
"""Per trigger row, how often it fired and on what, to review its precision.

usage: scripts/lexicon/firings.py RECORDS.jsonl [...] [--examples 3] [--top 5]
                                  [--seed 1] [--counts-only] [--pattern PREFIX]
                                  [--rows TRIGGERS.tsv] [--sample N]

Reads records from `attache extract` (JSONL, one record per document; `-` or
no file reads stdin). Every event carries `pattern`, the id of the row that
fired (a row of models/events/triggers.tsv, or of the old patterns.tsv), and
`trigger`, the text it matched. For each pattern id, most frequent first,
prints the number of firings, the documents they are in, the type and CAMEO
codes it produced, its most frequent trigger texts (lower-cased), and a few
randomly chosen events with source -> target, status and the evidence
sentence, so that a reviewer can judge the row's precision.

--rows keeps the ids of a trigger file (a batch of new rows: rows that never
fired are listed with 0); --sample N then prints N events drawn at random from
all the kept firings, numbered, to be judged by hand (precision of a batch).

--counts-only prints one tab-separated line per pattern (id, firings,
documents, type) with no corpus text: the form to quote in the repository.
The full output quotes corpus sentences: keep it outside the repository.
"""
import argparse
import collections
import json
import random
import signal
import sys


def records(paths):
    for path in paths or ["-"]:
        fh = sys.stdin if path == "-" else open(path, encoding="utf-8")
        with fh:
            for n, line in enumerate(fh, 1):
                line = line.strip()
                if not line:
                    continue
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as e:
                    print(f"{path}:{n}: skipped, not JSON ({e})", file=sys.stderr)


def evidence(rec, ev):
    """The event's sentence: its `evidence`, else cut from the record's text."""
    if ev.get("evidence"):
        return ev["evidence"]
    text, sents, n = rec.get("text"), rec.get("sentences") or [], ev.get("sentence")
    if text and isinstance(n, int) and 1 <= n <= len(sents):
        s = sents[n - 1]
        return text[s["start"]:s["end"]]
    return ""


def collect(paths):
    """pattern id -> list of event summaries; number of documents and events."""
    by_pattern = collections.defaultdict(list)
    ndocs = nevents = 0
    for rec in records(paths):
        ndocs += 1
        names = {a.get("id"): a.get("name") for a in rec.get("actors") or []}
        doc = (rec.get("doc") or {}).get("id")
        for ev in rec.get("events") or []:
            nevents += 1
            by_pattern[ev.get("pattern") or "(none)"].append({
                "doc": doc,
                "type": ev.get("type"),
                "cameo": ev.get("cameo"),
                "trigger": (ev.get("trigger") or "").lower(),
                "source": names.get(ev.get("source"), ev.get("source")),
                "target": names.get(ev.get("target"), ev.get("target")),
                "status": ev.get("status"),
                "evidence": evidence(rec, ev),
            })
    return by_pattern, ndocs, nevents


def show(pid, evs, args, rng):
    docs = len({e["doc"] for e in evs})
    types = collections.Counter(f'{e["type"]} {e["cameo"]}' for e in evs)
    if args.counts_only:
        top = types.most_common(1)[0][0] if types else "-"
        print(f"{pid}\t{len(evs)}\t{docs}\t{top}")
        return
    print(f"== {pid}: {len(evs)} firings in {docs} documents; "
          + ", ".join(f"{t} x{n}" for t, n in types.most_common()))
    triggers = collections.Counter(e["trigger"] for e in evs)
    print("   triggers: " + "; ".join(f"{t!r} x{n}" for t, n in triggers.most_common(args.top)))
    status = collections.Counter(e["status"] for e in evs)
    print("   status: " + ", ".join(f"{s} x{n}" for s, n in status.most_common()))
    for e in rng.sample(evs, min(args.examples, len(evs))):
        ev_text = " ".join(e["evidence"].split())
        if len(ev_text) > 300:
            ev_text = ev_text[:297] + "..."
        print(f'   - [{e["doc"]}] {e["source"]} -> {e["target"]} ({e["status"]}) '
              f'"{e["trigger"]}": {ev_text}')


def row_ids(path):
    """The ids of a trigger file (`attache-triggers/1`), in file order."""
    ids = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or "\t" not in line or line.startswith("id\t"):
                continue
            ids.append(line.split("\t", 1)[0])
    return ids


def sample(by_pattern, ids, n, rng):
    """N random firings of the kept rows, numbered, for a precision judgment."""
    evs = [(pid, e) for pid in ids for e in by_pattern.get(pid, [])]
    for i, (pid, e) in enumerate(rng.sample(evs, min(n, len(evs))), 1):
        ev_text = " ".join(e["evidence"].split())[:400]
        print(f'{i}. [{e["doc"]}] {pid} {e["type"]} {e["cameo"]} {e["source"]} -> {e["target"]} '
              f'({e["status"]}) "{e["trigger"]}": {ev_text}')


def main():
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet under `| head`
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("records", nargs="*", help="records JSONL files (default stdin)")
    ap.add_argument("--examples", type=int, default=3, help="random events shown per pattern")
    ap.add_argument("--top", type=int, default=5, help="trigger texts shown per pattern")
    ap.add_argument("--seed", type=int, default=1, help="seed of the random examples")
    ap.add_argument("--counts-only", action="store_true", help="aggregate counts, no text")
    ap.add_argument("--pattern", default="", help="only ids starting with this")
    ap.add_argument("--rows", help="only the ids of this trigger file")
    ap.add_argument("--sample", type=int, default=0, help="with --rows: N random firings")
    args = ap.parse_args()
    by_pattern, ndocs, nevents = collect(args.records)
    rng = random.Random(args.seed)
    if args.rows:
        ids = row_ids(args.rows)
        if args.sample:
            sample(by_pattern, ids, args.sample, rng)
            return
        by_pattern = {pid: by_pattern.get(pid, []) for pid in ids}
    fired = sum(1 for evs in by_pattern.values() if evs)
    head = f"{nevents} events in {ndocs} documents, {fired} patterns fired"
    if args.rows:
        head += f" (of the {len(by_pattern)} rows of {args.rows})"
    print(("# " if args.counts_only else "") + head)
    if args.counts_only:
        print("pattern\tfirings\tdocuments\ttype")
    order = sorted(by_pattern.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    for pid, evs in order:
        if pid.startswith(args.pattern):
            show(pid, evs, args, rng)


if __name__ == "__main__":
    main()
