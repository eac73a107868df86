#!/usr/bin/env bash
# Start-up cost of one `attache extract --filter` process, which a Spark task
# pays once per partition: the median wall time of RUNS whole runs on a
# one-line input with an empty environment, with the embedded tagger and
# without it (--model none), to show the model's share.
#
#   scripts/startup-time.sh [BINARY] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-${CARGO_TARGET_DIR:-target}/release/attache}
runs=${2:-20}
[ -x "$bin" ] || cargo build --release --bin attache

measure() {
    local times=() s e
    for _ in $(seq "$runs"); do
        s=$(date +%s%N)
        echo '{"id":"x","text":""}' | env -i "$bin" extract --filter "$@" >/dev/null
        e=$(date +%s%N)
        times+=($(((e - s) / 1000)))
    done
    printf '%s\n' "${times[@]}" | sort -n |
        awk '{a[NR] = $1} END {printf "median %.1f ms, min %.1f ms", a[int((NR + 1) / 2)] / 1000, a[1] / 1000}'
}
echo "start-up, $runs runs each: $(measure) (embedded tagger); $(measure --model none) (--model none)"
