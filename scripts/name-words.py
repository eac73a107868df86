#!/usr/bin/env python3
"""Derive models/name_words.tsv: words that running text writes in lower case.

usage: scripts/name-words.py [CORPUS_DIR] > models/name_words.tsv

For every word form of the corpus's running text (not a document's title
paragraph, not a heading-like paragraph where most words are capitalised,
not an all-capital token), counts its lower-case and its capitalised
occurrences away from a sentence's start. A word written in lower case in at
least 85% of at least 10 such occurrences is a common word: an actor's name
made only of such words ("Regional Migration", "Members", "Arms Control") is
a phrase, not a name. Names score low even when they are also words
("Price" 0.45, "Bush" 0.20, "Moon" 0.09, "Mark" 0.76).
"""
import glob, gzip, json, os, re, sys
from collections import Counter

SHARE, MIN = 0.85, 10
WORD = re.compile(r"[^\W\d_][\w'’\-]*\.?|[.!?:;\"“(•]")
ABBREV = re.compile(r"(?:[A-Za-z]\.)+|[A-Z][a-z]{0,3}\.")
OPENERS = '.!?:;"“(•'


def count(text, low, cap):
    for para in text.split("\n\n")[1:]:
        toks = WORD.findall(para)
        words = [t for t in toks if t[0].isalpha()]
        if len(words) < 6 or sum(w[0].isupper() for w in words) > len(words) / 2:
            continue
        start = True
        for t in toks:
            if not t[0].isalpha():
                start = start or t in OPENERS
                continue
            abbrev = ABBREV.fullmatch(t) is not None
            w = (t if abbrev else t.rstrip(".")).replace("’", "'")
            ends = t.endswith(".") and not abbrev
            if len(w) > 1 and w.isupper():
                start = ends
                continue
            if not start:
                (cap if w[0].isupper() else low)[w.lower()] += 1
            start = ends


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "..", "shared", "data", "corpus")
    low, cap, docs = Counter(), Counter(), 0
    for path in sorted(glob.glob(os.path.join(root, "*.jsonl.gz"))):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                count(json.loads(line)["text"], low, cap)
                docs += 1
    print("# format: attache-name-words/1")
    print("# file: name_words.tsv - words that running text writes in lower case (common words, not names)")
    print(f"# provenance: derived by scripts/name-words.py from the unlabelled corpus (shared/data/corpus, {docs:,} documents):")
    print(f"#   a word written in lower case in >= {SHARE:.0%} of >= {MIN} occurrences away from a sentence's start,")
    print("#   outside title and heading-like paragraphs; counts only, no text")
    print("# columns: word (lower case, straight apostrophes), lower-case count, capitalised count")
    rows = [(w, low[w], cap[w]) for w in set(low) | set(cap)]
    for w, lo, ca in sorted(r for r in rows if r[1] + r[2] >= MIN and r[1] >= SHARE * (r[1] + r[2])):
        print(f"{w}\t{lo}\t{ca}")


if __name__ == "__main__":
    main()
