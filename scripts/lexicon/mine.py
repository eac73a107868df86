#!/usr/bin/env python3
"""Count event-trigger candidates in a parsed corpus sample (CoNLL-U).

usage: scripts/lexicon/mine.py PARSED.conllu OUTDIR [--min N]

Reads the output of `attache parse --format conllu` and writes four
tab-separated count tables to OUTDIR (keep OUTDIR outside the repository:
only aggregate counts go into docs/events-lexicon.md):

  verbs.tsv   lemma (with its particle: "carry out"), all VERB tokens, tokens
              whose subject is actor-like, whose object is actor-like, with
              either, and the prepositions that mark actor-like obliques
  nouns.tsv   NOUN lemma, all tokens, tokens with an actor-like possessor /
              compound / amod, tokens that are the object of a verb whose
              subject is actor-like, either, and the prepositions of
              actor-like nominal modifiers
  light.tsv   verb + object-noun pairs whose subject is actor-like
              ("hold talk", "express concern", "launch attack")
  docs.txt    the number of documents and sentences read

An actor-like word (for ranking only; the parse is imperfect) is a PROPN, a
capitalised ADJ or NOUN (a demonym or a named body: "Russian", "Ministry"),
the pronouns we / I / they (and our / my / their as possessors), or a noun
of ACTOR_NOUNS. A verb with no subject of its own takes the subject of the
verb it complements (xcomp) or is coordinated with (conj); in the passive
the by-agent is the subject and the passive subject the object.
"""
import argparse
import collections
import os
import sys

# Common nouns that name actors (governments, their organs, armed forces).
ACTOR_NOUNS = {
    "government", "ministry", "minister", "president", "prime", "forces", "force",
    "troops", "army", "military", "police", "authorities", "authority", "country",
    "countries", "state", "states", "nation", "nations", "side", "sides", "party",
    "parties", "delegation", "leader", "leaders", "official", "officials",
    "administration", "regime", "embassy", "ambassador", "council", "parliament",
    "secretary", "spokesperson", "spokesman", "union", "organization",
    "organisation", "coalition", "militants", "rebels", "insurgents", "separatists",
    "ally", "allies", "partner", "partners", "member", "members", "people",
    "navy", "kingdom", "republic", "federation", "department", "agency", "court",
    "chancellor", "king", "premier", "envoy", "diplomat", "diplomats", "group",
    "terrorists", "occupiers", "invaders", "soldiers", "cabinet", "congress",
}
ACTOR_PRONOUNS = {"we", "i", "they", "our", "my", "their", "us", "them"}
SUBJ = {"nsubj", "nsubj:outer"}
OBJ = {"obj"}
NOMINAL_MODS = {"nmod:poss", "compound", "amod"}


def char_range(misc):
    """The token's (start, end) char offsets from MISC TokenRange=a:b, or None."""
    for item in misc.split("|"):
        if item.startswith("TokenRange="):
            a, _, b = item[len("TokenRange="):].partition(":")
            if a.isdigit() and b.isdigit():
                return int(a), int(b)
    return None


def read_sentences(path):
    """Yields (tokens, new_doc, text) per sentence; a token is a dict."""
    toks, newdoc, text = [], False, ""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if toks:
                    yield toks, newdoc, text
                toks, newdoc, text = [], False, ""
                continue
            if line.startswith("#"):
                newdoc = newdoc or line.startswith("# newdoc")
                if line.startswith("# text = "):
                    text = line[len("# text = "):]
                continue
            f = line.split("\t")
            if len(f) < 8 or not f[0].isdigit():
                continue
            toks.append({"id": int(f[0]), "form": f[1], "lemma": f[2].lower(),
                         "upos": f[3], "head": int(f[6]) if f[6].isdigit() else 0,
                         "rel": f[7], "range": char_range(f[9] if len(f) > 9 else "")})
    if toks:
        yield toks, newdoc, text


def actor_like(t):
    if t["upos"] == "PROPN":
        return True
    if t["upos"] == "PRON":
        return t["lemma"] in ACTOR_PRONOUNS or t["form"].lower() in ACTOR_PRONOUNS
    if t["upos"] in ("ADJ", "NOUN") and t["form"][:1].isupper() and t["id"] > 1:
        return True
    return t["upos"] == "NOUN" and t["lemma"] in ACTOR_NOUNS


def analyse(toks):
    """Per token: its dependents, and for verbs the actor-like subject/object."""
    by_id = {t["id"]: t for t in toks}
    deps = collections.defaultdict(list)
    for t in toks:
        deps[t["head"]].append(t)

    def own(t, rels):
        return [d for d in deps[t["id"]] if d["rel"] in rels]

    def subj_of(t, seen=0):
        s = own(t, SUBJ | {"obl:agent"})
        if s:
            return s
        if t["rel"] in ("xcomp", "conj") and seen < 4 and t["head"] in by_id:
            h = by_id[t["head"]]
            if h["upos"] == "VERB":
                return subj_of(h, seen + 1)
        return []

    return by_id, deps, own, subj_of


