#!/usr/bin/env python3
"""Draw the event-recall sample: documents and sentences (standoff only).

usage: eval/corpus-recall/draw.py [CORPUS_DIR] > /tmp/recall-sentences.tsv

Per source file (sorted names), random.Random(SEED + file index) draws DOCS_PER_SOURCE
documents not listed in dev_overlaps.json, whose text has at least MIN_SENTS qualifying
sentences. Sentences are attache's own (`attache extract`, field `sentences`, with the binary
named by $ATTACHE, default target/release/attache); a qualifying sentence lies in the body
(after the title paragraph), has at least MIN_WORDS words and at least one capitalised word
after its first word. The first SENTS_PER_DOC qualifying sentences of each document are taken.
Parts alternate over the sample's sentence order: fix, held, fix, held ...
Output columns: doc, start, end, part. No text is written.
"""
import glob, gzip, json, os, random, subprocess, sys

SEED, DOCS_PER_SOURCE, SENTS_PER_DOC, MIN_WORDS, MIN_SENTS = 20261206, 4, 4, 8, 4
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")

def qualifying(text, sents):
    body = text.find("\n\n")
    out = []
    for s in sents:
        if s["start"] < body:
            continue
        words = text[s["start"]:s["end"]].split()
        if len(words) >= MIN_WORDS and any(w[:1].isupper() for w in words[1:]):
            out.append((s["start"], s["end"]))
    return out

def sentences(docs):
    exe = os.environ.get("ATTACHE", os.path.join(ROOT, "target", "release", "attache"))
    inp = "".join(json.dumps({"id": d["id"], "date": d.get("date"), "text": d["text"]}) + "\n" for d in docs)
    res = subprocess.run([exe, "extract", "--input", "jsonl", "-"], input=inp, capture_output=True, text=True, check=True)
    recs = {}
    for line in res.stdout.splitlines():
        r = json.loads(line)
        recs[r["doc"]["id"]] = r["sentences"]
    return recs

def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data", "corpus")
    if not glob.glob(os.path.join(root, "*.jsonl.gz")):
        print(f"SKIP: no corpus at {root}", file=sys.stderr)
        return
    skip = {o["id"] for o in json.load(open(os.path.join(root, "dev_overlaps.json")))}
    rows = []
    for i, path in enumerate(sorted(glob.glob(os.path.join(root, "*.jsonl.gz")))):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            docs = [json.loads(l) for l in fh if l.strip()]
        order = list(range(len(docs)))
        random.Random(SEED + i).shuffle(order)
        taken = 0
        for k in order:
            d = docs[k]
            if d["id"] in skip:
                continue
            q = qualifying(d["text"], sentences([d])[d["id"]])
            if len(q) < MIN_SENTS:
                continue
            rows.extend((d["id"], s, e) for s, e in q[:SENTS_PER_DOC])
            taken += 1
            if taken == DOCS_PER_SOURCE:
                break
    for n, (doc, s, e) in enumerate(rows):
        print(f"{doc}\t{s}\t{e}\t{'fix' if n % 2 == 0 else 'held'}")

if __name__ == "__main__":
    main()
