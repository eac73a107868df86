#!/usr/bin/env python3
"""Score the event coder's recall and precision on the hand-labelled corpus sample.

usage: scripts/event-recall.py [--misses] [--attache BIN] [--corpus DIR]

Reads eval/corpus-recall/labels.tsv (standoff labels, see its README), runs
`attache extract` on the sample's documents (read from ../shared/data/corpus) and
reports, per part (`fix`, `held`), recall and precision of (type, source) and of
(type, source, target) over the labelled sentences, and per-type recall of
(type, source). A predicted event belongs to a labelled sentence when its char start
lies inside the sentence; since the record keeps one event per (type, source, target,
status) per document at its first mention, a labelled tuple also counts as found when the
document codes it in an earlier sentence (recall "in-sentence only" leaves that out). Tuples are compared as sets per sentence; actor names match
loosely (case, accents and punctuation ignored; one name's words a subset of the
other's, or an alias of the record's actor).

--misses prints the misses and false alarms of part `fix` only: part `held` is
scored, never studied.
Prints SKIP and exits 0 when the corpus is absent.
"""
import argparse, collections, glob, gzip, json, os, subprocess, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
LABELS = os.path.join(ROOT, "eval", "corpus-recall", "labels.tsv")
STOP = {"the", "of", "and", "for", "mr", "mrs", "ms", "dr", "h", "e"}
# names the labels use whose record form has no word in common
SAME = {"north korea": {"dprk", "democratic peoples republic of korea"},
        "south korea": {"republic of korea", "rok"}, "united states": {"us", "u s", "usa"}}


