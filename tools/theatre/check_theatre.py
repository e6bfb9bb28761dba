#!/usr/bin/python3
"""Checks a theatre folder (Theatres/NAME) before the code loads it:

  theatre.yaml   required keys, view box, sides, dates (default inside the range)
  places.tsv     21 columns, numbers, unique sorted ids, ranks 1..5, places inside the view box
  control.tsv    header, 11 columns, dates inside the range, ids exist and names match, holders are
                 sides (or contested), roles, confidences, sort order, one state row per place and day
  areas.tsv      10 columns, dates, holders, >= 3 hull towns that resolve, buffer
  events.yaml    required fields, id prefix = date, dates in range, types, places resolve (name or
                 variant, compared as the code does), claim sources listed among the event's sources
  basemap        every layer named in theatre.yaml is a GeoJSON FeatureCollection inside the box

and prints what it measured: places, rows, events, baseline coverage (places with a holder on the
baseline day, from town rows and area hulls) and places that changed hands between two dates.

    tools/theatre/check_theatre.py Theatres/kharkiv-2022 [--diff 2022-09-05 2022-09-14]

Exit status 1 when anything is wrong, with one line per problem (file:line: what, and the fix).
Needs PyYAML and shapely (Debian: python3-yaml python3-shapely); run with /usr/bin/python3.
"""
import argparse, datetime, json, os, sys, unicodedata

try:
    import yaml
    from shapely.geometry import MultiPoint, Point, shape
except ImportError:
    sys.exit("check_theatre: needs python3-yaml and python3-shapely (apt-get install python3-yaml python3-shapely)")

EVENT_TYPES = {"convoy", "post-established", "post-encircled", "post-reinforced", "strike", "shelling", "casualties",
               "clash", "talks", "statement", "displacement", "road", "control-change"}
ROLES = {"state", "claim"}
CONFIDENCE = {"high", "medium", "low", "assessed"}
QUALIFIERS = {"at-least", "more-than", "about", "close-to"}
errors = []


def err(where, msg):
    errors.append("%s: %s" % (where, msg))


def key(name):
    """Name comparison as in Gazetteer.key: case and diacritics folded, apostrophes and dots dropped,
    hyphens, commas and slashes as spaces."""
    out = []
    for ch in name:
        if ch in "'‘’ʿʾ`´.()":
            continue
        if ch in "-_,/\t":
            out.append(" ")
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base.lower())
    words = "".join(out).split()
    if len(words) > 1 and words[0] in ("al", "el", "ad", "ar", "as", "at", "an", "az", "ash"):
        words = words[1:]
    return " ".join(words)


def day(s):
    try:
        return datetime.date.fromisoformat(str(s))
    except ValueError:
        return None


