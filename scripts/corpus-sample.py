#!/usr/bin/env python3
"""Draw a reproducible random sample of corpus documents as attache JSONL input.

usage: scripts/corpus-sample.py N SEED [CORPUS_DIR] > sample.jsonl

Reads ../shared/data/corpus/*.jsonl.gz (or CORPUS_DIR) and writes N documents
chosen with Python's random.Random(SEED) over all documents in file order,
leaving out the corpus copies of dev documents that CORPUS_DIR/dev_overlaps.json
lists (since session 19: a sample must not show the check half's documents;
draws before then included them, 2 in the 300 of seed 2026).
The output is derived from shared data: keep it outside the repository.
"""
import glob, gzip, json, os, random, sys

def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    n, seed = int(sys.argv[1]), int(sys.argv[2])
    root = sys.argv[3] if len(sys.argv) > 3 else os.path.join(
        os.path.dirname(__file__), "..", "..", "shared", "data", "corpus")
    overlaps = os.path.join(root, "dev_overlaps.json")
    dev = set()
    if os.path.exists(overlaps):
        with open(overlaps, encoding="utf-8") as fh:
            dev = {d["id"] for d in json.load(fh)}
    docs = []
    for path in sorted(glob.glob(os.path.join(root, "*.jsonl.gz"))):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            docs.extend(json.loads(line) for line in fh if line.strip())
    docs = [d for d in docs if d.get("id") not in dev]
    for d in random.Random(seed).sample(docs, min(n, len(docs))):
        out = {k: d.get(k) for k in ("id", "title", "date", "institution", "text")}
        print(json.dumps(out, ensure_ascii=False))

if __name__ == "__main__":
    main()
