#!/usr/bin/env bash
# One map, mapgen against the geopandas + matplotlib pipeline of ../shared/bench, side by side in
# one hyperfine run (alternating), whole processes, release build; prints the ratio of medians.
# Setup once: python3 -m venv ~/.refenv && ~/.refenv/bin/pip install geopandas matplotlib pyproj shapely
# Usage: scripts/bench_reference.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
runs=${1:-10}
shared=${MAPGEN_SHARED:-../shared}
py=${REFENV:-$HOME/.refenv}/bin/python
[ -x "$py" ] || { echo "bench_reference: no reference environment at $py (see the header of this script)" >&2; exit 1; }
[ -f "$shared/bench/reference_map.py" ] || { echo "bench_reference: $shared/bench/reference_map.py not found (set MAPGEN_SHARED)" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "bench_reference: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
swift build -c release --static-swift-stdlib --product mapgen >/dev/null
a=$(mktemp -d) b=$(mktemp -d) json=$(mktemp)
trap 'rm -rf "$a" "$b" "$json"' EXIT
hyperfine -N -w 1 -r "$runs" --export-json "$json" \
    ".build/release/mapgen --date 2020-02-08 --out $a" \
    "$py $shared/bench/reference_map.py $shared/data $b 2020-02-08"
python3 - "$json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
m, ref = r[0], r[1]
print(f"median wall: mapgen {m['median']*1000:.0f} ms, reference {ref['median']*1000:.0f} ms -> {ref['median']/m['median']:.1f}x faster")
print(f"mean CPU (user+system): mapgen {(m['user']+m['system'])*1000:.0f} ms, reference {(ref['user']+ref['system'])*1000:.0f} ms -> {(ref['user']+ref['system'])/(m['user']+m['system']):.1f}x")
PY
