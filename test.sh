#!/usr/bin/env bash
# Sets up (system packages) and runs the whole test suite (XCTest), ending on one summary line.
set -euo pipefail
cd "$(dirname "$0")"
export PATH="$PATH:/opt/swift/usr/bin"
scripts/setup.sh
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
swift test --disable-swift-testing "$@" 2>&1 | tee "$log" || status=$?
# XCTest's closing line: "Executed N tests, with [K tests skipped and] M failures …".
summary=$(grep -E "^[[:space:]]*Executed [0-9]+ tests?, with " "$log" | tail -n 1 || true)
if [ -n "$summary" ]; then
    total=$(sed -E 's/.*Executed ([0-9]+) tests?.*/\1/' <<<"$summary")
    failed=$(sed -E 's/.* ([0-9]+) failures?.*/\1/' <<<"$summary")
    skipped=0
    if grep -qE "[0-9]+ tests? skipped" <<<"$summary"; then
        skipped=$(sed -E 's/.* ([0-9]+) tests? skipped.*/\1/' <<<"$summary")
    fi
    echo "$((total - failed - skipped)) passed, $failed failed, $skipped skipped"
fi
exit "$status"
