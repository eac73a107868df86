#!/usr/bin/env python3
"""A hand-annotated sentence sample for agreement references, kept as standoff.

usage:
  scripts/agreement-standoff.py sample [SEED [strong]] > /tmp/sample.tsv
      Draw the sentences to annotate (reproducible: SEED, default 13) and print
      them, with their document id and char offsets, for annotation. The output
      holds corpus text: keep it outside the repository.
      The data file holds `sample 13` (numbered 1..), `sample 14 strong`
      (numbered 1001..) and `sample 15 strong` (numbered 2001..).
  scripts/agreement-standoff.py convert NOTES SAMPLE... > tests/data/agreements-standoff.tsv
      Turn annotation notes (lines "N <TAB> LABEL <TAB> span text [<TAB> k]",
      N = sample number, k = k-th occurrence in the sentence, default 1) into
      standoff rows (no corpus text).
  scripts/agreement-standoff.py score [--part P] [--show] [--attache BIN]
      Run attache on the annotated documents and score its agreement mentions
      (records) and AGREEMENT entities against the standoff file. SKIPPED when
      ../shared is absent. --show prints the misses and false hits of part P
      (only ever for part "fix": the "held" part is scored, never studied).

The sample: for each of the nine corpus sources, 13 sentences holding an
agreement-like head word (any case) and 4 without one, drawn with
random.Random(SEED); with "strong", 10 sentences per source holding a head that
usually names an instrument (agreement, treaty, resolution, deal ...). Documents
that overlap the dev set are skipped. Sentences
alternate between the parts "fix" (studied while writing rules) and "held".

Standoff rows (tests/data/agreements-standoff.tsv), tab-separated:
  S  doc-id  start  end  part      one annotated sentence (char offsets in `text`)
  A  doc-id  start  end  label     one mention inside an S sentence
Labels: AGREEMENT  a named instrument (an AGREEMENT entity and a record);
        REF        a specific instrument without a name ("the agreement
                   signed in Geneva on Monday", "a resolution demanding ...");
                   a record, not an entity. Conventions: data/dev/README.md.
"""
import glob, gzip, json, os, random, re, subprocess, sys, tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CORPUS = os.path.join(ROOT, "..", "shared", "data", "corpus")
STANDOFF = os.path.join(ROOT, "tests", "data", "agreements-standoff.tsv")
HEADS = re.compile(
    r"\b(agreements?|treat(?:y|ies)|conventions?|accords?|declarations?|statements?|"
    r"communiqu[eé]s?|memorand(?:um|a|ums)|mou|resolutions?|protocols?|charters?|pacts?|"
    r"plans?|frameworks?|deals?|arrangements?|ceasefires?|cease-fires?|truces?|compacts?|"
    r"covenants?|road ?maps?)\b", re.I)
# A full stop after these does not end a sentence.
ABBREV = re.compile(r"(\b(?:[A-Z]|U\.S|U\.N|U\.K|Mr|Mrs|Ms|Dr|St|No|Nos|Gen|Lt|Col|Sen|Rep|Hon|Jr|"
                    r"Sr|Prof|Amb|Gov|Messrs|Rt|H\.E|Art|Vol|vs|etc|e\.g|i\.e|Sept?|Oct|Nov|Dec|Jan|"
                    r"Feb|Mar|Apr|Aug)\.)$")
# The second batch ("strong"): heads that name an instrument more often than not.
STRONG = re.compile(
    r"\b(agreements?|treat(?:y|ies)|accords?|memorand(?:um|a|ums)|mou|resolutions?|"
    r"communiqu[eé]s?|joint statements?|declarations?|deals?|ceasefires?|cease-fires?|truces?|"
    r"protocols?|conventions?|charters?|pacts?)\b", re.I)
PER_SOURCE_CUE, PER_SOURCE_PLAIN = 13, 4
PER_SOURCE_STRONG = 10


def load_docs():
    skip = set()
    overlaps = os.path.join(CORPUS, "dev_overlaps.json")
    if os.path.exists(overlaps):
        skip = {o["id"] for o in json.load(open(overlaps, encoding="utf-8"))}
    by_source = {}
    for path in sorted(glob.glob(os.path.join(CORPUS, "*.jsonl.gz"))):
        name = os.path.basename(path).split(".")[0]
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            docs = [json.loads(line) for line in fh if line.strip()]
        by_source[name] = [d for d in docs if d["id"] not in skip]
    return by_source


def sentences(text):
    """(start, end) char spans of the sentences of each paragraph."""
    out, pos = [], 0
    for para in text.split("\n"):
        start = pos
        for m in re.finditer(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])", para):
            if ABBREV.search(para[: m.start() + 1]):
                continue
            end = m.start() + len(m.group(0).rstrip())
            out.append((start, pos + end))
            start = pos + m.end()
        if para.strip():
            out.append((start, pos + len(para)))
        pos += len(para) + 1
    return [(s, e) for s, e in out if 30 <= e - s <= 600]


def sample(seed, strong, first):
    rng = random.Random(seed)
    rows = []
    for source, docs in sorted(load_docs().items()):
        cue, plain = [], []
        for d in docs:
            for s, e in sentences(d["text"]):
                text = d["text"][s:e]
                if strong:
                    if STRONG.search(text):
                        cue.append((d, s, e))
                else:
                    (cue if HEADS.search(text) else plain).append((d, s, e))
        picked = rng.sample(cue, min(PER_SOURCE_STRONG if strong else PER_SOURCE_CUE, len(cue)))
        picked += rng.sample(plain, min(PER_SOURCE_PLAIN, len(plain)))
        rows.extend(picked)
    rng.shuffle(rows)
    for n, (d, s, e) in enumerate(rows, first):
        part = "fix" if n % 2 else "held"
        print(f"{n}\t{d['id']}\t{s}\t{e}\t{part}\t{d['text'][s:e]}")


