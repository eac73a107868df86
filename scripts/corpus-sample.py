#!/usr/bin/env python3
"""Draw a reproducible random sample of corpus documents as attache JSONL input.

usage: scripts/corpus-sample.py N SEED [CORPUS_DIR] > sample.jsonl

Reads ../shared/data/corpus/*.jsonl.gz (or CORPUS_DIR) and writes N documents
chosen with Python's random.Random(SEED) over all documents in file order.
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
    docs = []
    for path in sorted(glob.glob(os.path.join(root, "*.jsonl.gz"))):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            docs.extend(json.loads(line) for line in fh if line.strip())
    for d in random.Random(seed).sample(docs, min(n, len(docs))):
        out = {k: d.get(k) for k in ("id", "title", "date", "institution", "text")}
        print(json.dumps(out, ensure_ascii=False))

if __name__ == "__main__":
    main()
