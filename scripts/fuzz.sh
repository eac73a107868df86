#!/usr/bin/env bash
# Runs the cargo-fuzz targets in fuzz/ (nightly and `cargo install cargo-fuzz`
# needed), each for SECONDS (default 1800), at the lowest CPU priority, with
# corpora seeded from fixtures/. Found crashes land in fuzz/artifacts/TARGET/.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     # targets: pipeline jsonl html dates
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-1800}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(pipeline jsonl html dates)

seed() {
    local dir=fuzz/corpus/$1
    mkdir -p "$dir"
    case $1 in
        pipeline) cp fixtures/press/* "$dir"/ ;;
        html) cp fixtures/press/*.html "$dir"/ ;;
        jsonl)
            cp fixtures/jsonl/press.jsonl "$dir"/
            split -l 1 -d fixtures/jsonl/press.jsonl "$dir"/line- ;;
        dates)
            # The first byte picks the document date; the rest is the text.
            for f in fixtures/press/*.txt; do cp "$f" "$dir"/; done
            printf 'Afrom 23 to 25 May 2023, yesterday, last week' > "$dir"/range
            printf 'BYerevan, 13 September 2024, 14:20\n\nThey met yesterday.' > "$dir"/dateline
            printf 'C10-12 May, 24.05.2023, 05/24/2023, mid-2022, 1997/98, at 10:00 a.m.' > "$dir"/forms ;;
    esac
}

cargo +nightly fuzz build -s none -a
for t in "${targets[@]}"; do
    seed "$t"
    dict=()
    [ "$t" = dates ] && dict=(-dict=fuzz/dates.dict)
    echo "== $t: $seconds s"
    nice -n 19 cargo +nightly fuzz run -s none -a "$t" "fuzz/corpus/$t" -- \
        -max_total_time="$seconds" -max_len=65536 -timeout=30 -rss_limit_mb=4096 \
        -print_final_stats=1 "${dict[@]}" 2>&1 | tee "fuzz/$t.log" | grep -E '^#|DONE|ERROR|panicked|stat::' | tail -5
done
