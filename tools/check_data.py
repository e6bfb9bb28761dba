#!/usr/bin/env python3
"""Sanity checks for Gazetteer/places.tsv, regions.tsv, names.tsv and Reports/control.tsv."""
import datetime, os, sys, unicodedata
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
errs = []
def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower().strip()
places, names = {}, {}
for i, line in enumerate(open(os.path.join(REPO, "Gazetteer", "places.tsv"), encoding="utf-8"), 1):
    if line.startswith("#"):
        continue
    c = line.rstrip("\n").split("\t")
    if len(c) != 21:
        errs.append("places line %d: %d columns" % (i, len(c))); continue
    try:
        pid, lat, lon, rank = int(c[0]), float(c[4]), float(c[5]), int(c[20])
    except ValueError:
        errs.append("places line %d: bad number" % i); continue
    if not (-90 <= lat <= 90 and -180 <= lon <= 180): errs.append("places line %d: coords out of range" % i)
    if rank not in range(1, 6): errs.append("places line %d: rank %d" % (i, rank))
    if pid in places: errs.append("duplicate id %d" % pid)
    if ", " in c[3]: errs.append("places line %d: space after comma in alternatenames" % i)
    if not c[2].isascii(): errs.append("places line %d: asciiname not ASCII" % i)
    places[pid] = c
    for n in [c[1]] + [a for a in c[3].split(",") if a]:
        names.setdefault(fold(n), set()).add(pid)
if len(places) < 300: errs.append("only %d places" % len(places))
ids = list(places)
if ids != sorted(ids): errs.append("places not sorted by id")
HOLD = {"government", "opposition", "sdf", "isis", "contested"}
ROLE = {"state", "claim"}
CONF = {"high", "medium", "low", "assessed"}
rows = list(open(os.path.join(REPO, "Reports", "control.tsv"), encoding="utf-8"))
hdr = rows[0].rstrip("\n").split("\t")
if hdr != "date place place_id holder role confidence outlet published attributed_to url note".split():
    errs.append("control header wrong: %s" % hdr)
keys = []
for i, line in enumerate(rows[1:], 2):
    c = line.rstrip("\n").split("\t")
    if len(c) != 11: errs.append("control line %d: %d cols" % (i, len(c))); continue
    try:
        datetime.date.fromisoformat(c[0]); datetime.date.fromisoformat(c[7])
    except ValueError:
        errs.append("control line %d: bad date" % i)
    pid = int(c[2])
    if pid not in places: errs.append("control line %d: unknown place_id %d" % (i, pid))
    elif places[pid][1] != c[1]: errs.append("control line %d: name %s != %s" % (i, c[1], places[pid][1]))
    if c[3] not in HOLD: errs.append("control line %d: holder %s" % (i, c[3]))
    if c[4] not in ROLE: errs.append("control line %d: role %s" % (i, c[4]))
    if c[5] not in CONF: errs.append("control line %d: confidence %s" % (i, c[5]))
    keys.append((c[0], pid, c[4]))
if keys != sorted(keys): errs.append("control rows not sorted by (date, place_id, role)")
# state rows: at most one per place and date
seen = {}
for line in rows[1:]:
    c = line.rstrip("\n").split("\t")
    if c[4] == "state":
        k = (c[0], c[2])
        if k in seen: errs.append("two state rows for place %s on %s" % (c[2], c[0]))
        seen[k] = 1
NEWS = ["Idlib", "Binnish", "Sarmin", "Taftanaz", "Taftanaz Air Base", "Taftanaz military airport", "Kafr Lusin",
        "Al-Mastoumah", "Al-Mastumah", "Saraqeb", "Saraqib", "Kafr Amim", "Abu al-Duhur", "Al-Eis", "Maarat al-Numan", "Azaz",
        "Aleppo", "Antakya", "Hatay", "Bab al-Hawa", "Ankara", "Damascus", "Khan Shaykhun", "Ariha", "Jisr al-Shughur",
        "Nayrab", "Qminas", "Afis", "Tell Tuqan", "Morek", "Surman", "Rashidin", "Zarbah", "Atarib", "Anadan",
        "Khan Tuman", "Maar Hattat", "Kafr Nuran", "Sheikh Ali", "Darat Izza", "Salwa", "Qalaat Siman", "Sheikh Aqil",
        "Eshtabraq", "Shir Mughar", "Zaytunah", "al-Zaytunah"]
missing = []
for n in NEWS:
    hits = names.get(fold(n), set())
    if not hits:
        missing.append(n)
    elif len(hits) > 1:
        rk = sorted((int(places[h][20]), h) for h in hits)
        if rk[-1][0] == rk[-2][0]:
            errs.append("name %s ambiguous: %s" % (n, [places[h][1] for h in hits]))

