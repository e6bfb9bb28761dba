#!/usr/bin/env bash
# Times importing 100,000 ACLED-layout rows (invented by scripts/gen_acled_rows.py), release build,
# into a scratch data folder; then a re-import of the same file (idempotent: all unchanged), then
# the situation with them loaded (analyze) and a GeoPackage export of it.
# Usage: scripts/bench_acled.sh [rows]   Peak memory from /usr/bin/time -v (apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
rows=${1:-100000}
swift build -c release --static-swift-stdlib --product mapgen >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ln -s "$PWD/Gazetteer" "$PWD/Styles" "$work/"   # theatre.yaml names its style and event kinds in Styles/
cp -r Reports theatre.yaml "$work/"
rm -f "$work/Reports/acled.tsv"
python3 scripts/gen_acled_rows.py "$rows" > "$work/acled.csv"
measure() {
    local label=$1; shift
    /usr/bin/time -v "$@" 2> "$work/time.txt" >/dev/null
    printf '%-28s wall %8s   cpu %6.2f s   peak %6d MB\n' "$label" \
        "$(grep 'Elapsed (wall clock)' "$work/time.txt" | awk '{print $NF}')" \
        "$(awk -F': ' '/User time|System time/ {t += $2} END {print t}' "$work/time.txt")" \
        "$(( $(grep 'Maximum resident' "$work/time.txt" | awk '{print $NF}') / 1024 ))"
}
measure "import $rows rows" .build/release/mapgen import acled "$work/acled.csv" --data "$work"
measure "re-import (unchanged)" .build/release/mapgen import acled "$work/acled.csv" --data "$work"
measure "analyze 2020-02-15" .build/release/mapgen analyze --date 2020-02-15 --data "$work"
measure "export gpkg 2020-02-15" .build/release/mapgen export --date 2020-02-15 --window 29 --format gpkg \
    --out "$work/out.gpkg" --data "$work"
ogrinfo -so -al "$work/out.gpkg" | grep -E '^(Layer name|Feature Count)' | paste - - | grep -E 'events|event_areas|event_sources'
