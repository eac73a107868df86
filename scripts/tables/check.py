"""Reads attache's tables back with DuckDB and pyarrow and opens its pages in
headless Chromium; exits 1 with the failures listed. See scripts/tables-check.sh."""

import argparse
import filecmp
import json
import os
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

TABLES = ["documents", "entities", "actors", "events", "dates", "agreements", "agreement_parties"]
FAILURES = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILURES.append(what)


def run(*cmd):
    subprocess.run([str(c) for c in cmd], check=True, stdout=subprocess.DEVNULL)


def expected_counts(records):
    """Rows each table must have, counted from the JSONL records."""
    ok = [r for r in records if "error" not in r]
    return {
        "documents": len(records),
        "entities": sum(len(r["entities"]) for r in ok),
        "actors": sum(len(r["actors"]) for r in ok),
        "events": sum(len(r["events"]) for r in ok),
        "dates": sum(len(r["dates"]) for r in ok),
        "agreements": sum(len(r["agreements"]) for r in ok),
        "agreement_parties": sum(len(g["parties"]) + (g["issuer"] is not None)
                                 for r in ok for g in r["agreements"]),
    }


def check_tables(pqdir, csvdir, records):
    want = expected_counts(records)
    con = duckdb.connect()
    for t in TABLES:
        n_arrow = pq.read_table(pqdir / f"{t}.parquet").num_rows
        n_duck = con.execute(f"select count(*) from '{pqdir}/{t}.parquet'").fetchone()[0]
        n_csv = con.execute(f"select count(*) from read_csv('{csvdir}/{t}.csv', header=true, all_varchar=true)").fetchone()[0]
        check(n_arrow == n_duck == n_csv == want[t],
              f"{t}: {want[t]} rows in the records; pyarrow {n_arrow}, duckdb {n_duck}, csv {n_csv}")
        con.execute(f"create view {t} as select * from '{pqdir}/{t}.parquet'")
        con.execute(f"create view csv_{t} as select * from read_csv('{csvdir}/{t}.csv', header=true, all_varchar=true)")
    keys = {"documents": "doc_id", "entities": "doc_id, entity_id", "actors": "doc_id, actor_id",
            "events": "doc_id, event_id", "dates": "doc_id, date_id", "agreements": "doc_id, agreement_id"}
    for t, k in keys.items():
        dup = con.execute(f"select count(*) from (select {k} from {t} group by {k} having count(*) > 1)").fetchone()[0]
        check(dup == 0, f"{t}: ({k}) is a key")
    joins = [
        ("events", "source_id", "actors", "actor_id"), ("events", "target_id", "actors", "actor_id"),
        ("events", "date_id", "dates", "date_id"), ("entities", "actor_id", "actors", "actor_id"),
        ("entities", "parent_id", "entities", "entity_id"), ("actors", "affiliation_id", "actors", "actor_id"),
        ("agreement_parties", "actor_id", "actors", "actor_id"), ("agreements", "issuer_id", "actors", "actor_id"),
    ]
    for t, col, u, ucol in joins:
        orphans = con.execute(f"select count(*) from {t} a where a.{col} is not null and not exists "
                          f"(select 1 from {u} b where b.doc_id = a.doc_id and b.{ucol} = a.{col})").fetchone()[0]
        check(orphans == 0, f"{t}.{col} joins {u}.{ucol} with no orphans")
    for t in TABLES:
        orphans = con.execute(f"select count(*) from {t} a where not exists "
                          f"(select 1 from documents d where d.doc_id = a.doc_id)").fetchone()[0]
        check(orphans == 0, f"{t}.doc_id joins documents")
    # Parquet and CSV hold the same values (CSV read as text; nulls are empty fields).
    cols = "doc_id, event_id, type, status, source_key, target_key, event_date, date_provenance, sentence_text, cast(start as varchar)"
    diff = con.execute(f"select count(*) from (select {cols} from events except select {cols} from csv_events)").fetchone()[0]
    check(diff == 0, "events.parquet and events.csv hold the same rows")
    # Values against the records: the keys and the sentence evidence.
    by_doc = {r["doc"]["id"]: r for r in records if "error" not in r}
    rows = con.execute("select doc_id, event_id, source_key, trigger, sentence_text, event_date, date_provenance from events").fetchall()
    bad = 0
    for doc_id, ev_id, source_key, trigger, sentence, date, prov in rows:
        r = by_doc[doc_id]
        ev = next(e for e in r["events"] if e["id"] == ev_id)
        src = next(a for a in r["actors"] if a["id"] == ev["source"])
        text = r["doc"].get("text")
        ok = (src["key"] == source_key and trigger in sentence and date == ev["date_value"]
              and prov == ev["date_provenance"] and (text is None or text[ev["start"]:ev["end"]] == trigger))
        bad += not ok
    check(bad == 0, f"{len(rows)} event rows agree with their records (keys, trigger in evidence, dates)")
    no_date = con.execute("select count(*) from events where event_date is null and doc_id in "
                      "(select doc_id from documents where doc_date is not null)").fetchone()[0]
    check(no_date == 0, "every event of a dated document has an event_date")