def convert(notes_path, sample_paths):
    sample, seen = {}, set()
    for sample_path in sample_paths:
        for line in open(sample_path, encoding="utf-8"):
            n, doc, s, e, part, text = line.rstrip("\n").split("\t", 5)
            if (doc, s) not in seen:
                seen.add((doc, s))
                sample[n] = (doc, int(s), int(e), part, text)
    spans = []
    for line in open(notes_path, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        f = line.rstrip("\n").split("\t")
        n, label, span = f[0], f[1], f[2]
        k = int(f[3]) if len(f) > 3 else 1
        doc, s, _, _, text = sample[n]
        at = -1
        for _ in range(k):
            at = text.find(span, at + 1)
        if at < 0:
            sys.exit(f"sample {n}: span {span!r} not found")
        spans.append((doc, s + at, s + at + len(span), label))
    print("# Agreement references in a random corpus sample, hand-annotated (scripts/agreement-standoff.py).")
    print("# S doc start end part | A doc start end label (AGREEMENT named, REF specific unnamed). No corpus text.")
    for n in sorted(sample, key=int):
        doc, s, e, part, _ = sample[n]
        print(f"S\t{doc}\t{s}\t{e}\t{part}")
        for sd, ss, se, label in spans:
            if sd == doc and s <= ss and se <= e:
                print(f"A\t{doc}\t{ss}\t{se}\t{label}")


def read_standoff():
    sents, spans = [], []
    for line in open(STANDOFF, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        if f[0] == "S":
            sents.append((f[1], int(f[2]), int(f[3]), f[4]))
        else:
            spans.append((f[1], int(f[2]), int(f[3]), f[4]))
    return sents, spans


def run_attache(binary, ids):
    docs = {}
    for source_docs in load_docs().values():
        for d in source_docs:
            if d["id"] in ids:
                docs[d["id"]] = d
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for i in sorted(ids):
            d = docs[i]
            fh.write(json.dumps({k: d.get(k) for k in ("id", "title", "date", "text")}) + "\n")
        path = fh.name
    out = subprocess.run([binary, "extract", "--input", "jsonl", "-q", "--include-text", path],
                         capture_output=True, text=True, check=True).stdout
    os.unlink(path)
    recs = {}
    for line in out.splitlines():
        r = json.loads(line)
        if r["doc"]["text"] != docs[r["doc"]["id"]]["text"]:
            print(f"warning: {r['doc']['id']}: text changed, offsets may not match", file=sys.stderr)
        recs[r["doc"]["id"]] = r
    return recs, docs


def overlaps(a, b):
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def prf(gold, pred):
    tp_p = sum(any(overlaps(p, g) for g in gold) for p in pred)
    tp_g = sum(any(overlaps(g, p) for p in pred) for g in gold)
    p = tp_p / len(pred) if pred else 0.0
    r = tp_g / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp_g, len(pred), len(gold)


def score(args):
    if not os.path.isdir(CORPUS):
        print("SKIPPED: ../shared/data/corpus not found")
        return
    binary = os.path.join(ROOT, "target", "release", "attache")
    if "--attache" in args:
        binary = args[args.index("--attache") + 1]
    only = args[args.index("--part") + 1] if "--part" in args else None
    sents, spans = read_standoff()
    recs, docs = run_attache(binary, {s[0] for s in sents})
    for part in ("fix", "held", "all"):
        if only and part != only:
            continue
        ps = [s for s in sents if part == "all" or s[3] == part]
        inside = lambda m: any(m[0] == d and s <= m[1] and m[2] <= e for d, s, e, _ in ps)
        gold_rec = [g[:3] for g in spans if inside(g)]
        gold_ent = [g[:3] for g in spans if inside(g) and g[3] == "AGREEMENT"]
        pred_rec, pred_ent = [], []
        for d, r in recs.items():
            for a in r["agreements"]:
                pred_rec += [(d, m["start"], m["end"]) for m in a["mentions"]]
            pred_ent += [(d, e["start"], e["end"]) for e in r["entities"] if e["type"] == "AGREEMENT"]
        pred_rec = [m for m in set(pred_rec) if inside(m)]
        pred_ent = [m for m in set(pred_ent) if inside(m)]
        print(f"{part:5} sentences {len(ps):3}  mentions  P %.3f R %.3f F1 %.3f  (tp %d, pred %d, gold %d)"
              % prf(gold_rec, pred_rec))
        print(f"{part:5}                AGREEMENT P %.3f R %.3f F1 %.3f  (tp %d, pred %d, gold %d)"
              % prf(gold_ent, pred_ent))
        if "--show" in args and part == "fix":
            for g in sorted(gold_rec):
                if not any(overlaps(g, p) for p in pred_rec):
                    print("  miss  ", g[0], repr(docs[g[0]]["text"][g[1]:g[2]]))
            for p in sorted(pred_rec):
                if not any(overlaps(p, g) for g in gold_rec):
                    print("  false ", p[0], repr(docs[p[0]]["text"][p[1]:p[2]]))


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "sample":
        strong = "strong" in sys.argv[3:]
        seed = int(sys.argv[2]) if len(sys.argv) > 2 else 13
        # sample numbers: 13 -> 1.., 14 strong -> 1001.., 15 strong -> 2001..
        sample(seed, strong, 1001 + 1000 * (seed - 14) if strong else 1)
    elif cmd == "convert" and len(sys.argv) >= 4:
        convert(sys.argv[2], sys.argv[3:])
    elif cmd == "score":
        score(sys.argv[2:])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
