#!/usr/bin/env bash
# Geoparse speed: a 5,000-word text geoparsed after the gazetteer is loaded (release build).
# The text is the five seed reports (../shared/seeds) repeated and cut to 5,000 words; pass a
# file to time another text. Prints the median of 30 runs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
swift build -c release --static-swift-stdlib --product mapgen >/dev/null
text=$(mktemp)
trap 'rm -f "$text"' EXIT
if [ $# -ge 1 ]; then
  src=("$@")
else
  src=(../shared/seeds/*.txt)
  [ -e "${src[0]}" ] || src=(../../shared/seeds/*.txt)
fi
python3 - "$text" "${src[@]}" <<'PY'
import sys
out, files = sys.argv[1], sys.argv[2:]
import re
# Words with the spaces and line breaks after them, so sentences and lines stay as written.
parts = []
while len(parts) < 5000:
    for f in files:
        parts += re.findall(r"\S+\s*", open(f, encoding="utf-8").read())
open(out, "w", encoding="utf-8").write("".join(parts[:5000]))
PY
.build/release/mapgen geoparse "$text" --bench 30
