#!/usr/bin/env bash
# One map's cost on large histories: the shipped reports ×100 (7,100 events, 222,900 control rows)
# and 100,000 events. For each: the text-only path (MAPGEN_NO_STORE=1, how every run worked before
# the report store), the first run (parses and builds .mapgen-cache/reports.sqlite) and warm runs.
# Prints wall time and peak memory (max RSS) of the whole process.
#   scripts/bench_scale.sh [WORK_DIR]   (default /tmp/mapgen-scale; needs ~600 MB there)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/mapgen-scale}
date=2020-02-08
export PATH=$PATH:/opt/swift/usr/bin

swift build -c release --static-swift-stdlib >/dev/null
bin=$PWD/.build/release/mapgen

measure() {   # label, then the command; one line: label, wall s, CPU s (user + system), max RSS MB
    local label=$1; shift
    /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }
    read -r wall rss user sys <"$work/time.txt"
    printf '%-34s %7.2f s wall  %6.2f s CPU  %5d MB peak\n' "$label" "$wall" "$(awk "BEGIN { print $user + $sys }")" $((rss / 1024))
}

mkdir -p "$work"
for set in x100 e100k; do
    dir=$work/$set
    rm -rf "$dir"
    if [ $set = x100 ]; then python3 scripts/gen_scaled_reports.py . "$dir" --factor 100
    else python3 scripts/gen_scaled_reports.py . "$dir" --events 100000; fi
    map=("$bin" --date $date --data "$dir" --out "$work/out")
    MAPGEN_NO_STORE=1 measure "$set text only (before)" "${map[@]}"
    measure "$set first run (builds store)" "${map[@]}"
    for i in 1 2 3; do measure "$set warm run $i" "${map[@]}"; done
    echo "$set store: $(du -h "$dir/.mapgen-cache/reports.sqlite" | cut -f1)"
done
