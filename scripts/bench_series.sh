#!/usr/bin/env bash
# Benchmark of a timeline: `mapgen series` over 2020-01-05 … 2020-03-05 (61 maps, SVG + PNG at
# 1600×1200, contact sheet), the whole process, release build; then one `map` for comparison.
# Usage: scripts/bench_series.sh [runs]   (hyperfine when installed: apt-get install hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
runs=${1:-5}
swift build -c release --static-swift-stdlib --product mapgen >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
series=".build/release/mapgen series --from 2020-01-05 --to 2020-03-05 --out $out"
single=".build/release/mapgen map --date 2020-02-08 --out $out"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (the figures move with what else runs)"
if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 1 --runs "$runs" --output=null "$series" "$single"
else
    for cmd in "$series" "$single"; do
        $cmd >/dev/null 2>&1
        start=$(date +%s%N)
        for _ in $(seq "$runs"); do $cmd >/dev/null 2>&1; done
        echo "$cmd: mean $(( ($(date +%s%N) - start) / runs / 1000000 )) ms over $runs runs"
    done
fi
echo "where a series' time goes (MAPGEN_TIMING=1, summed over the maps; CPU time on 2 threads):"
MAPGEN_TIMING=1 $series 2>&1 >/dev/null | awk '/ ms /{ms=$1; $1=""; $2=""; sum[$0]+=ms; n[$0]++}
    END {for (k in sum) printf "%9.0f ms %4d×  %s\n", sum[k], n[k], k}' | sort -rn | head -14
