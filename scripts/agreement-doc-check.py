#!/usr/bin/env python3
"""Document-level agreement check on a hand-annotated random corpus sample (standoff).

usage:
  scripts/agreement-doc-check.py draw [SEED] [--exclude LABELS.tsv] [--per-source N]
                                [--parts A,B] [--filter heads|broad|none] > /tmp/docs.jsonl
      Draw the sample (reproducible, SEED default 12): per corpus source, documents of at
      most 700 words (the dev set's range) whose text holds an agreement-like head word,
      not listed in dev_overlaps.json, chosen with random.Random(SEED); 7 from the State
      Department and the White House, 6 from each other source, none from the UN general
      debate (no statement there is that short). Documents alternate between the parts
      "fix" and "held" in draw order. The output holds corpus text: keep it outside the
      repository. --exclude skips the documents of an earlier sample's labels (repeatable);
      --per-source N draws N from every source but the UN general debate (instead of 7/6);
      --parts names the two alternating parts (default fix,held).
      --filter heads|broad|none picks the text filter (default heads, the list above, which
      the tool's own vocabulary grew from). broad keeps documents holding any word of a wider,
      convention-derived set (BROAD below: statement, plan, framework, decision, initiative …)
      so that a sample is not limited to the words the tool already knows; none keeps every
      document of at most 700 words.
  scripts/agreement-doc-check.py convert NOTES DOCS.jsonl > eval/corpus-agreements/labels.tsv
      Turn annotation notes into standoff rows (no corpus text). Notes lines:
        D <TAB> doc-id                      a document of the sample (in draw order)
        A <TAB> doc-id <TAB> self <TAB> canonical name <TAB> surface [<TAB> k]
      self is 1 when the agreement is the document itself; k = k-th occurrence of the
      surface in the text (default 1). Repeat an A line with the same name for more mentions.
  scripts/agreement-doc-check.py score [--sample DIR] [--part P] [--show] [--attache BIN]
      Run `attache extract` on the sample documents given as {"id","text","date"} (no
      metadata, like ../shared/eval/split-eval) and score document-level agreements the
      way ../shared/eval/score.py does (its agreement_match: token Jaccard >= 0.5 or
      containment of names, or the gold name inside a predicted mention). Dates are not
      annotated, so they never decide a match. --show prints misses and false hits of
      the studied parts (names starting "fix": "held*" parts are scored, never studied).
      --sample picks the labels folder (default eval/corpus-agreements; the second sample is
      eval/corpus-agreements-2). SKIPPED when ../shared is absent.

Labels (eval/corpus-agreements/labels.tsv), tab-separated:
  D  doc-id  part                          one sampled document (fix | held)
  A  doc-id  start  end  self  name        one mention of one agreement (char offsets in text)
"""
import glob, gzip, json, os, random, re, subprocess, sys, tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SHARED = os.path.join(ROOT, "..", "shared")
CORPUS = os.path.join(SHARED, "data", "corpus")
LABELS = os.path.join(ROOT, "eval", "corpus-agreements", "labels.tsv")
HEADS = re.compile(
    r"\b(agreements?|treat(?:y|ies)|accords?|memorand(?:um|a|ums)|mou|resolutions?|"
    r"communiqu[eé]s?|joint statements?|declarations?|deals?|ceasefires?|cease-fires?|truces?|"
    r"protocols?|conventions?|charters?|pacts?)\b", re.I)
# Convention-derived words for instruments in general (dev README "Agreements": treaties,
# memoranda, action plans, joint statements, resolutions, rulings), wider than HEADS on purpose.
BROAD = re.compile(
    r"\b(agreements?|treat(?:y|ies)|accords?|resolutions?|declarations?|statements?|"
    r"communiqu[eé]s?|memorand(?:um|a|ums)|conventions?|charters?|protocols?|pacts?|deals?|"
    r"arrangements?|frameworks?|plans?|roadmaps?|road maps?|initiatives?|decisions?|compacts?|"
    r"understandings?|consensus|ceasefires?|cease-fires?|truces?|rulings?|contracts?)\b", re.I)
FILTERS = {"heads": HEADS, "broad": BROAD, "none": None}
MAX_WORDS = 700
PER_SOURCE = {"state_department": 7, "white_house": 7, "un_general_debate": 0}
DEFAULT_PER_SOURCE = 6


def load_docs():
    skip = set()
    ov = os.path.join(CORPUS, "dev_overlaps.json")
    if os.path.exists(ov):
        skip = {o["id"] for o in json.load(open(ov, encoding="utf-8"))}
    by_source = {}
    for path in sorted(glob.glob(os.path.join(CORPUS, "*.jsonl.gz"))):
        src = os.path.basename(path)[: -len(".jsonl.gz")]
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            by_source[src] = [json.loads(l) for l in fh if l.strip()]
    return by_source, skip


def labelled_ids(path):
    return {l.split("\t")[1] for l in open(path, encoding="utf-8") if l.startswith("D\t")}


def draw(seed, exclude=(), per_source=None, parts=("fix", "held"), filt="heads"):
    by_source, skip = load_docs()
    for path in exclude:
        skip |= labelled_ids(path)
    rng = random.Random(seed)
    picked = []
    for src, docs in sorted(by_source.items()):
        n = PER_SOURCE.get(src, DEFAULT_PER_SOURCE)
        if per_source is not None:
            n = 0 if src == "un_general_debate" else per_source
        pat = FILTERS[filt]
        pool = [d for d in docs if d["id"] not in skip and len(d["text"].split()) <= MAX_WORDS
                and (pat is None or pat.search(d["text"]))]
        picked.extend(rng.sample(pool, min(n, len(pool))))
    for i, d in enumerate(picked):
        out = {k: d.get(k) for k in ("id", "date", "text")}
        out["part"] = parts[i % 2]
        print(json.dumps(out, ensure_ascii=False))