class Dom(HTMLParser):
    """Counts what the checks need in a dumped DOM."""

    def __init__(self):
        super().__init__()
        self.ents, self.events, self.hl, self.rows = set(), 0, 0, 0
        self.info = None
        self._in_info = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        if tag == "span" and "ent" in cls:
            self.ents.add(a.get("data-ent"))
        if tag == "li" and "event" in cls:
            self.events += 1
        if tag == "mark" and "hl" in cls:
            self.hl += 1
        if tag == "tr" and "hidden" not in a and self._tbody:
            self.rows += 1
        if tag == "tbody":
            self._tbody = True
        self._in_info = a.get("id") == "info"

    _tbody = False

    def handle_data(self, data):
        if self._in_info:
            self.info = data
            self._in_info = False


def chromium(binary, url, *extra):
    profile = tempfile.mkdtemp(prefix="attache-chromium-")
    cmd = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync",
           f"--user-data-dir={profile}", *extra, url]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        sys.stderr.write(out.stderr[-2000:])
    return out.stdout


def check_pages(binary, html, records, work):
    pages = sorted((html / "docs").glob("*.html"))
    ok = [r for r in records if "error" not in r]
    check(len(pages) == len(ok), f"{len(ok)} records, {len(pages)} pages")
    for page, r in zip(pages, ok):
        hash_ = "#v1" if r["events"] else ""
        dom = Dom()
        dom.feed(chromium(binary, page.as_uri() + hash_, "--dump-dom"))
        check(len(dom.ents) == len(r["entities"]) and dom.events == len(r["events"])
              and (dom.hl > 0) == bool(r["events"]),
              f"{page.name}: {len(dom.ents)} highlighted mentions of {len(r['entities'])}, "
              f"{dom.events} events listed of {len(r['events'])}, v1 highlighted: {dom.hl > 0}")
    dom = Dom()
    dom.feed(chromium(binary, (html / "index.html").as_uri(), "--dump-dom"))
    want = f"{len(records)} of {len(records)} documents, page 1 of 1"
    check(dom.info == want, f"index script ran: {dom.info!r} (want {want!r})")
    busiest = max(range(len(ok)), key=lambda k: len(ok[k]["events"]))
    shot = work / "page.png"
    chromium(binary, pages[busiest].as_uri() + "#v1", "--window-size=1300,1100", f"--screenshot={shot}")
    check(shot.is_file() and shot.stat().st_size > 10000, f"screenshot {shot}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--attache", required=True)
    ap.add_argument("--chromium", required=True)
    ap.add_argument("--workdir", required=True, type=Path)
    ap.add_argument("inputs", nargs="+")
    a = ap.parse_args()
    w = a.workdir
    jsonl = w / "records.jsonl"
    run(a.attache, "extract", "-q", "--include-text", "-o", jsonl, *a.inputs)
    records = [json.loads(line) for line in jsonl.open(encoding="utf-8") if line.strip()]
    run(a.attache, "tables", "-q", jsonl, "-o", w / "parquet")
    run(a.attache, "tables", "-q", jsonl, "-o", w / "csv", "--format", "csv")
    check_tables(w / "parquet", w / "csv", records)
    # The same files from extract --tables, whatever -j.
    for jobs in ("1", "3"):
        run(a.attache, "extract", "-q", "--include-text", "-j", jobs, "--tables", w / f"j{jobs}", *a.inputs)
        same = all(filecmp.cmp(w / "parquet" / f"{t}.parquet", w / f"j{jobs}" / f"{t}.parquet", shallow=False)
                   for t in TABLES)
        check(same, f"extract --tables -j {jobs} writes the same files as tables")
    run(a.attache, "render", "-q", jsonl, "-o", w / "html")
    check_pages(a.chromium, w / "html", records, w)
    if FAILURES:
        print(f"tables-check: {len(FAILURES)} check(s) FAILED")
        sys.exit(1)


if __name__ == "__main__":
    main()
