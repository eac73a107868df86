#!/usr/bin/env python3
"""Author detection on unseen corpus text: draw, dump and score.

usage:
  scripts/author-check.py draw            # print the sample's ids (see eval/corpus-authors/README.md)
  scripts/author-check.py show ID...      # print the title, opening and closing of documents (to label)
  scripts/author-check.py [score] [--bin PATH] [--verbose]   (--verbose: the misses of part fix only)
                                          # score the author fields against labels.tsv, per part

The documents are given to attache as {"id","text","date"} only (no metadata),
as ../shared/eval/split-eval does. Scoring runs `target/release/examples/authors`
(the same pipeline as `attache extract`; it prints each document's author,
author person and co-authors, which the record contract does not carry). Build
it with `cargo build --release --example authors`.
Exits 0 with "SKIP" when ../shared is absent.
"""
import glob, gzip, json, os, random, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(ROOT, "..", "shared", "data", "corpus")
LABELS = os.path.join(ROOT, "eval", "corpus-authors", "labels.tsv")
SEED, PER_SOURCE, JOINT = 20261206, 7, 12
# a second stratum, since joint statements are rare in a uniform draw: titles
# that call the document a joint statement, declaration or communique
JOINT_TITLE = re.compile(r"\bjoint (statement|declaration|communiqu)", re.I)


def corpus():
    docs = {}
    for path in sorted(glob.glob(os.path.join(CORPUS, "*.jsonl.gz"))):
        src = os.path.basename(path).split(".")[0]
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            docs[src] = [json.loads(l) for l in fh if l.strip()]
    return docs


def draw(docs):
    """PER_SOURCE documents per source file, without the dev overlaps."""
    skip = {o["id"] for o in json.load(open(os.path.join(CORPUS, "dev_overlaps.json")))}
    ids = []
    for src in sorted(docs):
        pool = [d["id"] for d in docs[src] if d["id"] not in skip]
        ids.extend(random.Random(f"{SEED}-{src}").sample(pool, min(PER_SOURCE, len(pool))))
    joint = sorted(d["id"] for ds in docs.values() for d in ds
                   if d["id"] not in skip and d["id"] not in ids and JOINT_TITLE.search(d.get("title") or ""))
    ids.extend(random.Random(f"{SEED}-joint").sample(joint, min(JOINT, len(joint))))
    return ids


def show(docs, ids):
    by_id = {d["id"]: d for ds in docs.values() for d in ds}
    for i in ids:
        t = by_id[i]["text"]
        print(f"===== {i}  ({len(t)} chars)")
        print(t[:700].replace("\n\n", " ¶ "))
        print("   ....")
        print(t[-300:].replace("\n\n", " ¶ "))


def read_labels():
    rows = []
    for line in open(LABELS, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        f = line.rstrip("\n").split("\t")
        f += [""] * (5 - len(f))
        rows.append({"id": f[0], "part": f[1], "author": f[2], "person": f[3],
                     "co": [c for c in f[4].split("|") if c]})
    return rows


def norm(s):
    return " ".join(s.lower().replace("the ", " ").split())


def matches(label, got):
    """A label (ISO code or name) against a printed actor {name,country,...}."""
    if not label:
        return got is None
    if got is None:
        return False
    if label.isupper() and len(label) == 3 and got.get("kind") == "state":
        return got.get("country") == label
    names = [got.get("name") or ""] + (got.get("aliases") or [])
    if label.isupper() and len(label) == 3:
        return False
    return any(norm(label) == norm(n) or norm(label) in norm(n) for n in names if n)


def surname_match(label, got):
    if not label:
        return got is None
    return got is not None and norm(label).split()[-1] in norm(got.get("name") or "").split()


def score(argv):
    binary = os.path.join(ROOT, "target", "release", "examples", "authors")
    verbose = "--verbose" in argv
    if "--bin" in argv:
        binary = argv[argv.index("--bin") + 1]
    if not os.path.isdir(CORPUS):
        print("SKIP: ../shared is absent")
        return 0
    if not os.access(binary, os.X_OK):
        print(f"author-check: no binary at {binary} (cargo build --release --example authors)", file=sys.stderr)
        return 2
    labels = read_labels()
    by_id = {d["id"]: d for ds in corpus().values() for d in ds}
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        for r in labels:
            d = by_id[r["id"]]
            fh.write(json.dumps({"id": d["id"], "text": d["text"], "date": d["date"]}) + "\n")
        path = fh.name
    out = subprocess.run([binary, path], capture_output=True, text=True, check=True).stdout
    os.unlink(path)
    got = {o["id"]: o for o in map(json.loads, out.splitlines())}
    for part in ("fix", "held", "all"):
        rows = [r for r in labels if part in ("all", r["part"])]
        a_ok = p_ok = p_n = 0
        tp = fp = fn = 0
        for r in rows:
            g = got.get(r["id"], {})
            co_g = g.get("co_authors") or []
            if r["co"]:
                # a joint statement: right when the co-author sets agree
                found = [c for c in r["co"] if any(matches(c, x) for x in co_g)]
                tp += len(found)
                fn += len(r["co"]) - len(found)
                fp += len([x for x in co_g if not any(matches(c, x) for c in r["co"])])
                ok = len(found) == len(r["co"]) == len(co_g)
            else:
                fp += len(co_g)
                ok = not co_g and matches(r["author"], g.get("author"))
            a_ok += ok
            if r["person"]:
                p_n += 1
                p_ok += surname_match(r["person"], g.get("person"))
            if verbose and part == "fix" and (not ok or (r["person"] and not surname_match(r["person"], g.get("person")))):
                show_g = {k: (v.get("name") if isinstance(v, dict) else [x.get("name") for x in v] if isinstance(v, list) else v)
                          for k, v in g.items() if k != "id"}
                print(f"  miss {r['id']:28} want {r['author']!r} {r['person']!r} {r['co']}  got {show_g}")
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
        print(f"{part:5} docs {len(rows):3}  author {a_ok}/{len(rows)} = {a_ok / max(1, len(rows)):.3f}"
              f"  co-author F1 {f1:.3f} (tp {tp} fp {fp} fn {fn})"
              f"  person {p_ok}/{p_n} = {p_ok / max(1, p_n):.3f}")
    return 0


def main():
    argv = sys.argv[1:]
    if argv and argv[0] in ("draw", "show"):
        if not os.path.isdir(CORPUS):
            print("SKIP: ../shared is absent")
            return 0
        docs = corpus()
        if argv[0] == "draw":
            print("\n".join(draw(docs)))
        else:
            show(docs, argv[1:] or draw(docs))
        return 0
    return score(argv[1:] if argv and argv[0] == "score" else argv)


if __name__ == "__main__":
    sys.exit(main())