def convert(notes, docs_path):
    docs = {}
    for l in open(docs_path, encoding="utf-8"):
        d = json.loads(l)
        docs[d["id"]] = d
    print("# Document-level agreements in a random corpus sample (scripts/agreement-doc-check.py).")
    print("# D doc part | A doc start end self name. Offsets into the corpus `text`; no corpus text.")
    for n, line in enumerate(open(notes, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        if f[0] == "D":
            print(f"D\t{f[1]}\t{docs[f[1]]['part']}")
            continue
        _, did, selfflag, name, surface = f[:5]
        k = int(f[5]) if len(f) > 5 else 1
        text, pos = docs[did]["text"], -1
        for _ in range(k):
            pos = text.find(surface, pos + 1)
            if pos < 0:
                sys.exit(f"notes line {n}: surface not found ({k}): {surface!r} in {did}")
        print(f"A\t{did}\t{pos}\t{pos + len(surface)}\t{selfflag}\t{name}")


def read_labels(labels):
    parts, gold = {}, {}
    for line in open(labels, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        if f[0] == "D":
            parts[f[1]] = f[2]
            gold.setdefault(f[1], {})
        else:
            _, did, s, e, selfflag, name = f
            g = gold.setdefault(did, {}).setdefault(name, {"name": name, "self": selfflag == "1",
                                                          "spans": []})
            g["spans"].append((int(s), int(e)))
    return parts, gold


def score(part_only, show, binary, labels=LABELS):
    if not os.path.isdir(CORPUS) or not os.path.exists(os.path.join(SHARED, "eval", "score.py")):
        print("SKIPPED: ../shared (corpus and eval/score.py) is absent")
        return
    sys.path.insert(0, os.path.join(SHARED, "eval"))
    from score import agreement_match  # the official matcher, so the figures agree with score.py
    parts, gold = read_labels(labels)
    by_source, _ = load_docs()
    docs = {d["id"]: d for ds in by_source.values() for d in ds if d["id"] in parts}
    with tempfile.TemporaryDirectory() as t:
        inp = os.path.join(t, "in.jsonl")
        with open(inp, "w", encoding="utf-8") as fh:
            for did in parts:
                d = docs[did]
                fh.write(json.dumps({"id": did, "text": d["text"], "date": d.get("date")}) + "\n")
        out = subprocess.run([binary, "extract", "--input", "jsonl", "--quiet"], stdin=open(inp),
                             capture_output=True, text=True)
    preds = {}
    for l in out.stdout.splitlines():
        if l.strip():
            r = json.loads(l)
            preds[(r.get("doc") or {}).get("id") or r.get("id")] = r.get("agreements") or []
    totals = {}
    for did, part in parts.items():
        if part_only and part != part_only:
            continue
        text = docs[did]["text"]
        ga = [{"name": g["name"], "text": text[g["spans"][0][0]:g["spans"][0][1]], "self": g["self"]}
              for g in gold[did].values()]
        pa = preds.get(did, [])
        used, tp, missed = set(), 0, []
        for g in ga:
            for i, p in enumerate(pa):
                if i not in used and agreement_match(g, p):
                    used.add(i); tp += 1; break
            else:
                missed.append(g)
        c = totals.setdefault(part, [0, 0, 0])
        c[0] += tp; c[1] += len(pa); c[2] += len(ga)
        if show and part.startswith("fix"):
            for g in missed:
                print(f"MISS {did}: {g['name']!r} [{g['text']}]{' (self)' if g['self'] else ''}")
            for i, p in enumerate(pa):
                if i not in used:
                    ms = [m.get("text") for m in p.get("mentions", []) or [] if isinstance(m, dict)]
                    print(f"FALSE {did}: {p.get('name')!r} {ms[:2]}")
    for part in sorted(totals):
        tp, np_, ng = totals[part]
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        docs_n = sum(1 for v in parts.values() if v == part)
        print(f"{part:5} docs {docs_n:3}  gold {ng:3}  pred {np_:3}  tp {tp:3}  "
              f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


def main():
    a = sys.argv[1:]
    if not a or a[0] not in ("draw", "convert", "score"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    if a[0] == "draw":
        seed = int(a[1]) if len(a) > 1 and not a[1].startswith("--") else 12
        exclude = [a[i + 1] for i, x in enumerate(a) if x == "--exclude"]
        per = int(a[a.index("--per-source") + 1]) if "--per-source" in a else None
        parts = tuple(a[a.index("--parts") + 1].split(",")) if "--parts" in a else ("fix", "held")
        filt = a[a.index("--filter") + 1] if "--filter" in a else "heads"
        if filt not in FILTERS:
            sys.exit(f"--filter must be one of {', '.join(FILTERS)}")
        draw(seed, exclude, per, parts, filt)
    elif a[0] == "convert":
        convert(a[1], a[2])
    else:
        part = a[a.index("--part") + 1] if "--part" in a else None
        binary = a[a.index("--attache") + 1] if "--attache" in a else os.path.join(
            ROOT, "target", "release", "attache")
        labels = LABELS
        if "--sample" in a:
            labels = os.path.join(a[a.index("--sample") + 1], "labels.tsv")
        score(part, "--show" in a, binary, labels)


if __name__ == "__main__":
    main()
