"""attache under a real Spark job: the check behind scripts/spark-check.sh.

Runs in a pyspark venv (local[2]). It generates a corpus (corpus.py), runs
`attache extract --filter` over it once as a single process and then under
Spark, through Spark SQL's TRANSFORM and through PySpark's rdd.pipe, each
over at least 8 partitions, and checks for both:

- line count in = out, per partition and in all;
- every input id exactly once, in input order within each partition;
- every record valid against schema/records.schema.json (all of them with
  the `validate_records` example, a sample again with Python's jsonschema);
- every record identical to the single-process run's record for the same
  line, once line numbers are made relative to the partition (a filter
  numbers the lines it sees; see relocate());
- a fatal filter error (an unloadable model) fails the Spark job, and with
  checkCode=False PySpark would have reported success with rows missing.

It prints start-up time and throughput (lines/s) single-process and under
Spark, and writes summary.json to the work directory. Spark's own logging
goes to stderr, which the shell wrapper keeps in a log file.
"""

import argparse
import collections
import copy
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402

FAILURES = []


def check(ok, what):
    print(f"  [{'ok' if ok else 'FAIL'}] {what}", flush=True)
    if not ok:
        FAILURES.append(what)
    return ok


def startup_ms(runs=20):
    """Median wall time of a whole `attache extract --filter` process on a
    one-line input, with an empty environment."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(["./attache", "extract", "--filter"], input=b'{"id":"x","text":""}\n',
                       env={}, stdout=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), min(times)


def spark_view(raw_lines):
    """The lines as Spark's text readers deliver them: invalid UTF-8 is
    already replaced with U+FFFD (and a CRLF end is stripped)."""
    return [line.decode("utf-8", "replace") for line in raw_lines]


def raw_lines_of(path):
    data = open(path, "rb").read()
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return [line[:-1] if line.endswith(b"\r") else line for line in lines]


def relocate(record, g, j):
    """The single-process record of global line g (1-based) as a filter
    that saw it as its line j produces it: doc.line, a `-:N` source, a
    `stdin-N` derived id and the `line N` of an error message follow the
    line number; nothing else may differ."""
    r = copy.deepcopy(record)
    doc = r["doc"]
    if doc.get("line") == g:
        doc["line"] = j
    if doc.get("source") == f"-:{g}":
        doc["source"] = f"-:{j}"
    if doc.get("id") == f"stdin-{g}":
        doc["id"] = f"stdin-{j}"
    if "error" in r:
        r["error"]["message"] = re.sub(rf"^line {g}\b", f"line {j}", r["error"]["message"])
    return r


def drop_utf8_warning(record):
    r = copy.deepcopy(record)
    r["doc"]["warnings"] = [w for w in r["doc"].get("warnings", [])
                            if not w.startswith("invalid UTF-8")]
    return r


def part_files(out_dir, pattern):
    """{partition index: [output lines]} from a Spark output directory."""
    parts = {}
    for path in glob.glob(os.path.join(out_dir, "part-*")):
        m = re.match(pattern, os.path.basename(path))
        if not m:
            continue
        with open(path, encoding="utf-8") as f:
            parts[int(m.group(1))] = f.read().splitlines()
    return parts


def verify(name, n_parts, inputs, outputs, view, reference, manifest, validator, schema_path,
           out_files, py_validator):
    """inputs: list (by partition) of input lines; outputs: {partition: lines}."""
    print(f"{name}: verifying", flush=True)
    check(n_parts >= 8, f"{name}: {n_parts} partitions (at least 8)")
    flat = [line for part in inputs for line in part]
    check(flat == view, f"{name}: partitions hold the corpus lines in order ({len(flat)} lines)")
    total_out = sum(len(v) for v in outputs.values())
    counts_ok = all(len(outputs.get(p, [])) == len(lines) for p, lines in enumerate(inputs))
    check(counts_ok and total_out == len(view),
          f"{name}: lines in = out in every partition ({len(view)} in, {total_out} out)")
    seen = collections.Counter()
    mismatches, order_ok, derived_ok = [], True, True
    g = 0
    for p, lines in enumerate(inputs):
        outs = outputs.get(p, [])
        for j in range(len(lines)):
            if j >= len(outs):
                break
            rec = json.loads(outs[j])
            want_id = manifest[g + j]["id"]
            got_id = rec["doc"]["id"]
            if want_id is None:
                derived_ok &= got_id == f"stdin-{j + 1}"
            else:
                seen[got_id] += 1
                order_ok &= got_id == want_id
            expected = relocate(reference[g + j], g + j + 1, j + 1)
            if manifest[g + j]["latin1"]:
                expected = drop_utf8_warning(expected)
            if rec != expected and len(mismatches) < 3:
                mismatches.append((p, j + 1, g + j + 1, rec, expected))
            elif rec != expected:
                mismatches.append(None)
        g += len(lines)
    want_ids = collections.Counter(m["id"] for m in manifest if m["id"] is not None)
    check(seen == want_ids and all(c == 1 for c in seen.values()),
          f"{name}: every input id exactly once ({len(want_ids)} ids)")
    check(order_ok, f"{name}: ids in input order within every partition")
    check(derived_ok, f"{name}: id-less broken lines get stdin-<line in partition>")
    check(not mismatches,
          f"{name}: every record identical to the single-process record of its line "
          f"({len(mismatches)} differ)")
    for m in mismatches[:3]:
        if m:
            p, j, gl, rec, exp = m
            print(f"    partition {p} line {j} (corpus line {gl}):\n      got  {json.dumps(rec)[:400]}"
                  f"\n      want {json.dumps(exp)[:400]}")
    res = subprocess.run([validator, schema_path, *out_files], capture_output=True, text=True)
    check(res.returncode == 0 and res.stdout.strip() == f"{len(view)} records valid",
          f"{name}: JSON Schema, every record: {res.stdout.strip() or res.stderr.strip()[:400]}")
    sample = [json.loads(outs[k]) for outs in outputs.values() for k in range(0, len(outs), 97)]
    bad = sum(1 for rec in sample if not py_validator.is_valid(rec))
    check(bad == 0, f"{name}: JSON Schema again with Python jsonschema on {len(sample)} records "
                    f"({bad} invalid)")


def error_line(exc):
    """The first line of a Spark failure that names the cause."""
    text = str(exc)
    for pat in (r"\[PIPE_FUNCTION_EXITED\][^\n]*", r"Subprocess exited with status[^\n]*"):
        m = re.search(pat, text)
        if m:
            return m.group(0).strip()
    return text.strip().splitlines()[0][:300]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--attache", required=True, help="the release binary")
    ap.add_argument("--validator", required=True, help="the validate_records example")
    ap.add_argument("--schema", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--partitions", type=int, default=10)
    ap.add_argument("--max-bytes", type=int, default=32768)
    a = ap.parse_args()
    # Paths are made absolute before the chdir below: a relative one (the
    # default target/... when CARGO_TARGET_DIR is unset) would not resolve.
    attache = os.path.abspath(a.attache)
    validator = os.path.abspath(a.validator)
    schema_path = os.path.abspath(a.schema)
    os.makedirs(a.workdir, exist_ok=True)
    # The binary is shipped as spark-submit --files would ship it
    # (spark.files). TRANSFORM runs its command in the directory of shipped
    # files; PySpark's pipe, in local mode, runs it in the driver's working
    # directory (on a cluster both are the executor's directory, where
    # --files puts the binary), so a copy sits there too.
    os.chdir(a.workdir)
    shutil.copy2(attache, "attache")
    started = time.time()
    figures = {}

    print("corpus: generating", flush=True)
    manifest = corpus.generate("corpus.jsonl", a.docs, a.seed, max_bytes=a.max_bytes)
    raw = raw_lines_of("corpus.jsonl")
    view = spark_view(raw)
    kinds = collections.Counter(m["kind"] for m in manifest)
    print(f"corpus: {len(manifest)} lines, {a.docs} documents, "
          f"{os.path.getsize('corpus.jsonl') / 1e6:.1f} MB; line kinds {dict(kinds)}")
    check(len(raw) == len(manifest), "corpus: the manifest describes every line")
    figures.update(lines=len(manifest), documents=a.docs,
                   corpus_mb=round(os.path.getsize("corpus.jsonl") / 1e6, 1))

    med, low = startup_ms()
    print(f"start-up: {med:.1f} ms median, {low:.1f} ms min (20 runs of a one-line input, "
          f"empty environment)")
    check(med <= 100, "start-up at most 100 ms")
    figures["startup_ms_median"] = round(med, 1)

    cmd = f"./attache extract --filter -j 1 --max-bytes {a.max_bytes}"
    print("single process: ./attache extract --filter (all cores) < corpus.jsonl", flush=True)
    t = time.time()
    with open("corpus.jsonl", "rb") as fin, open("single.jsonl", "wb") as fout:
        res = subprocess.run(["./attache", "extract", "--filter", "--max-bytes", str(a.max_bytes)],
                             stdin=fin, stdout=fout, stderr=subprocess.PIPE, env={})
    single_s = time.time() - t
    reference = [json.loads(line) for line in open("single.jsonl", encoding="utf-8")]
    check(res.returncode == 0, f"single process: exit code {res.returncode} "
                               f"(bad documents are error records, not failures)")
    check(len(reference) == len(manifest), f"single process: {len(reference)} lines out")
    figures["single_process_s"] = round(single_s, 1)
    figures["single_process_lines_per_s"] = round(len(manifest) / single_s)
    print(f"single process: {single_s:.1f} s, {len(manifest) / single_s:.0f} lines/s")
    errors = collections.Counter(r["error"]["kind"] for r in reference if "error" in r)
    print(f"single process: error records {dict(errors)}")

    import jsonschema
    from pyspark.sql import SparkSession, functions as F
    py_validator = jsonschema.Draft202012Validator(json.load(open(schema_path)))

    def verify_mode(name, key, secs, n_parts, inputs, out_dir, part_pattern):
        """Checks one mode's output directory and records its figures."""
        outputs = part_files(out_dir, part_pattern)
        verify(name, n_parts, inputs, outputs, view, reference, manifest, validator,
               schema_path, sorted(glob.glob(os.path.join(out_dir, "part-*"))), py_validator)
        figures[f"{key}_s"] = round(secs, 1)
        figures[f"{key}_lines_per_s"] = round(len(manifest) / secs)
        figures[f"{key}_partitions"] = n_parts
    t = time.time()
    size = os.path.getsize("corpus.jsonl")
    spark = (SparkSession.builder.master("local[2]").appName("attache-spark-check")
             .config("spark.ui.enabled", "false")
             .config("spark.driver.memory", "2g")
             .config("spark.files", os.path.abspath("attache"))
             .config("spark.sql.files.maxPartitionBytes", str(size // a.partitions + 1))
             .getOrCreate())
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    print(f"spark {spark.version}: session up in {time.time() - t:.1f} s (local[2])", flush=True)
    corpus_path = os.path.abspath("corpus.jsonl")

    # 1. Spark SQL: SELECT TRANSFORM over spark.read.text (no Python workers).
    df = spark.read.text(corpus_path)
    df.createOrReplaceTempView("corpus")
    n_parts = df.rdd.getNumPartitions()
    print(f"TRANSFORM: {n_parts} partitions; SELECT TRANSFORM(value) USING '{cmd}'", flush=True)
    t = time.time()
    (spark.sql(f"SELECT TRANSFORM(value) USING '{cmd}' AS (json STRING) FROM corpus")
     .write.mode("overwrite").text("out-transform"))
    transform_s = time.time() - t
    print(f"TRANSFORM: {transform_s:.1f} s, {len(manifest) / transform_s:.0f} lines/s")
    rows = df.select(F.spark_partition_id().alias("p"), "value").collect()
    inputs = [[] for _ in range(n_parts)]
    for row in rows:
        inputs[row.p].append(row.value)
    verify_mode("TRANSFORM", "transform", transform_s, n_parts, inputs, "out-transform",
                r"part-(\d+)-.*\.txt$")

    # Reading the records back with from_json, as the README shows.
    ddl = ("doc STRUCT<id: STRING, line: BIGINT, date: STRING>, "
           "error STRUCT<kind: STRING, message: STRING>, "
           "events ARRAY<STRUCT<type: STRING, cameo: STRING, status: STRING>>")
    recs = (spark.read.text("out-transform")
            .select(F.from_json("value", ddl).alias("r")).select("r.*"))
    kinds_back = {r["kind"]: r["count"] for r in
                  recs.where("error IS NOT NULL").groupBy("error.kind").count().collect()}
    n_events = recs.select(F.sum(F.size("events"))).first()[0]
    check(kinds_back == dict(errors) and recs.count() == len(manifest),
          f"from_json: {len(manifest)} rows read back, error kinds {kinds_back}, "
          f"{n_events} events")

    # 2. PySpark: rdd.pipe with an explicit environment and checkCode=True.
    rdd = sc.textFile(corpus_path, minPartitions=a.partitions)
    n_parts = rdd.getNumPartitions()
    print(f"rdd.pipe: {n_parts} partitions; rdd.pipe('{cmd}', env={{}}, checkCode=True)",
          flush=True)
    t = time.time()
    rdd.pipe(cmd, env={}, checkCode=True).saveAsTextFile("out-pipe")
    pipe_s = time.time() - t
    print(f"rdd.pipe: {pipe_s:.1f} s, {len(manifest) / pipe_s:.0f} lines/s")
    inputs = rdd.glom().collect()
    verify_mode("rdd.pipe", "pipe", pipe_s, n_parts, inputs, "out-pipe", r"part-(\d+)$")

    # 3. A fatal filter error (the model cannot be loaded: exit code 2).
    bad = f"./attache extract --filter -j 1 --model /nonexistent/model.bin"
    print(f"fatal error: '{bad}'", flush=True)
    try:
        n = rdd.pipe(bad, env={}, checkCode=True).count()
        check(False, f"rdd.pipe checkCode=True: the job succeeded with {n} rows")
    except Exception as e:  # noqa: BLE001 (Py4J or PySpark error)
        figures["fatal_pipe"] = error_line(e)
        check("exited with error code 2" in str(e),
              f"rdd.pipe checkCode=True: the job fails: {error_line(e)}")
    n = rdd.pipe(bad, env={}).count()
    figures["fatal_pipe_without_checkcode_rows"] = n
    check(n < len(manifest),
          f"rdd.pipe without checkCode: the job 'succeeds' with {n} of {len(manifest)} rows "
          f"(why checkCode=True matters)")
    try:
        n = spark.sql(f"SELECT TRANSFORM(value) USING '{bad}' AS (json STRING) FROM corpus").count()
        check(False, f"TRANSFORM: the job succeeded with {n} rows")
    except Exception as e:  # noqa: BLE001
        figures["fatal_transform"] = error_line(e)
        # Spark quotes the stderr it has collected when it sees the exit
        # status (attache writes it before draining stdin, so it is there in
        # practice); the executor log has it in any case.
        quoted = "loading the NER model" in str(e)
        check("Subprocess exited with status 2" in str(e),
              f"TRANSFORM: the job fails: {error_line(e)}"
              + ("" if quoted else " (stderr not yet collected; see spark.log)"))
    spark.stop()

    figures["check_s"] = round(time.time() - started, 1)
    figures["failures"] = FAILURES
    with open("summary.json", "w") as f:
        json.dump(figures, f, indent=1)
    print(f"\nsummary ({os.path.abspath('summary.json')}):")
    print(f"  corpus               {figures['lines']} lines ({a.docs} documents), "
          f"{figures['corpus_mb']} MB")
    print(f"  start-up             {figures['startup_ms_median']} ms (median)")
    print(f"  single process       {figures['single_process_lines_per_s']} lines/s "
          f"({figures['single_process_s']} s, all cores)")
    print(f"  Spark TRANSFORM      {figures['transform_lines_per_s']} lines/s "
          f"({figures['transform_s']} s, {figures['transform_partitions']} partitions, local[2])")
    print(f"  Spark rdd.pipe       {figures['pipe_lines_per_s']} lines/s "
          f"({figures['pipe_s']} s, {figures['pipe_partitions']} partitions, local[2])")
    print(f"  check (python part)  {figures['check_s']} s")
    if FAILURES:
        print(f"\n{len(FAILURES)} check(s) failed:")
        for f_ in FAILURES:
            print(f"  - {f_}")
        sys.exit(1)
    print("\nall Spark checks passed")


if __name__ == "__main__":
    main()