def case_of(deps, t):
    for d in deps[t["id"]]:
        if d["rel"] == "case":
            return d["lemma"]
    return None


def particle(deps, t):
    for d in deps[t["id"]]:
        if d["rel"] == "compound:prt":
            return d["lemma"]
    return None


def mine(path):
    verbs = collections.defaultdict(lambda: [0, 0, 0, 0, collections.Counter()])
    nouns = collections.defaultdict(lambda: [0, 0, 0, 0, collections.Counter()])
    light = collections.Counter()
    ndocs = nsents = 0
    for toks, newdoc, _ in read_sentences(path):
        ndocs += newdoc
        nsents += 1
        by_id, deps, own, subj_of = analyse(toks)
        actor_subj_verbs = set()
        for t in toks:
            if t["upos"] != "VERB":
                continue
            prt = particle(deps, t)
            key = t["lemma"] + (" " + prt if prt else "")
            passive = any(d["rel"] in ("nsubj:pass", "aux:pass") for d in deps[t["id"]])
            subjs = subj_of(t)
            objs = own(t, OBJ | ({"nsubj:pass"} if passive else set()))
            s_act = any(actor_like(s) for s in subjs if s["rel"] != "nsubj:pass")
            o_act = any(actor_like(o) for o in objs)
            row = verbs[key]
            row[0] += 1
            row[1] += s_act
            row[2] += o_act
            row[3] += s_act or o_act
            for d in deps[t["id"]]:
                if d["rel"].startswith("obl") and actor_like(d):
                    c = case_of(deps, d)
                    if c:
                        row[4][c] += 1
            if s_act:
                actor_subj_verbs.add(t["id"])
                for o in own(t, OBJ):
                    if o["upos"] == "NOUN":
                        light[(key, o["lemma"])] += 1
        for t in toks:
            if t["upos"] != "NOUN":
                continue
            row = nouns[t["lemma"]]
            row[0] += 1
            mod = any(d["rel"] in NOMINAL_MODS and actor_like(d) for d in deps[t["id"]])
            obj_of = t["rel"] == "obj" and t["head"] in actor_subj_verbs
            row[1] += mod
            row[2] += obj_of
            row[3] += mod or obj_of
            for d in deps[t["id"]]:
                if d["rel"] == "nmod" and actor_like(d):
                    c = case_of(deps, d)
                    if c:
                        row[4][c] += 1
    return verbs, nouns, light, ndocs, nsents


def write(path, header, rows):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\t".join(header) + "\n")
        for r in rows:
            fh.write("\t".join(str(x) for x in r) + "\n")


def preps(counter):
    return ",".join(f"{p}:{n}" for p, n in counter.most_common(6))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("parsed", help="CoNLL-U from `attache parse`")
    ap.add_argument("outdir", help="where the tables go (outside the repository)")
    ap.add_argument("--min", type=int, default=2, help="drop rows with fewer actor hits")
    a = ap.parse_args()
    src, out, minimum = a.parsed, a.outdir, a.min
    os.makedirs(out, exist_ok=True)
    verbs, nouns, light, ndocs, nsents = mine(src)
    vrows = sorted(((k, *v[:4], preps(v[4])) for k, v in verbs.items() if v[3] >= minimum),
                   key=lambda r: -r[4])
    write(os.path.join(out, "verbs.tsv"),
          ["lemma", "all", "actor_subj", "actor_obj", "actor_any", "actor_obl_preps"], vrows)
    nrows = sorted(((k, *v[:4], preps(v[4])) for k, v in nouns.items() if v[3] >= minimum),
                   key=lambda r: -r[4])
    write(os.path.join(out, "nouns.tsv"),
          ["lemma", "all", "actor_mod", "obj_of_actor_verb", "actor_any", "actor_nmod_preps"],
          nrows)
    lrows = sorted(((v, n, c) for (v, n), c in light.items() if c >= minimum),
                   key=lambda r: -r[2])
    write(os.path.join(out, "light.tsv"), ["verb", "obj", "actor_subj"], lrows)
    with open(os.path.join(out, "docs.txt"), "w") as fh:
        fh.write(f"documents\t{ndocs}\nsentences\t{nsents}\n")
    print(f"{ndocs} documents, {nsents} sentences; {len(vrows)} verbs, {len(nrows)} nouns, "
          f"{len(lrows)} verb+object pairs (min {minimum}) -> {out}")


if __name__ == "__main__":
    main()
