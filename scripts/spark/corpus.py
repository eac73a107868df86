"""A synthetic corpus of diplomatic press releases for the Spark check.

Every text here is generated from templates written for this check: the
people, meetings and quotes are invented; real country names appear only
as background, beside invented ones. The corpus is deterministic for a seed.

Besides the documents it writes deliberately broken lines (invalid JSON,
no text, non-objects, blank lines, an over-long line, NUL characters) and a
few documents with invalid UTF-8 bytes, CRLF line ends and no final line
break, so that a run exercises every per-line error path.

    python3 scripts/spark/corpus.py --docs 20000 --seed 7 -o corpus.jsonl
"""

import argparse
import datetime
import json
import random

REAL = [
    ("Armenia", "Armenian", "Yerevan"), ("Slovakia", "Slovak", "Bratislava"),
    ("Portugal", "Portuguese", "Lisbon"), ("Japan", "Japanese", "Tokyo"),
    ("Chile", "Chilean", "Santiago"), ("Kenya", "Kenyan", "Nairobi"),
    ("Viet Nam", "Vietnamese", "Hanoi"), ("Norway", "Norwegian", "Oslo"),
    ("Jordan", "Jordanian", "Amman"), ("Uruguay", "Uruguayan", "Montevideo"),
    ("Kazakhstan", "Kazakh", "Astana"), ("Croatia", "Croatian", "Zagreb"),
    ("Ghana", "Ghanaian", "Accra"), ("Mongolia", "Mongolian", "Ulaanbaatar"),
    ("Ireland", "Irish", "Dublin"), ("Indonesia", "Indonesian", "Jakarta"),
    ("Morocco", "Moroccan", "Rabat"), ("Finland", "Finnish", "Helsinki"),
]
INVENTED = [
    ("Valdoria", "Valdorian", "Port Ansel"), ("Ostravia", "Ostravian", "Kelm"),
    ("the Republic of Marenne", "Marennian", "Saint-Ivo"),
    ("Calvaria", "Calvarian", "Dunmere"), ("Tessaly", "Tessalian", "Orun"),
    ("the Federation of Arkos", "Arkosian", "Velsk"),
]
FIRST = ["Narine", "Tomas", "Amara", "Kenji", "Ines", "Farid", "Olga", "Mateo", "Leila",
         "Jonas", "Priya", "Dmitri", "Sofia", "Kwame", "Elif", "Ruairi", "Aiko", "Bruno",
         "Zainab", "Henrik", "Lucia", "Tariq", "Maren", "Oskar", "Chiara", "Ansel"]
LAST = ["Galstian", "Koval", "Okafor", "Tanabe", "Moreira", "Haddad", "Lindqvist",
        "Varga", "Mendez", "Sato", "Nordahl", "Petrosyan", "Ilunga", "Brennan", "Demir",
        "Castellano", "Rahimov", "Aalto", "Mbeki-Ross", "Ferreira", "Quist", "Dunmore"]
TITLES = ["Foreign Minister", "Minister of Foreign Affairs", "Deputy Foreign Minister",
          "Prime Minister", "President", "Ambassador", "State Secretary", "Special Envoy"]
AGREEMENTS = ["Memorandum of Understanding on Cultural Cooperation",
              "Agreement on the Avoidance of Double Taxation",
              "Joint Declaration on Strategic Partnership",
              "Agreement on Visa Exemption for Holders of Diplomatic Passports",
              "Protocol on Political Consultations", "Roadmap on Economic Cooperation"]
