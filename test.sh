#!/usr/bin/env bash
# Sets up (system packages) and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")"
export PATH="$PATH:/opt/swift/usr/bin"
scripts/setup.sh
exec swift test "$@"