def load_theatre(root):
    path = os.path.join(root, "theatre.yaml")
    try:
        t = yaml.safe_load(open(path, encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        sys.exit("check_theatre: %s: cannot read (%s)" % (path, e))
    for k in ("id", "title", "languages", "view", "projection", "sides", "front_lines", "dates", "credits", "basemap"):
        if k not in t:
            err(path, "missing key %r (see Theatres/README.md)" % k)
    v = t.get("view", {})
    try:
        w, s, e, n = (float(v[k]) for k in ("west", "south", "east", "north"))
        if not (w < e and s < n):
            err(path, "view: west must be < east and south < north")
    except (KeyError, TypeError, ValueError):
        err(path, "view needs numbers west, south, east, north")
        w, s, e, n = -180, -90, 180, 90
    sides = [x.get("id") for x in t.get("sides", [])]
    for pair in t.get("front_lines", []):
        for sd in pair:
            if sd not in sides:
                err(path, "front_lines names unknown side %r" % sd)
    d = t.get("dates", {})
    # theatre.yaml's dates: {default, window_days, from, to} (an older draft nested from/to under range:)
    rng = d.get("range", {}) if isinstance(d.get("range"), dict) else {}
    lo, hi, dflt = day(d.get("from", rng.get("from"))), day(d.get("to", rng.get("to"))), day(d.get("default"))
    if not (lo and hi and dflt and lo <= dflt <= hi):
        err(path, "dates: default must be an ISO day inside from..to")
    return t, (w, s, e, n), set(sides), (lo or datetime.date.min, hi or datetime.date.max)


def load_places(path, box):
    places, names = {}, {}
    prev = -1
    w, s, e, n = box
    for i, line in enumerate(open(path, encoding="utf-8"), 1):
        if line.startswith("#") or not line.strip():
            continue
        c = line.rstrip("\n").split("\t")
        where = "%s:%d" % (path, i)
        if len(c) != 21:
            err(where, "%d columns, expected 21 (19 GeoNames + source + rank)" % len(c))
            continue
        try:
            pid, lat, lon, rank, pop = int(c[0]), float(c[4]), float(c[5]), int(c[20]), int(c[14] or 0)
        except ValueError:
            err(where, "id, latitude, longitude, population or rank is not a number")
            continue
        if pid in places:
            err(where, "duplicate id %d" % pid)
        if pid < prev:
            err(where, "ids not sorted (rebuild with tools/theatre/build_gazetteer.py)")
        prev = pid
        if not (w <= lon <= e and s <= lat <= n):
            err(where, "%s at %.4f,%.4f is outside the view box" % (c[1], lat, lon))
        if rank not in range(1, 6):
            err(where, "rank %d not in 1..5" % rank)
        if not c[2].isascii():
            err(where, "asciiname is not ASCII")
        if ", " in c[3]:
            err(where, "space after a comma in alternatenames")
        if not c[19]:
            err(where, "empty source column")
        places[pid] = {"name": c[1], "lon": lon, "lat": lat, "rank": rank, "pop": pop, "cc": c[8]}
        for nm in [c[1], c[2]] + [a for a in c[3].split(",") if a]:
            names.setdefault(key(nm), set()).add(pid)
    return places, names


def resolve(name, places, names):
    """The place the code would pick: highest (rank, population, -id) among the matches."""
    hits = names.get(key(name), set())
    if not hits:
        return None, False
    ranked = sorted(hits, key=lambda p: (places[p]["rank"], places[p]["pop"], -p), reverse=True)
    tie = len(ranked) > 1 and (places[ranked[0]]["rank"], places[ranked[0]]["pop"]) == \
        (places[ranked[1]]["rank"], places[ranked[1]]["pop"])
    return ranked[0], tie


def check_control(path, places, holders, rng):
    rows = []
    lines = open(path, encoding="utf-8").read().split("\n")
    hdr = "date place place_id holder role confidence outlet published attributed_to url note".split()
    if lines[0].split("\t") != hdr:
        err(path + ":1", "header must be: " + " ".join(hdr))
    keys, seen = [], set()
    for i, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        c = line.split("\t")
        where = "%s:%d" % (path, i)
        if len(c) != 11:
            err(where, "%d columns, expected 11" % len(c))
            continue
        d, pub = day(c[0]), day(c[7])
        if d is None or pub is None:
            err(where, "date and published must be ISO days (YYYY-MM-DD)")
            continue
        if not (rng[0] <= d <= rng[1]):
            err(where, "date %s outside the theatre's range %s..%s" % (d, rng[0], rng[1]))
        try:
            pid = int(c[2])
        except ValueError:
            err(where, "place_id is not a number")
            continue
        if pid not in places:
            err(where, "unknown place_id %d (add it to Gazetteer/places.tsv)" % pid)
        elif places[pid]["name"] != c[1]:
            err(where, "place %r but id %d is %r" % (c[1], pid, places[pid]["name"]))
        if c[3] not in holders:
            err(where, "holder %r is not a side in theatre.yaml (%s)" % (c[3], ", ".join(sorted(holders))))
        if c[4] not in ROLES:
            err(where, "role %r (state or claim)" % c[4])
        if c[5] not in CONFIDENCE:
            err(where, "confidence %r (%s)" % (c[5], ", ".join(sorted(CONFIDENCE))))
        if not c[6] or not c[8] or not c[9].startswith(("http://", "https://")):
            err(where, "every row needs outlet, attributed_to and an http(s) url")
        if c[4] == "state":
            if (d, pid) in seen:
                err(where, "two state rows for place %d on %s" % (pid, d))
            seen.add((d, pid))
        keys.append((c[0], pid, c[4]))
        rows.append({"date": d, "pid": pid, "holder": c[3], "role": c[4]})
    if keys != sorted(keys):
        err(path, "rows not sorted by (date, place_id, role)")
    return rows


def check_areas(path, places, names, holders, rng):
    areas = []
    lines = open(path, encoding="utf-8").read().split("\n")
    hdr = "id date holder hull_towns buffer_km outlet published attributed_to url note".split()
    if lines[0].split("\t") != hdr:
        err(path + ":1", "header must be: " + " ".join(hdr))
    for i, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        c = line.split("\t")
        where = "%s:%d" % (path, i)
        if len(c) != 10:
            err(where, "%d columns, expected 10" % len(c))
            continue
        d = day(c[1])
        if d is None or not (rng[0] <= d <= rng[1]):
            err(where, "date %r missing or outside the range" % c[1])
            continue
        if c[2] not in holders:
            err(where, "holder %r is not a side" % c[2])
        towns = c[3].split("|")
        pts = []
        for t in towns:
            pid, tie = resolve(t, places, names)
            if pid is None:
                err(where, "hull town %r not in places.tsv" % t)
            else:
                if tie:
                    err(where, "hull town %r is ambiguous (two places of equal rank and population)" % t)
                pts.append((places[pid]["lon"], places[pid]["lat"]))
        if len(towns) < 3:
            err(where, "a hull needs at least 3 towns")
        try:
            buf = float(c[4])
        except ValueError:
            err(where, "buffer_km is not a number")
            buf = 0
        if not c[8].startswith(("http://", "https://")):
            err(where, "url must be http(s)")
        if len(pts) >= 3:
            # Degrees are close enough for a check: 1 km ~ 1/111 deg of latitude.
            hull = MultiPoint(pts).convex_hull.buffer(buf / 111.0)
            inside = [p for p, v in places.items() if v["cc"] == "UA" and hull.contains(Point(v["lon"], v["lat"]))]
            areas.append({"id": c[0], "date": d, "holder": c[2], "places": inside})
    return areas


def check_events(path, places, names, rng):
    try:
        evs = yaml.safe_load(open(path, encoding="utf-8"))
    except yaml.YAMLError as e:
        err(path, "not valid YAML (%s)" % e)
        return []
    if not isinstance(evs, list):
        err(path, "must be a YAML list of events")
        return []
    order = []
    for ev in evs:
        where = "%s: event %s" % (path, ev.get("id", "?"))
        for k in ("id", "date", "time", "precision", "type", "actor", "places", "summary", "sources"):
            if k not in ev:
                err(where, "missing %r" % k)
        d = day(ev.get("date"))
        if d is None or not (rng[0] <= d <= rng[1]):
            err(where, "date %r missing or outside the theatre's range" % ev.get("date"))
            continue
        if not str(ev.get("id", "")).startswith(str(d)):
            err(where, "id must start with the date")
        if ev.get("precision") == "range":
            e2 = day(ev.get("date_end"))
            if e2 is None or e2 < d or e2 > rng[1]:
                err(where, "range needs date_end inside the range, not before date")
        if ev.get("type") not in EVENT_TYPES:
            err(where, "unknown type %r" % ev.get("type"))
        for nm in (ev.get("places") or []) + [ev[k] for k in ("from", "to") if ev.get(k)]:
            pid, tie = resolve(nm, places, names)
            if pid is None:
                err(where, "place %r not in places.tsv (name or variant)" % nm)
            elif tie:
                err(where, "place %r is ambiguous: two places of equal rank and population" % nm)
        srcs = ev.get("sources") or []
        if not srcs:
            err(where, "no sources")
        for s in srcs:
            if not s.get("outlet") or "published" not in s or not s.get("attributed_to"):
                err(where, "each source needs outlet, published and attributed_to")
            if s.get("published") and not (day(str(s["published"])[:10])):
                err(where, "published %r is not an ISO date" % s["published"])
        keyset = [(s.get("outlet"), s.get("url")) for s in srcs]
        for cl in ev.get("claims") or []:
            for s in cl.get("sources") or []:
                if (s.get("outlet"), s.get("url")) not in keyset:
                    err(where, "claim source %s is not among the event's sources" % s.get("outlet"))
            for q in (cl.get("qualifiers") or {}).values():
                if q not in QUALIFIERS:
                    err(where, "qualifier %r" % q)
        for q in (ev.get("qualifiers") or {}).values():
            if q not in QUALIFIERS:
                err(where, "qualifier %r" % q)
        order.append((str(d), ev.get("id")))
    if order != sorted(order):
        err(path, "events not sorted by (date, id)")
    return evs


def check_basemap(root, t, box):
    bm = t.get("basemap", {})
    bdir = os.path.join(root, bm.get("dir", "Gazetteer/basemap"))
    w, s, e, n = box
    counts = {}
    for layer in ("land", "sea", "coast", "border", "rivers", "lakes", "provinces"):
        f = bm.get(layer)
        if not f:
            # Only land is required: a layer left out is not drawn (Theatres/README.md, basemap).
            if layer == "land":
                err("theatre.yaml", "basemap.land not named")
            continue
        path = os.path.join(bdir, f)
        try:
            fc = json.load(open(path, encoding="utf-8"))
        except (OSError, ValueError) as ex:
            err(path, "not readable GeoJSON (%s); rebuild with tools/theatre/build_basemap.py" % ex)
            continue
        if fc.get("type") != "FeatureCollection":
            err(path, "not a FeatureCollection")
            continue
        counts[layer] = len(fc["features"])
        for ft in fc["features"]:
            g = shape(ft["geometry"])
            x0, y0, x1, y1 = g.bounds
            if x0 < w - 1e-6 or y0 < s - 1e-6 or x1 > e + 1e-6 or y1 > n + 1e-6:
                err(path, "a feature reaches outside the view box")
                break
    return counts


def holders_on(d, rows, areas):
    """Each place's holder on day d: the last state row or area on or before d (a later-dated area
    overrides earlier town rows, a town row overrides an area of the same or an earlier day)."""
    out = {}
    items = [(r["date"], 1, r["pid"], r["holder"]) for r in rows if r["role"] == "state" and r["date"] <= d]
    items += [(a["date"], 0, p, a["holder"]) for a in areas if a["date"] <= d for p in a["places"]]
    for _, _, pid, h in sorted(items):
        out[pid] = h
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("theatre", help="theatre folder, e.g. Theatres/kharkiv-2022")
    ap.add_argument("--diff", nargs=2, metavar=("FROM", "TO"), help="list places that changed hands")
    a = ap.parse_args()
    t, box, sides, rng = load_theatre(a.theatre)
    holders = sides | {"contested"}
    places, names = load_places(os.path.join(a.theatre, "Gazetteer", "places.tsv"), box)
    rows = check_control(os.path.join(a.theatre, "Reports", "control.tsv"), places, holders, rng)
    areas_path = os.path.join(a.theatre, "Reports", "areas.tsv")
    areas = check_areas(areas_path, places, names, holders, rng) if os.path.exists(areas_path) else []
    evs = check_events(os.path.join(a.theatre, "Reports", "events.yaml"), places, names, rng)
    counts = check_basemap(a.theatre, t, box)
    ua = [p for p, v in places.items() if v["cc"] == "UA"]
    base = holders_on(rng[0], rows, areas)
    print("places: %d (%d in UA), control rows: %d (%d state, %d claim), areas: %d, events: %d"
          % (len(places), len(ua), len(rows), sum(r["role"] == "state" for r in rows),
             sum(r["role"] == "claim" for r in rows), len(areas), len(evs)))
    print("basemap features: " + ", ".join("%s %d" % kv for kv in counts.items()))
    by = {}
    for p in ua:
        by.setdefault(base.get(p, "unknown"), []).append(p)
    print("baseline %s: " % rng[0] + ", ".join("%s %d" % (h, len(v)) for h, v in sorted(by.items())))
    unknown = sorted(by.get("unknown", []), key=lambda p: -places[p]["pop"])
    print("  no baseline holder (largest first): " + ", ".join(places[p]["name"] for p in unknown[:25])
          + (" ..." if len(unknown) > 25 else ""))
    if a.diff:
        d0, d1 = day(a.diff[0]), day(a.diff[1])
        if not (d0 and d1):
            sys.exit("check_theatre: --diff takes two ISO days")
        h0, h1 = holders_on(d0, rows, areas), holders_on(d1, rows, areas)
        changed = sorted((p for p in ua if h0.get(p) != h1.get(p)), key=lambda p: -places[p]["pop"])
        print("changed hands %s -> %s: %d places" % (d0, d1, len(changed)))
        for p in changed:
            print("  %-22s %s -> %s" % (places[p]["name"], h0.get(p, "unknown"), h1.get(p, "unknown")))
    for e in errors:
        print("ERROR " + e)
    print("%d errors" % len(errors))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