TOPICS = ["trade and investment", "energy security", "regional stability", "climate change",
          "education exchanges", "the humanitarian situation", "maritime security",
          "digital connectivity", "water management", "counter-terrorism cooperation"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
INSTITUTIONS = ["Ministry of Foreign Affairs", "Press Office", "Office of the President",
                "Permanent Mission to the United Nations"]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def pick(self, xs):
        return self.r.choice(xs)

    def country(self):
        return self.pick(REAL) if self.r.random() < 0.75 else self.pick(INVENTED)

    def person(self):
        return f"{self.pick(FIRST)} {self.pick(LAST)}"

    def date(self):
        start = datetime.date(2019, 1, 1)
        return start + datetime.timedelta(days=self.r.randrange(0, 7 * 365))

    def say_date(self, d):
        style = self.r.randrange(5)
        if style == 0:
            return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
        if style == 1:
            return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
        if style == 2:
            return f"{d.day:02d}.{d.month:02d}.{d.year}"
        if style == 3:
            return f"on {WEEKDAYS[d.weekday() % 5]}"
        return self.pick(["yesterday", "today", "last week", "two days ago"])

    def paragraph(self, a, b, d):
        r = self.r
        pa, pb = self.person(), self.person()
        topic, topic2 = self.pick(TOPICS), self.pick(TOPICS)
        options = [
            f"{a[1]} {self.pick(TITLES)} {pa} held talks with {pb}, {self.pick(TITLES)} of {b[0]}, "
            f"in {a[2]} {self.say_date(d)}. The sides discussed {topic} and {topic2}.",
            f"During a telephone conversation, {pa} and {pb} exchanged views on {topic}. "
            f"The interlocutors agreed to hold the next round of consultations in {b[2]}.",
            f"The Ministry of Foreign Affairs of {a[0]} strongly condemns the attack near "
            f"{b[2]} {self.say_date(d)} and calls on all parties to refrain from escalation.",
            f"The two ministers signed the {self.pick(AGREEMENTS)} between {a[0]} and {b[0]}. "
            f"\u201cThis is an important step for our peoples,\u201d {pa} said.",
            f"{a[0]} will provide USD {r.randrange(1, 90)}.{r.randrange(10)} million in "
            f"humanitarian aid to {b[0]} to address {topic}.",
            f"{pa} welcomed the adoption of Security Council resolution {r.randrange(600, 2750)} "
            f"and urged {b[0]} to implement it in full.",
            f"On the occasion of the {r.randrange(2, 60)}th anniversary of diplomatic relations "
            f"between {a[0]} and {b[0]}, the {b[1]} side expressed readiness to deepen {topic}.",
            f"The {a[1]} delegation, led by {self.pick(TITLES)} {pa}, will visit {b[2]} from "
            f"{d.day} to {min(d.day + r.randrange(1, 4), 28)} {MONTHS[d.month - 1]}.",
            f"{pb} rejected the accusations and said that {b[0]} remains committed to the "
            f"{self.pick(AGREEMENTS)}.",
            f"The parties noted the {r.randrange(2, 9)}-day working visit and stressed the "
            f"importance of {topic2} for the region.",
        ]
        n = r.randrange(1, 4)
        return " ".join(self.pick(options) for _ in range(n))

    def document(self, doc_id):
        r = self.r
        a, b = self.country(), self.country()
        while b == a:
            b = self.country()
        d = self.date()
        kind = self.pick(["talks", "call", "statement", "signing", "aid", "visit"])
        title = {
            "talks": f"{self.person()} holds talks with {b[1]} counterpart",
            "call": f"Telephone conversation between the foreign ministers of {a[0]} and {b[0]}",
            "statement": f"Statement of the Ministry of Foreign Affairs of {a[0]}",
            "signing": f"{a[0]} and {b[0]} sign {self.pick(AGREEMENTS)}",
            "aid": f"Emergency assistance to {b[0]}",
            "visit": f"Official visit of the {a[1]} delegation to {b[2]}",
        }[kind]
        paras = [self.paragraph(a, b, d) for _ in range(r.randrange(2, 8))]
        text = f"{a[2].upper()}, {d.day} {MONTHS[d.month - 1]} {d.year} \u2014 " + "\n\n".join(paras)
        doc = {"id": doc_id, "text": text}
        if r.random() < 0.8:
            doc["title"] = title
        if r.random() < 0.7:
            doc["date"] = d.isoformat()
        if r.random() < 0.3:
            doc["lang"] = "en"
        if r.random() < 0.3:
            doc["institution"] = self.pick(INSTITUTIONS)
        if r.random() < 0.1:
            doc["source"] = f"https://mfa.example/{d.year}/{doc_id}"
        return doc


def broken_line(g, n, max_bytes):
    """One deliberately broken line: (bytes, expected id or None, kind)."""
    bad_id = f"bad-{n:05d}"
    kinds = ["truncated", "single-quotes", "no-text", "text-not-string", "non-object",
             "garbage", "blank", "spaces", "nul", "numeric-id-truncated", "overlong"]
    kind = kinds[n % len(kinds)]
    if kind == "truncated":
        whole = json.dumps({"id": bad_id, "text": g.paragraph(g.country(), g.country(), g.date())})
        return whole[: len(whole) // 2].encode(), bad_id, kind
    if kind == "single-quotes":
        return b"{'id': 'x', 'text': 'single quotes are not JSON'}", None, kind
    if kind == "no-text":
        return json.dumps({"id": bad_id, "title": "A title and no text"}).encode(), bad_id, kind
    if kind == "text-not-string":
        return json.dumps({"id": bad_id, "text": 42}).encode(), bad_id, kind
    if kind == "non-object":
        return g.pick([b'["a", "list"]', b"42", b'"a string"', b"null", b"true"]), None, kind
    if kind == "garbage":
        return g.pick([b"<html><body>Press release</body></html>", b"Lorem ipsum dolor",
                       b"}{", b"id,text"]), None, kind
    if kind == "blank":
        return b"", None, kind
    if kind == "spaces":
        return b"   ", None, kind
    if kind == "nul":
        return json.dumps({"id": bad_id, "text": "binary\u0000junk"}).encode(), bad_id, kind
    if kind == "numeric-id-truncated":
        num = str(900000 + n)
        return f'{{"id": {num}, "text": "cut off'.encode(), num, kind
    text = " ".join(g.paragraph(g.country(), g.country(), g.date()) for _ in range(400))
    line = json.dumps({"id": bad_id, "text": text}).encode()
    assert len(line) > max_bytes
    return line, bad_id, kind


def generate(path, docs=20000, seed=7, broken_every=50, max_bytes=32768):
    """Writes the corpus; returns one dict per line: id (None where the
    record's id is derived from the line number), kind, latin1 (the line
    holds invalid UTF-8)."""
    g = Gen(seed)
    manifest = []
    with open(path, "wb") as out:
        n_broken = 0
        for i in range(docs):
            doc_id = f"d{i:06d}" if i % 97 else 1_000_000 + i
            doc = g.document(doc_id)
            kind, end, latin1 = "doc", b"\n", False
            line = json.dumps(doc, ensure_ascii=g.r.random() < 0.5).encode()
            if i % 401 == 5:
                # A Latin-1 byte in the text: invalid UTF-8.
                line = line.replace(b"The ", b"The caf\xe9 ", 1)
                kind, latin1 = "latin1", b"\xe9" in line
            elif i % 409 == 7:
                kind, end = "crlf", b"\r\n"
            last = i == docs - 1
            if last:
                kind, end = "no-final-newline", b""
            out.write(line + end)
            manifest.append({"id": str(doc_id), "kind": kind, "latin1": latin1})
            if i % broken_every == broken_every - 1 and not last:
                line, bid, bkind = broken_line(g, n_broken, max_bytes)
                n_broken += 1
                out.write(line + b"\n")
                manifest.append({"id": bid, "kind": bkind, "latin1": False})
    return manifest


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--max-bytes", type=int, default=32768)
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args()
    m = generate(a.output, a.docs, a.seed, max_bytes=a.max_bytes)
    print(f"{len(m)} lines, {sum(x['kind'] in ('doc', 'latin1', 'crlf', 'no-final-newline') for x in m)} documents")


if __name__ == "__main__":
    main()