# regions.tsv: same 21-column GeoNames rows as places.tsv (the Swift loader's rules), ids not in places.tsv
regions = {}
region_text = open(os.path.join(REPO, "Gazetteer", "regions.tsv"), encoding="utf-8").read()
if unicodedata.normalize("NFC", region_text) != region_text: errs.append("regions.tsv not NFC")
for i, line in enumerate(region_text.split("\n"), 1):
    if not line or line.startswith("#"):
        continue
    c = line.split("\t")
    if len(c) != 21:
        errs.append("regions line %d: %d columns" % (i, len(c))); continue
    try:
        pid, lat, lon, rank = int(c[0]), float(c[4]), float(c[5]), int(c[20])
        if c[14]: int(c[14])
    except ValueError:
        errs.append("regions line %d: bad number" % i); continue
    if not (-90 <= lat <= 90 and -180 <= lon <= 180): errs.append("regions line %d: coords out of range" % i)
    if rank not in range(1, 6): errs.append("regions line %d: rank %d" % (i, rank))
    if pid in places: errs.append("regions line %d: id %d is already in places.tsv" % (i, pid))
    if pid in regions: errs.append("regions: duplicate id %d" % pid)
    if (c[6], c[7]) not in (("A", "PCLI"), ("A", "ADM1"), ("P", "PPLC"), ("P", "PPLA"), ("P", "PPLA2"), ("P", "PPL"),
                            ("T", "MTS"), ("T", "PLN")):
        errs.append("regions line %d: feature class/code %s.%s" % (i, c[6], c[7]))
    if ", " in c[3] or ",," in c[3]: errs.append("regions line %d: bad alternatenames list" % i)
    if not c[2].isascii(): errs.append("regions line %d: asciiname not ASCII" % i)
    if not c[19]: errs.append("regions line %d: no source" % i)
    regions[pid] = c
    if c[7] in ("PPLC", "PPLA", "PPL") and 35.0 <= lat <= 37.0 and 35.5 <= lon <= 38.0 and c[8] == "SY":
        errs.append("regions line %d: %s lies in places.tsv's box" % (i, c[1]))
for pid, c in regions.items():
    for n in [c[1]] + [a for a in c[3].split(",") if a]:
        for h in names.get(fold(n), ()):  # names.get: the places.tsv name index above
            # a far city may share a spelling with a minor place of the box (Tell Abyad hill); it
            # must then outrank it, so the geoparser's rank tie-break picks the city
            if c[7] not in ("PCLI", "ADM1") and int(places[h][20]) >= int(c[20]):
                errs.append("region %s: name %s is also place %s in places.tsv, same or higher rank" % (c[1], n, places[h][1]))
ids = list(regions)
if ids != sorted(ids): errs.append("regions not sorted by id")

# names.tsv: id name lang source; ids of places, regions, posts (sites.tsv) or roads (highways.tsv)
posts = {l.split("\t")[0] for l in list(open(os.path.join(REPO, "Gazetteer", "sites.tsv"), encoding="utf-8"))[1:]}
roads = {l.split("\t")[0] for l in list(open(os.path.join(REPO, "Gazetteer", "highways.tsv"), encoding="utf-8"))[1:]}
name_text = open(os.path.join(REPO, "Gazetteer", "names.tsv"), encoding="utf-8").read()
if unicodedata.normalize("NFC", name_text) != name_text: errs.append("names.tsv not NFC")
nrows = name_text.rstrip("\n").split("\n")
if nrows[0] != "id\tname\tlang\tsource": errs.append("names.tsv header wrong: %r" % nrows[0])
seen_names, keys, per_lang = set(), [], {}
def is_arabic(s): return any("\u0600" <= ch <= "\u06ff" for ch in s)
for i, line in enumerate(nrows[1:], 2):
    c = line.split("\t")
    if len(c) != 4 or not all(x.strip() == x and x for x in c):
        errs.append("names line %d: want 4 non-empty trimmed columns" % i); continue
    nid, nm, lang, src = c
    if nid.isdigit():
        if int(nid) not in places and int(nid) not in regions: errs.append("names line %d: unknown id %s" % (i, nid))
    elif nid not in posts and nid not in roads:
        errs.append("names line %d: unknown post/road %s" % (i, nid))
    if lang not in ("ar", "tr", "fr", "en"): errs.append("names line %d: lang %s" % (i, lang))
    if (lang == "ar") != is_arabic(nm): errs.append("names line %d: %s script does not fit lang %s" % (i, nm, lang))
    if (nid, nm, lang) in seen_names: errs.append("names line %d: duplicate (%s, %s, %s)" % (i, nid, nm, lang))
    seen_names.add((nid, nm, lang))
    keys.append(((0, int(nid), "") if nid.isdigit() else (1, 0, nid), lang))
    per_lang[lang] = per_lang.get(lang, 0) + 1
if keys != sorted(keys): errs.append("names.tsv not sorted by id then lang")
print("regions: %d; names: %d (%s)" % (len(regions), len(nrows) - 1, ", ".join("%s %d" % kv for kv in sorted(per_lang.items()))))
print("places: %d, control rows: %d" % (len(places), len(rows) - 1))
print("news names not resolvable (no source coordinates):", ", ".join(missing) or "none")
for e in errs[:50]: print("ERROR", e)
print("%d errors" % len(errs))
sys.exit(1 if errs else 0)
