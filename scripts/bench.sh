#!/usr/bin/env bash
# Benchmark of the main job: one dated map, SVG + PNG at 1600×1200, the whole process, release build.
# Usage: scripts/bench.sh [runs]   (uses hyperfine when installed: apt-get install hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
runs=${1:-30}
swift build -c release --static-swift-stdlib --product mapgen >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cmd=".build/release/mapgen --date 2020-02-08 --out $out"
if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 3 --runs "$runs" "$cmd"
else
    $cmd >/dev/null; $cmd >/dev/null
    start=$(date +%s%N)
    for _ in $(seq "$runs"); do $cmd >/dev/null; done
    echo "mean: $(( ($(date +%s%N) - start) / runs / 1000000 )) ms over $runs runs"
fi
echo "stages of one run (MAPGEN_TIMING=1):"
MAPGEN_TIMING=1 $cmd 2>&1 >/dev/null | grep -E '^ {1,4}[0-9.]+ ms  [a-z]'
