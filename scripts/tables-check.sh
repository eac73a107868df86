#!/usr/bin/env bash
# attache's tables and pages checked with real clients: the Parquet and CSV
# tables read back with DuckDB and pyarrow (row counts, keys and joins
# against the JSONL records), and the rendered pages opened in headless
# Chromium (highlighted mentions, listed events, a screenshot). Run by
# .ci/run after the Spark check.
#
# Needs: cargo, python3 (3.9+), PyPI, and the Debian package chromium
# (installed with apt when absent). The venv (.venv-tables/) and the work
# directory (tables-check/ under cargo's target directory, screenshots
# included) are git-ignored and reused.
#
#   scripts/tables-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
venv=.venv-tables
. scripts/cargo-paths.sh
attache=$(cargo build --release --bin attache --message-format=json-render-diagnostics | executable_of tables-check)
target=$(target_directory)
work=$target/tables-check

sudo=""
[ "$(id -u)" -ne 0 ] && sudo=sudo
apt_install() {
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@"
}
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
    echo "tables-check: installing chromium with apt"
    apt_install chromium
    chromium=$(command -v chromium)
fi

if ! "$venv/bin/python" -c 'import duckdb, pyarrow' >/dev/null 2>&1; then
    echo "tables-check: installing duckdb and pyarrow into $venv"
    python3 -m venv "$venv" || { apt_install python3-venv && python3 -m venv "$venv"; }
    "$venv/bin/pip" install -q --disable-pip-version-check duckdb pyarrow
fi

rm -rf "$work"
mkdir -p "$work"
"$venv/bin/python" scripts/tables/check.py \
    --attache "$attache" --chromium "$chromium" --workdir "$work" \
    fixtures/press fixtures/jsonl/press.jsonl
echo "tables-check: passed in $(($(date +%s) - started)) s (build and setup included)"
