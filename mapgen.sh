#!/usr/bin/env bash
# Sets up (system packages, release build) and runs mapgen with the given arguments:
#   ./mapgen.sh --date 2020-02-08
set -euo pipefail
cd "$(dirname "$0")"
export PATH="$PATH:/opt/swift/usr/bin"
scripts/setup.sh
mkdir -p .build
[ -x .build/release/mapgen ] || echo "mapgen.sh: building mapgen (release; the first build takes a few minutes)…" >&2
if ! swift build -c release --static-swift-stdlib --product mapgen >.build/mapgen-build.log 2>&1; then
    grep -E 'error' .build/mapgen-build.log >&2 || tail -20 .build/mapgen-build.log >&2
    echo "mapgen.sh: the release build failed; full log in .build/mapgen-build.log" >&2
    exit 1
fi
exec .build/release/mapgen "$@"
