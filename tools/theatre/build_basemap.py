#!/usr/bin/python3
"""Builds a theatre's basemap (GeoJSON, RFC 7946, lon/lat) for any view box with GMT's GSHHG and
DCW data, so a new theatre's map furniture takes one command.

Needs Debian's gmt, gmt-gshhg-full, gmt-dcw and python3-shapely (run with /usr/bin/python3):
    apt-get install gmt gmt-gshhg-full gmt-dcw python3-shapely

    tools/theatre/build_basemap.py --bbox 35.8/48.6/38.6/50.3 --out Theatres/kharkiv-2022/Gazetteer/basemap \
        --control-country UA --inset-box 22/43/42/54 --inset-countries UA,RU,BY,PL,SK,HU,RO,MD,LT,LV,GE,TR,BG \
        [--admin1 OBLASTS.geojson] [--admin1-dcw RU.BEL,RU.VOR] [--names names.tsv]

Writes: land, sea, coast (GSHHG level-1 shoreline), lakes (level 2), rivers (WDBII, all classes),
border (WDBII national boundaries), control_land (the DCW polygon of --control-country, the ground a
control area may cover), admin1 (lines shared by two first-level units: from --admin1 polygons, and
from DCW states given with --admin1-dcw), inset_countries (DCW countries, simplified, clipped to
--inset-box). Every feature says its source. Layers with nothing in the box are written as empty
FeatureCollections. --names (TSV: layer, name, lon, lat, note) names the river or lake nearest to
each point (within 3 km).
"""
import argparse, atexit, json, os, shutil, subprocess, sys, tempfile

try:
    from shapely.geometry import LineString, MultiLineString, Polygon, MultiPolygon, Point, box, shape, mapping
    from shapely.geometry.polygon import orient
    from shapely.ops import linemerge, polygonize, unary_union
except ImportError:
    sys.exit("build_basemap: needs shapely: apt-get install python3-shapely, and run with /usr/bin/python3")

GSHHG = "GSHHG 2.3.7 full (via GMT %s)"
DCW = "DCW-GMT %s (via GMT %s)"


def die(msg):
    print("build_basemap: " + msg, file=sys.stderr)
    sys.exit(1)


# GMT leaves gmt.history (and maybe gmt.conf) in its working directory: run it in a scratch one.
SCRATCH = tempfile.mkdtemp(prefix="build_basemap.")
atexit.register(shutil.rmtree, SCRATCH, True)


def gmt(*args, stdin=None):
    try:
        p = subprocess.run(["gmt"] + list(args), input=stdin, capture_output=True, text=True, cwd=SCRATCH)
    except FileNotFoundError:
        die("gmt not found: apt-get install gmt gmt-gshhg-full gmt-dcw")
    if p.returncode != 0:
        die("gmt %s failed: %s" % (" ".join(args), p.stderr.strip().splitlines()[-1:] or ""))
    return p.stdout


def segments(text):
    """GMT multisegment ASCII -> list of (header, [(lon, lat), ...])."""
    out, head, pts = [], None, []
    for line in text.splitlines():
        if line.startswith(">"):
            if pts:
                out.append((head, pts))
            head, pts = line[1:].strip(), []
        elif line.strip() and not line.startswith("#"):
            x, y = line.split()[:2]
            pts.append((float(x), float(y)))
    if pts:
        out.append((head, pts))
    return out


def rnd(geom, nd=5):
    """Coordinates rounded to ~1 m, for small, stable files; polygon rings wound as RFC 7946 asks
    (exterior counter-clockwise, holes clockwise)."""
    if geom.geom_type == "Polygon":
        geom = orient(geom, 1.0)
    elif geom.geom_type == "MultiPolygon":
        geom = MultiPolygon([orient(g, 1.0) for g in geom.geoms])
    def r(c):
        if isinstance(c, (list, tuple)) and c and isinstance(c[0], (int, float)):
            return [round(c[0], nd), round(c[1], nd)]
        return [r(x) for x in c]
    m = mapping(geom)
    return {"type": m["type"], "coordinates": r(m["coordinates"])}


def parts(geom):
    if geom.is_empty:
        return []
    if hasattr(geom, "geoms"):
        out = []
        for g in geom.geoms:
            out += parts(g)
        return out
    return [geom]


def write(path, features, bbox):
    fc = {"type": "FeatureCollection", "bbox": list(bbox), "features": [
        {"type": "Feature", "properties": props, "geometry": rnd(g)} for props, g in features]}
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(fc, ensure_ascii=False, separators=(",", ":")).replace('{"type":"Feature"', '\n{"type":"Feature"'))
        f.write("\n")
    print("build_basemap: %-32s %4d features" % (os.path.basename(path), len(features)))


