#!/usr/bin/env bash
# Installs what mapgen needs from Debian (GEOS, PROJ, Cairo, Pango, Noto fonts) unless it is
# already there. Safe to run again: it does nothing when everything is installed.
set -euo pipefail

packages=(libgeos-dev libproj-dev libgdal-dev libsqlite3-dev gdal-bin proj-data libcairo2-dev libpango1.0-dev fonts-noto-core pkg-config zlib1g-dev libgif-dev libwebp-dev libjs-leaflet)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
        sudo="sudo"
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null; then
    if [ -x /opt/swift/usr/bin/swift ]; then
        echo "setup: swift is at /opt/swift/usr/bin; add it to PATH" >&2
    else
        echo "setup: no Swift toolchain found (Swift 6 is needed: https://www.swift.org/install/)" >&2
    fi
    exit 1
fi