def norm(name):
    s = unicodedata.normalize("NFKD", name or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join("".join(c if c.isalnum() else " " for c in s).split())


def same_actor(gold, names):
    g = norm(gold)
    gw = set(g.split()) - STOP
    for n in names:
        p = norm(n)
        if not p:
            continue
        if p == g or p in SAME.get(g, ()) or g in SAME.get(p, ()):
            return True
        pw = set(p.split()) - STOP
        if gw and pw and (gw <= pw or pw <= gw):
            return True
    return False


def load_labels():
    sents, gold = {}, collections.defaultdict(list)
    with open(LABELS, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("doc\t") or not line.strip():
                continue
            doc, s, e, part, typ, src, tgt, status = line.rstrip("\n").split("\t")
            key = (doc, int(s), int(e))
            sents[key] = part
            if typ != "-":
                gold[key].append((typ, src, None if tgt == "-" else tgt, status))
    return sents, gold


def load_docs(corpus, ids):
    docs = {}
    for path in sorted(glob.glob(os.path.join(corpus, "*.jsonl.gz"))):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                if d["id"] in ids:
                    docs[d["id"]] = d
    return docs


def predict(exe, docs):
    inp = "".join(json.dumps({"id": d["id"], "date": d.get("date"), "text": d["text"]}) + "\n"
                  for d in docs.values())
    res = subprocess.run([exe, "extract", "--input", "jsonl", "-"], input=inp,
                         capture_output=True, text=True, check=True)
    out = collections.defaultdict(list)
    for line in res.stdout.splitlines():
        r = json.loads(line)
        actors = {a["id"]: [a["name"]] + list(a.get("aliases") or []) for a in r.get("actors", [])}
        for v in r.get("events", []):
            out[r["doc"]["id"]].append((v["start"], v["type"], actors.get(v.get("source"), []),
                                        actors.get(v.get("target"), []), v.get("pattern"),
                                        v.get("status"), v.get("trigger")))
    return out


def matches(g, p, with_target):
    if g[0] != p[1] or not same_actor(g[1], p[2]):
        return False
    if not with_target:
        return True
    if g[2] is None:
        return not p[3]
    return same_actor(g[2], p[3])


def score(sents, gold, pred, part, misses, docs):
    tot = collections.Counter()
    per_type = collections.defaultdict(collections.Counter)
    for key, kpart in sorted(sents.items()):
        if kpart != part:
            continue
        doc, s, e = key
        golds = gold.get(key, [])
        preds = [p for p in pred.get(doc, []) if s <= p[0] < e]
        # the record keeps one event per (type, source, target, status) in a document, at its first
        # mention: a tuple coded in an earlier sentence stands for this sentence's mention too
        earlier = [p for p in pred.get(doc, []) if p[0] < s]
        for level, wt in (("ts", False), ("tst", True)):
            # distinct tuples: one gold tuple per (type, source[, target]), one prediction per match key
            gkeys = {(g[0], norm(g[1])) + ((norm(g[2] or ""),) if wt else ()): g for g in golds}
            hit = sum(1 for g in gkeys.values() if any(matches(g, p, wt) for p in preds))
            late = sum(1 for g in gkeys.values() if any(matches(g, p, wt) for p in preds + earlier))
            tot[level + "_gold"] += len(gkeys)
            tot[level + "_strict"] += hit
            tot[level + "_hit"] += late
            pkeys = {(p[1], tuple(p[2]), tuple(p[3]) if wt else ()): p for p in preds}
            good = sum(1 for p in pkeys.values() if any(matches(g, p, wt) for g in golds))
            tot[level + "_pred"] += len(pkeys)
            tot[level + "_good"] += good
            if level == "ts":
                for g in gkeys.values():
                    per_type[g[0]]["gold"] += 1
                    per_type[g[0]]["hit"] += any(matches(g, p, False) for p in preds + earlier)
        if misses and part == "fix":
            text = docs[doc]["text"][s:e]
            miss = [g for g in golds if not any(matches(g, p, False) for p in preds + earlier)]
            extra = [p for p in preds if not any(matches(g, p, False) for g in golds)]
            if miss or extra:
                print(f"--- {doc} {s}-{e}: {text}")
                for g in miss:
                    print(f"  MISS {g[0]} {g[1]} -> {g[2]} ({g[3]})")
                for p in extra:
                    src = p[2][0] if p[2] else None
                    tgt = p[3][0] if p[3] else None
                    print(f"  EXTRA {p[1]} {src} -> {tgt} ({p[5]}) [{p[4]}: {p[6]}]")
    return tot, per_type


def pct(a, b):
    return f"{a / b:.2f}" if b else "n/a"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--attache", default=os.path.join(ROOT, "target", "release", "attache"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "data", "corpus"))
    a = ap.parse_args()
    if not glob.glob(os.path.join(a.corpus, "*.jsonl.gz")):
        print(f"SKIP: no corpus at {a.corpus}")
        return 0
    sents, gold = load_labels()
    docs = load_docs(a.corpus, {k[0] for k in sents})
    pred = predict(a.attache, docs)
    for part in ("fix", "held"):
        tot, per_type = score(sents, gold, pred, part, a.misses, docs)
        n = sum(1 for v in sents.values() if v == part)
        print(f"{part}: {n} sentences; (type, source) recall {pct(tot['ts_hit'], tot['ts_gold'])} "
              f"({tot['ts_hit']}/{tot['ts_gold']}) precision {pct(tot['ts_good'], tot['ts_pred'])} "
              f"({tot['ts_good']}/{tot['ts_pred']}); (type, source, target) recall "
              f"{pct(tot['tst_hit'], tot['tst_gold'])} ({tot['tst_hit']}/{tot['tst_gold']}) precision "
              f"{pct(tot['tst_good'], tot['tst_pred'])} ({tot['tst_good']}/{tot['tst_pred']}); in-sentence only: "
              f"recall {pct(tot['ts_strict'], tot['ts_gold'])} / {pct(tot['tst_strict'], tot['tst_gold'])}")
        print(f"{part} per type (type, source) recall: " + ", ".join(
            f"{t} {c['hit']}/{c['gold']}" for t, c in sorted(per_type.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