def merge(lines):
    """Joins line pieces that share end points (GSHHG cuts every line at its 1-degree bins)."""
    u = unary_union(lines)
    return u if u.geom_type == "LineString" else linemerge(u)


def merged_lines(text, clip):
    lines = [LineString(p) for _, p in segments(text) if len(p) >= 2]
    if not lines:
        return []
    return [g for g in parts(merge(lines).intersection(clip)) if g.geom_type == "LineString"]


def level_of(head):
    for w in head.split(","):
        if "Level" in w:
            return int(w.split()[-1])
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bbox", required=True, help="W/S/E/N in degrees")
    ap.add_argument("--out", required=True, help="output folder")
    ap.add_argument("--control-country", default="", help="ISO code whose land control areas may cover (DCW)")
    ap.add_argument("--inset-box", default="", help="W/S/E/N of the locator inset")
    ap.add_argument("--inset-countries", default="", help="ISO codes for the inset, comma-separated")
    ap.add_argument("--admin1", action="append", default=[], help="GeoJSON of first-level unit polygons (repeatable)")
    ap.add_argument("--admin1-source", action="append", default=[], help="source text for each --admin1 file")
    ap.add_argument("--admin1-dcw", default="", help="DCW state codes, e.g. RU.BEL,RU.VOR")
    ap.add_argument("--names", help="TSV layer, name, lon, lat, note: names for rivers and lakes")
    a = ap.parse_args()
    try:
        w, s, e, n = (float(x) for x in a.bbox.split("/"))
        assert w < e and s < n
    except (ValueError, AssertionError):
        die("--bbox must be W/S/E/N with W < E and S < N, e.g. 35.8/48.6/38.6/50.3")
    os.makedirs(a.out, exist_ok=True)
    R = "-R%r/%r/%r/%r" % (w, e, s, n)   # GMT wants W/E/S/N; our boxes are W/S/E/N
    ver = gmt("--version").strip()
    src = GSHHG % ver
    dcw_ver = "2.1"
    try:
        dcw_ver = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "gmt-dcw"], capture_output=True, text=True).stdout.split("-")[0] or dcw_ver
    except FileNotFoundError:
        pass
    dsrc = DCW % (dcw_ver, ver)
    clip = box(w, s, e, n)
    bb = (w, s, e, n)

    # Shoreline (level 1) -> coast lines; land and sea by polygonizing shoreline + box edge.
    shore = merged_lines(gmt("coast", R, "-Df", "-A0/1/1", "-W", "-M"), clip)
    coast = [({"layer": "coast", "source": src, "gshhg_level": 1, "gshhg_class": "ocean/land shoreline"}, g) for g in shore]
    faces = list(polygonize(unary_union(shore + [clip.exterior])))
    land, sea = [], []
    if faces:
        pts = "\n".join("%.6f %.6f %d" % (f.representative_point().x, f.representative_point().y, i) for i, f in enumerate(faces))
        dry = {int(l.split()[2]) for l in gmt("select", R, "-Df", "-Ns/k/k/k/k", stdin=pts + "\n").splitlines() if l.strip()}
        meth = "polygonized from GSHHG full level-1 shoreline + bbox; faces classified with gmt select -Df"
        for i, f in enumerate(faces):
            (land if i in dry else sea).append(({"layer": "land" if i in dry else "sea", "source": src, "method": meth}, f))
    write(os.path.join(a.out, "coast.geojson"), coast, bb)
    write(os.path.join(a.out, "land.geojson"), land, bb)
    write(os.path.join(a.out, "sea.geojson"), sea, bb)

    # Names for rivers and lakes: nearest feature within 3 km of a given point.
    names = []
    if a.names:
        for i, line in enumerate(open(a.names, encoding="utf-8"), 1):
            if line.startswith("#") or not line.strip() or line.startswith("layer\t"):
                continue
            c = line.rstrip("\n").split("\t")
            try:
                names.append((c[0], c[1], Point(float(c[2]), float(c[3]))))
            except (IndexError, ValueError):
                die("%s:%d: expected layer, name, lon, lat, note" % (a.names, i))

    def name_for(layer, g):
        best = None
        for lay, nm, p in names:
            d = g.distance(p) * 111.0
            if lay == layer and d <= 3.0 and (best is None or d < best[0]):
                best = (d, nm)
        return best[1] if best else None

    # Lakes: level-2 shoreline pieces, polygonized.
    lake_lines = merged_lines(gmt("coast", R, "-Df", "-A0/2/2", "-W", "-M"), clip)
    lakes = []
    for poly in polygonize(unary_union(lake_lines)) if lake_lines else []:
        props = {"layer": "lake", "source": src, "gshhg_level": 2, "gshhg_class": "lake shoreline"}
        nm = name_for("lake", poly)
        if nm:
            props["name"] = nm
        lakes.append((props, poly))
    write(os.path.join(a.out, "lakes.geojson"), lakes, bb)

    # Rivers: all WDBII river classes, segments joined across GSHHG bins.
    by_level = {}
    for head, p in segments(gmt("coast", R, "-Df", "-Ia", "-M")):
        if len(p) >= 2:
            by_level.setdefault(level_of(head or ""), []).append(LineString(p))
    classes = {1: "permanent major river", 2: "additional major river", 3: "additional river", 4: "minor river",
               5: "intermittent river (major)", 6: "intermittent river (additional)", 7: "intermittent river (minor)",
               8: "major canal", 9: "minor canal", 10: "irrigation canal"}
    rivers = []
    for lev in sorted(by_level):
        for g in parts(merge(by_level[lev]).intersection(clip)):
            if g.geom_type != "LineString":
                continue
            props = {"layer": "river", "source": src, "wdbii_level": lev, "gshhg_class": classes.get(lev, "river")}
            nm = name_for("river", g)
            if nm:
                props["name"] = nm
            rivers.append((props, g))
    write(os.path.join(a.out, "rivers.geojson"), rivers, bb)

    # National borders.
    border = [({"layer": "border", "source": src, "gshhg_class": "national boundary (WDBII)"}, g)
              for g in merged_lines(gmt("coast", R, "-Df", "-N1", "-M"), clip)]
    write(os.path.join(a.out, "border.geojson"), border, bb)

    def dcw_polygon(code, region):
        rings = [Polygon(p) for _, p in segments(gmt("coast", region, "-E%s" % code, "-M")) if len(p) >= 4]
        return unary_union([r.buffer(0) for r in rings]) if rings else Polygon()

    if a.control_country:
        cc = dcw_polygon(a.control_country, R).intersection(clip)
        write(os.path.join(a.out, "control_land.geojson"),
              [({"layer": "control_land", "country": a.control_country, "source": dsrc}, g) for g in parts(cc)], bb)

    # First-level unit lines: the edge two units of one source share.
    admin = []
    sources = a.admin1_source + [""] * len(a.admin1)
    for path, label in zip(a.admin1, sources):
        try:
            feats = json.load(open(path, encoding="utf-8"))["features"]
        except (OSError, ValueError, KeyError) as ex:
            die("%s: cannot read GeoJSON features (%s)" % (path, ex))
        units = []
        for f in feats:
            g = shape(f["geometry"]).buffer(0)
            if g.intersects(clip.buffer(0.5)):
                p = f.get("properties", {})
                units.append((p.get("shapeName") or p.get("name") or p.get("NAME_1") or "?", g))
        admin += shared_edges(units, clip, label or os.path.basename(path))
    if a.admin1_dcw:
        big = "-R%f/%f/%f/%f" % (w - 3, e + 3, s - 3, n + 3)
        units = [(c, dcw_polygon(c, big)) for c in a.admin1_dcw.split(",")]
        admin += shared_edges(units, clip, dsrc)
    write(os.path.join(a.out, "admin1.geojson"), admin, bb)

    if a.inset_box:
        iw, is_, ie, in_ = (float(x) for x in a.inset_box.split("/"))
        ib = box(iw, is_, ie, in_)
        region = "-R%r/%r/%r/%r" % (iw, ie, is_, in_)
        feats = []
        for code in [c for c in a.inset_countries.split(",") if c]:
            g = dcw_polygon(code, region).intersection(ib).simplify(0.02, preserve_topology=True)
            if not g.is_empty:
                feats.append(({"iso_a2": code, "layer": "inset_countries", "source": dsrc + ", simplified 0.02 deg"}, g))
        write(os.path.join(a.out, "inset_countries.geojson"), feats, (iw, is_, ie, in_))


def shared_edges(units, clip, label):
    out = []
    for i in range(len(units)):
        for j in range(i + 1, len(units)):
            (na, ga), (nb, gb) = units[i], units[j]
            if not ga.intersects(gb):
                continue
            edge = ga.boundary.intersection(gb.boundary)
            lines = [g for g in parts(edge) if g.geom_type == "LineString"]
            if not lines:
                continue
            for g in parts(merge(lines).intersection(clip)):
                if g.geom_type == "LineString" and g.length > 0.001:
                    out.append(({"layer": "admin1", "source": label, "between": "%s | %s" % (na, nb)}, g))
    return out


if __name__ == "__main__":
    main()
