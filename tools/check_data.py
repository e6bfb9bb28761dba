#!/usr/bin/env python3
"""Sanity checks for Gazetteer/places.tsv and Reports/control.tsv."""
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
print("places: %d, control rows: %d" % (len(places), len(rows) - 1))
print("news names not resolvable (no source coordinates):", ", ".join(missing) or "none")
for e in errs[:50]: print("ERROR", e)
print("%d errors" % len(errs))
sys.exit(1 if errs else 0)
