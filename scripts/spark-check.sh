#!/usr/bin/env bash
# attache as a Spark filter, checked with a real local Spark job (pyspark,
# local[2]): see README "Running on Spark". Run by .ci/run after cargo test.
#
# Needs: cargo, python3 (3.9+), PyPI, and Java 17+ (installed with apt as
# openjdk-17-jre-headless when absent). The venv (.venv-spark/) and the work
# directory (spark-check/ under cargo's target directory) are git-ignored
# and reused.
#
#   scripts/spark-check.sh [--docs N] [--partitions N] [--seed N]
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
venv=.venv-spark
. scripts/cargo-paths.sh
attache=$(cargo build --release --bin attache --message-format=json-render-diagnostics | executable_of spark-check)
validator=$(cargo build --example validate_records --message-format=json-render-diagnostics | executable_of spark-check)
target=$(target_directory)
work=$target/spark-check

java_major() {
    java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1
}
sudo=""
[ "$(id -u)" -ne 0 ] && sudo=sudo
apt_install() {
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@"
}
if ! command -v java >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ]; then
    echo "spark-check: installing openjdk-17-jre-headless with apt"
    apt_install openjdk-17-jre-headless
    JAVA_HOME=/usr/lib/jvm/java-17-openjdk-$(dpkg --print-architecture)
    export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
fi
if [ -z "${JAVA_HOME:-}" ]; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    export JAVA_HOME
fi

if ! "$venv/bin/python" -c 'import jsonschema, pyspark; assert pyspark.__version__ == "4.3.0"' \
        >/dev/null 2>&1; then
    echo "spark-check: installing pyspark 4.3.0 and jsonschema into $venv"
    python3 -m venv "$venv" || { apt_install python3-venv && python3 -m venv "$venv"; }
    "$venv/bin/pip" install -q --disable-pip-version-check "pyspark==4.3.0" jsonschema
fi

rm -rf "$work"
mkdir -p "$work"
# Spark's own log (and the Python workers' stderr) go to a file; the check's
# findings go to stdout.
if ! "$venv/bin/python" scripts/spark/check.py \
        --attache "$attache" \
        --validator "$validator" \
        --schema schema/records.schema.json \
        --workdir "$work" "$@" 2>"$work/spark.log"; then
    echo "spark-check: FAILED; the last lines of $work/spark.log:"
    tail -n 40 "$work/spark.log"
    exit 1
fi
echo "spark-check: passed in $(($(date +%s) - started)) s (build and setup included)"
