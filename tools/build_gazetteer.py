#!/usr/bin/env python3
"""Build Gazetteer/places.tsv (GeoNames-compatible, 21 columns) for mapgen.

Inputs (read-only, not shipped): <data>/gazetteer/geonames-nw.tsv and wikimap-nw.tsv
  (default data dir /work/shared/data, or first argument).
Output: <repo>/Gazetteer/places.tsv, byte-for-byte reproducible.

Sources: GeoNames (geonames.org, CC BY 4.0); Wikipedia, Syrian Civil War detailed map
module (CC BY-SA), a copy from about mid-2017.  Hand-curated display names, variants,
ranks and a few extra rows live in the dicts below.
"""
import csv
import difflib
import math
import os
import re
import sys
import unicodedata

DATA = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "Gazetteer", "places.tsv")

WIKI_ID_BASE = 90000000  # + line number in wikimap-nw.tsv (header = line 1)
WIKI_SRC = "Wikipedia: Syrian Civil War detailed map module (mid-2017)"

# ---------------------------------------------------------------- helpers

def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def ascii_name(s):
    s = fold(s)
    s = re.sub(r"[‘’ʿʾ`´]", "'", s)
    s = s.replace("ı", "i").replace("ş", "s").replace("ê", "e").replace("î", "i")
    s = s.encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", s).strip()


ARTICLES = r"(al|el|ar|as|ash|at|ad|az|an|adh|ath| al-)"


def skel(s):
    """Loose comparison key: no accents, apostrophes, articles, doubled letters."""
    s = fold(s).lower()
    s = re.sub(r"\(.*?\)", " ", s)
    s = re.sub(r"[‘’ʿʾ'`´]", "", s)
    s = re.sub(r"\b" + ARTICLES + r"[- ]", " ", s)
    s = re.sub(r"\b(tell|tal|tall)\b", "tel", s)
    s = re.sub(r"\b(sheikh|shaykh|shaikh|cheikh)\b", "shekh", s)
    s = re.sub(r"[^a-z]", "", s)
    s = s.replace("ou", "u").replace("ee", "i").replace("ei", "i")
    s = re.sub(r"(.)\1+", r"\1", s)
    return s


def sim(a, b):
    return difflib.SequenceMatcher(None, skel(a), skel(b)).ratio()


def km(la1, lo1, la2, lo2):
    return math.hypot((la1 - la2) * 111.2, (lo1 - lo2) * 111.2 * math.cos(math.radians((la1 + la2) / 2)))


def fmt(x):
    s = ("%.5f" % x).rstrip("0").rstrip(".")
    return s

# ---------------------------------------------------------------- curated data

# Display names (column 2) for GeoNames rows, by geonameid.
GN_DISPLAY = {
    170063: "Aleppo", 169389: "Idlib", 164816: "Saraqib", 171451: "Binnish", 164782: "Sarmin",
    163799: "Taftanaz", 167611: "Maarat al-Numan", 169023: "Jisr al-Shughur", 172994: "Ariha",
    168325: "Khan Shaykhun", 174030: "Atarib", 170857: "Darat Izza", 172082: "Azaz",
    174186: "Afrin", 168661: "Kafr Nabl", 164898: "Salqin", 169866: "Harem", 174259: "Dana",
    166640: "Morek", 174611: "Abu al-Duhur", 174191: "Afis", 172045: "Zarbah", 170017: "Hama",
    173576: "Latakia", 167605: "Maarat Misrin", 171694: "Batabo", 168629: "Kafr Takharim",
    168620: "Kafr Zita", 166331: "Nubl", 163476: "Tell Rifaat", 172503: "Al-Safira",
    174018: "Al-Bab", 166285: "Qabasin", 169190: "Jindires", 173715: "Al-Janudiyah",
    170137: "Al-Hader", 169563: "Hish", 169858: "Haritan", 172347: "Al-Tamanah",
    166227: "Qalaat al-Madiq", 170044: "Halfaya", 166742: "Mhardeh", 163915: "Suran",
    163913: "Sawran", 164094: "Sinjar", 172027: "Al-Ziyarah", 172988: "Armanaz", 170865: "Darkush",
    174144: "Ihsim", 169138: "Al-Rai", 174115: "Akhtarin", 167245: "Marea", 168351: "Khanasir",
    163747: "Tall al-Daman", 171851: "Banan al-Hass", 169358: "Lislamin", 173852: "Al-Hajib",
    169304: "Jableh", 171830: "Baniyas", 167046: "Masyaf", 164947: "Salamiyah", 167357: "Manbij",
    170785: "Dayr Hafir", 163921: "Al-Suqaylabiyah", 173364: "Qardaha", 173856: "Al-Haffah",
    168519: "Kessab", 163811: "Tadef", 163270: "Tayyibat al-Imam", 163470: "Tell Salhab",
    165571: "Rajo", 164354: "Sheikh al-Hadid", 173830: "Al-Hamra", 172515: "Al-Sa'an",
    168724: "Kafr Saghir", 9847679: "Tremseh", 171147: "Burj Islam",
}

# Display names for wikimap-only rows, by the wikimap name.
WM_DISPLAY = {
    "Mastumah": "Al-Mastumah", "Eis": "Al-Eis", "Tell Touqan": "Tell Tuqan", "Nairab": "Nayrab",
    "Qmenas": "Qminas", "Salwah": "Salwa", "Ishtabraq": "Eshtabraq",
    "Saint Simeon Citadel (Qalat Semaan)": "Qalaat Siman", "Shaykh 'Aqil": "Sheikh Aqil",
    "Al-Rashidin 4 Sector": "Rashidin 4", "Khan al-Sibel": "Khan al-Subul",
    "Abu al-Duhur Military Airbase": "Abu al-Duhur Air Base",
    "Aleppo International Airport & Nayrab Airbase": "Aleppo International Airport",
    "Kuweires Airbase": "Kuweires Air Base",
}

# Extra spelling variants, by display name.
VARIANTS = {
    "Saraqib": ["Saraqeb", "Sarāqib", "Sraqib", "Saraqib City"],
    "Binnish": ["Benesh", "Binish", "Bennish"],
    "Al-Mastumah": ["Al-Mastoumah", "Mastumah", "Mastouma", "Mastoumah", "al-Mastumah", "Al Mastumah", "Al-Mastoumeh"],
    "Afis": ["Afes", "Afs", "Afess"],
    "Qminas": ["Qmenas", "Qaminas", "Qumaynas", "Qmeinas"],
    "Tell Tuqan": ["Tell Touqan", "Tal Tukan", "Tal Toqan", "Tall Tukan", "Tell Toqan", "Tal Touqan", "Tal Toukan", "Tal Tuqan", "Tallat al-Tuqan"],
    "Al-Eis": ["Eis", "Al-Ais", "Al-Is", "al-Ess", "Al Eis", "Al-Eiss", "Ais"],
    "Jabal Al-Eis": ["Tell al-Eis", "Tal al-Eis", "Tallat al-Eis", "Eis hill", "Tell Eis"],
    "Surman": ["Sarman", "Sirman", "al-Surman", "al-Sirman"],
    "Morek": ["Murak", "Mūrak", "Mourek", "Murek"],
    "Maarat al-Numan": ["Maarrat al-Nu'man", "Ma‘arrat an Nu‘mān", "Maarrat al-Numan", "Ma'arat al-Nu'man", "Maarat al-Nouman", "Ma'arrat al-Nu'man", "Maaret al-Numan", "Ma'arat al-Numan", "Maarrat an-Nu'man"],
    "Jisr al-Shughur": ["Jisr Shughur", "Jisr al-Shughour", "Jisr ash-Shughur", "Jisr ash Shughur"],
    "Salwa": ["Salwah", "Selwa"],
    "Eshtabraq": ["Ishtabraq", "Jabal Eshtabraq", "Ishtabrak", "Jabal Ishtabraq", "Eshtabrak"],
    "Kafr Lusin": ["Kafr Lousin", "Kafr Lousen", "Kafr Losin", "Kafrlusin"],
    "Taftanaz": ["Taftanāz", "Taftnaz"],
    "Taftanaz Air Base": ["Taftanaz military airport", "Taftanaz Airbase", "Taftanaz Military Airbase", "Taftanaz airport", "Taftanaz air base"],
    "Kafr Amim": ["Kafr Amin", "Kafr Ameem", "Kafr 'Amim"],
    "Abu al-Duhur": ["Abu Duhur", "Abu al-Dhuhur", "Abu al-Zuhur", "Abu al-Thuhur", "Abu ad-Duhur", "Abu Zuhur"],
    "Abu al-Duhur Air Base": ["Abu al-Duhur airbase", "Abu Duhur airbase", "Abu al-Duhur Military Airbase", "Abu al-Duhur military airport", "Abu Duhur Air Base"],
    "Nayrab": ["Nairab", "al-Nairab", "al-Nayrab", "Al Nayrab"],
    "Zarbah": ["Zirbah", "Zorba", "al-Zarbah", "al-Zirbah", "Al-Zerbah", "Zurbah", "al-Zarba", "Zerbah"],
    "Rashidin 4": ["Rashidin", "Rashideen", "Rashedin", "al-Rashidin", "al-Rashideen", "Rashidin 4 district", "Rashideen 4"],
    "Azaz": ["A'zaz", "I‘zāz", "Aazaz", "Izaz"],
    "Aleppo": ["Halab", "Haleb", "Alep"],
    "Idlib": ["Idleb", "Edlib", "Idlib city"],
    "Antakya": ["Hatay", "Antioch", "Antakiya"],
    "Ankara": ["Angora"],
    "Damascus": ["Dimashq", "Sham"],
    "Khan Shaykhun": ["Khan Sheikhoun", "Khan Sheikhun", "Khan Shaykhoun", "Khan Shaikhoun"],
    "Atarib": ["al-Atarib", "Al Atarib", "Al-Atareb", "Atareb"],
    "Darat Izza": ["Daret Azza", "Darat Izzah", "Daret Izza", "Darat Azza"],
    "Qalaat Siman": ["Qal'at Sim'an", "Qalat Semaan", "Qalaat Semaan", "Saint Simeon Citadel", "Qal'at Sama'an", "Qalaat Sim'an"],
    "Sheikh Aqil": ["Shaykh 'Aqil", "Jabal Sheikh Aqil", "Sheikh Oqail", "Shaykh Aqil", "Sheikh Akil"],
    "Sarmin": ["Sarmeen", "Sarmīn"],
    "Kafr Nuran": ["Kafr Noran", "Kafarnouran", "Kafr Nouran"],
    "Khan al-Subul": ["Khan al-Sibel", "Khan al-Sabil", "Khan al-Sobol", "Khan Sebel", "Khan al-Sibl"],
    "Kafr Nabl": ["Kafranbel", "Kafr Nubl", "Kafranbul", "Kafar Nabl"],
    "Dana": ["Al-Dana", "Ad Dana", "al-Dana"],
    "Ariha": ["Arīḩā", "Areeha"],
    "Anadan": ["Inadan", "Anadān"],
    "Harem": ["Harim", "Ḩārim"],
    "Tell Rifaat": ["Tal Rifaat", "Tell Rifat", "Tall Rif'at"],
    "Al-Tamanah": ["Tamanah", "al-Tamanaa", "Al-Tamanaa", "Tamanaa", "Al-Tamanah"],
    "Al-Hader": ["Hader", "al-Hadher", "Al Hadir", "al-Hadir", "Hadher"],
    "Haritan": ["Hreitan", "Hritan", "Hraytan", "Huraytan"],
    "Marea": ["Mare'", "Mare", "Marea'"],
    "Jindires": ["Jandairis", "Jinderes", "Cindirêsê", "Jindayris"],
    "Qabasin": ["Kabbasin", "Qabbasin"],
    "Mhardeh": ["Mahardah", "Maharda", "Muhradah"],
    "Maarat Misrin": ["Maarrat Misrin", "Ma'arat Misrin", "Maaret Misrin", "Maarrat Masrin"],
    "Kafr Zita": ["Kafr Zayta", "Kafr Zeita", "Kafrzita"],
    "Salqin": ["Salqeen"],
    "Hama": ["Hamah", "Hamaa"],
    "Latakia": ["Lattakia", "Al-Ladhiqiyah", "Ladhiqiyah"],
    "Aleppo International Airport": ["Nayrab Airbase", "Nairab airbase", "Aleppo airport", "Aleppo International Airport & Nayrab Airbase"],
    "Kuweires Air Base": ["Kuweires Airbase", "Kuweires Military Airbase", "Kweires airbase"],
    "Bab al-Hawa": ["Bab al-Hawa border crossing", "Bab al Hawa", "Cilvegözü"],
    "Qalaat al-Madiq": ["Qalat al-Madiq", "Qal'at al-Madiq", "Qalaat al-Mudiq"],
    "Sinjar": ["Sinjār"],
    "Zaytunah": ["al-Zaytunah", "Zeytunah", "Zaytuneh", "al-Zaytuna"],
}

# Wikimap rows not to merge into the GeoNames place nearby (different places).
NO_MERGE = {"Taftanaz Air Base"}

# Rows whose name in wikimap is empty but whose link names the place (line number -> name).
LINK_NAMES = {}  # filled automatically from the link column

# Feature-code overrides by display name.
FEATURE_OVERRIDE = {
    "Kafr Lusin": ("S", "PSTB"),
    "Bab al-Hawa": ("S", "PSTB"),
    "Taftanaz Air Base": ("S", "AIRB"),
    "Al-Mastumah": ("P", "PPL"),
}
PPLA = {"Idlib", "Aleppo", "Hama", "Latakia"}
PPLA2 = {"Ariha", "Harem", "Jisr al-Shughur", "Maarat al-Numan", "Afrin", "Azaz", "Al-Bab",
         "Manbij", "Jableh", "Baniyas", "Masyaf", "Mhardeh", "Salamiyah", "Al-Suqaylabiyah",
         "Qardaha", "Al-Haffah", "Dayr Hafir", "Al-Safira", "Atarib"}

RANK_OVERRIDE = {
    "Idlib": 5, "Aleppo": 5, "Antakya": 5, "Hama": 5, "Latakia": 5, "Damascus": 5, "Ankara": 5,
    "Saraqib": 4, "Maarat al-Numan": 4, "Jisr al-Shughur": 4, "Ariha": 4, "Binnish": 4,
    "Sarmin": 4, "Taftanaz": 4, "Khan Shaykhun": 4, "Atarib": 4, "Darat Izza": 4, "Azaz": 4,
    "Afrin": 4, "Kafr Nabl": 4, "Salqin": 4, "Harem": 4, "Dana": 4, "Al-Bab": 4, "Manbij": 4,
    "Maarat Misrin": 4, "Sarmada": 4, "Kafr Takharim": 4, "Morek": 3, "Abu al-Duhur": 3,
    "Taftanaz Air Base": 3, "Abu al-Duhur Air Base": 3, "Al-Mastumah": 3, "Tell Tuqan": 3,
    "Al-Eis": 3, "Kafr Amim": 2, "Nayrab": 3, "Qminas": 3, "Afis": 3, "Zarbah": 3,
    "Khan al-Subul": 3, "Kafr Lusin": 3, "Bab al-Hawa": 4, "Rashidin 4": 2, "Anadan": 3,
    "Qalaat Siman": 2, "Sheikh Aqil": 2, "Eshtabraq": 2, "Salwa": 2, "Kafr Nuran": 2,
    "Tell Rifaat": 3, "Nubl": 3, "Hish": 3, "Al-Tamanah": 3, "Kafr Zita": 3, "Jableh": 4,
    "Baniyas": 4,
}

# Places outside both extracts.  Values: id, name, lat, lon, fclass, fcode, cc, pop, source, rank
EXTRA = [
    (323786, "Ankara", 39.91987, 32.85427, "P", "PPLC", "TR", 3517182, "Europe/Istanbul",
     "GeoNames 323786 (id/coordinates entered by hand from geonames.org)", 5),
    (323779, "Antakya", 36.20655, 36.15722, "P", "PPLA", "TR", 144910, "Europe/Istanbul",
     "GeoNames 323779 (id/coordinates entered by hand from geonames.org); seat of Hatay province", 5),
    (170654, "Damascus", 33.5102, 36.29128, "P", "PPLC", "SY", 1569394, "Asia/Damascus",
     "GeoNames 170654 (id/coordinates entered by hand from geonames.org)", 5),
]

# ---------------------------------------------------------------- read inputs

def read_geonames():
    rows = []
    with open(os.path.join(DATA, "gazetteer", "geonames-nw.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            rows.append({"id": int(r["geonameid"]), "gname": r["name"], "lat": float(r["lat"]),
                         "lon": float(r["lon"]), "pop": int(r["population"] or 0)})
    return rows


def read_wikimap():
    rows = []
    with open(os.path.join(DATA, "gazetteer", "wikimap-nw.tsv"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    for lineno, line in enumerate(lines, start=1):
        if lineno == 1 or not line.strip():
            continue
        c = line.split("\t")
        c += [""] * (7 - len(c))
        name, lat, lon, mark, size, link, comment = c[:7]
        if not mark.startswith("m."):
            continue  # .svg / BSicon helper rows
        name = name.strip()
        if not name:
            # recover a name from the link anchor ("#Arshaf", "Ihtaimlat"), else skip
            l = link.split("#")[-1].strip()
            if not l or mark.startswith("m.pass"):
                continue
            name = l
        rows.append({"line": lineno, "name": name, "lat": float(lat), "lon": float(lon),
                     "mark": mark, "size": int(size or 0), "link": link})
    return rows


def wm_kind(mark):
    m = mark[2:]
    if m.startswith("pass"):
        return ("S", "PSTB")
    if m == "Trk_base" or m.endswith("_base"):
        return ("S", "MILB")
    if m.endswith("_hill"):
        return ("T", "HLL")
    if m.endswith("_air") or m.endswith("_heli"):
        return ("S", "AIRB")
    if m.endswith("_industry"):
        return ("S", "INDS")
    if m.endswith("_naval"):
        return ("L", "PRT")
    return ("P", "PPL")


def is_town_mark(mark):
    return wm_kind(mark) == ("P", "PPL")

# ---------------------------------------------------------------- build

def main():
    gn = read_geonames()
    wm = read_wikimap()

    # camps by name
    places = {}  # id -> dict
    used = set()

    # 1. GeoNames rows + merge wikimap marks nearby
    for g in gn:
        cands = []
        for w in wm:
            if w["name"] in NO_MERGE:
                continue
            d = km(g["lat"], g["lon"], w["lat"], w["lon"])
            if d > 3.0:
                continue
            s = sim(g["gname"], w["name"])
            if s >= 0.7 or (d <= 0.6 and is_town_mark(w["mark"])) or \
               (skel(GN_DISPLAY.get(g["id"], "")) == skel(w["name"])):
                cands.append((d, w))
        cands.sort(key=lambda t: (t[0], t[1]["line"]))
        merged = [w for d, w in cands]
        for w in merged:
            used.add(w["line"])
        disp = GN_DISPLAY.get(g["id"])
        if not disp:
            disp = WM_DISPLAY.get(merged[0]["name"], merged[0]["name"]) if merged else ascii_name(g["gname"]).replace("'", "")
        places[g["id"]] = {
            "id": g["id"], "name": disp, "lat": g["lat"], "lon": g["lon"], "pop": g["pop"],
            "alts": [g["gname"], ascii_name(g["gname"])] + [w["name"] for w in merged],
            "wm": merged, "fc": ("P", "PPL"), "cc": "SY",
            "src": "GeoNames %d" % g["id"] + ("; variant spellings: Wikipedia map module" if merged else ""),
        }

    # 2. wikimap-only rows, deduplicated (same loose name within 3 km -> one row)
    groups = []
    for w in wm:
        if w["line"] in used:
            continue
        k = skel(w["name"])
        for grp in groups:
            h = grp[0]
            if skel(h["name"]) == k and km(h["lat"], h["lon"], w["lat"], w["lon"]) <= 3.0 \
               and (wm_kind(h["mark"]) == wm_kind(w["mark"]) or "pass" in h["mark"] or "pass" in w["mark"]):
                grp.append(w)
                break
        else:
            groups.append([w])
    for grp in groups:
        # the passes first (feature), else the biggest mark
        grp.sort(key=lambda w: (0 if "pass" in w["mark"] else 1, -w["size"], w["line"]))
        h = grp[0]
        pid = WIKI_ID_BASE + h["line"]
        disp = WM_DISPLAY.get(h["name"], h["name"])
        places[pid] = {
            "id": pid, "name": disp, "lat": h["lat"], "lon": h["lon"], "pop": 0,
            "alts": [w["name"] for w in grp], "wm": grp, "fc": wm_kind(h["mark"]), "cc": "SY",
            "src": WIKI_SRC,
        }

    # 3. extras
    for (pid, name, lat, lon, fcl, fco, cc, pop, tz, src, rank) in EXTRA:
        places[pid] = {"id": pid, "name": name, "lat": lat, "lon": lon, "pop": pop, "alts": [],
                       "wm": [], "fc": (fcl, fco), "cc": cc, "src": src, "tz": tz, "rank": rank}

    # 4. feature codes, ranks, alternatenames
    for p in places.values():
        n = p["name"]
        if p["wm"] and p["fc"] == ("P", "PPL"):
            kinds = [wm_kind(w["mark"]) for w in p["wm"]]
            if ("S", "PSTB") in kinds:
                p["fc"] = ("S", "PSTB")
        if re.search(r"\bcamp\b", n, re.I) and p["fc"] == ("P", "PPL"):
            p["fc"] = ("S", "CMP")
        if n in FEATURE_OVERRIDE:
            p["fc"] = FEATURE_OVERRIDE[n]
        if p["fc"][0] == "P" and p["fc"][1] == "PPL":
            if n in PPLA:
                p["fc"] = ("P", "PPLA")
            elif n in PPLA2:
                p["fc"] = ("P", "PPLA2")
        if "rank" not in p:
            size = max([w["size"] for w in p["wm"]] or [0])
            if p["fc"][0] != "P":
                r = 2 if size >= 10 else 1
            elif p["pop"] >= 100000:
                r = 5
            elif p["pop"] >= 20000 or size >= 10:
                r = 4
            elif p["pop"] >= 5000 or size >= 8:
                r = 3
            elif size >= 5 or (p["pop"] > 0) or (not p["wm"]):
                r = 2
            else:
                r = 1
            p["rank"] = RANK_OVERRIDE.get(n, r)
        alts = []
        for a in p["alts"] + VARIANTS.get(n, []):
            for part in re.split(r"[(),/]", a):
                part = re.sub(r"\s+", " ", part).strip()
                if len(part) >= 3 and part != n and part not in alts and not part.lower().startswith("e.g"):
                    alts.append(part)
            # also the full string without commas, if it had parentheses but no commas
            if "(" in a and "," not in a:
                full = re.sub(r"\s+", " ", a).strip()
                if full != n and full not in alts:
                    alts.append(full)
        p["altstr"] = ",".join(alts)

    # 5. write
    rows = sorted(places.values(), key=lambda p: p["id"])
    ids = [p["id"] for p in rows]
    assert len(ids) == len(set(ids))
    out = []
    out.append("# mapgen gazetteer, GeoNames-compatible TSV (no header row), UTF-8; built by tools/build_gazetteer.py")
    out.append("# columns: geonameid name asciiname alternatenames latitude longitude feature_class feature_code country_code cc2 admin1 admin2 admin3 admin4 population elevation dem timezone source(col20) rank(col21, 1..5)")
    out.append("# attribution: GeoNames (geonames.org, CC BY 4.0); Wikipedia, Syrian Civil War detailed map module (CC BY-SA); ids >= 90000000 = wikimap-only places (90000000 + line number in the module extract)")
    for p in rows:
        cols = [str(p["id"]), p["name"], ascii_name(p["name"]), p["altstr"], fmt(p["lat"]), fmt(p["lon"]),
                p["fc"][0], p["fc"][1], p["cc"], "", "", "", "", "", str(p["pop"]), "", "",
                p.get("tz", "Asia/Damascus"), p["src"], str(p["rank"])]
        # 20 so far -> make 21: GeoNames layout has 19 std cols; we use 20 = source, 21 = rank
        cols = cols[:17] + [p.get("tz", "Asia/Damascus"), "", p["src"], str(p["rank"])]
        assert len(cols) == 21, cols
        assert all("\t" not in c and "\n" not in c for c in cols)
        out.append("\t".join(cols))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")
    print("wrote %s: %d places" % (OUT, len(rows)))


if __name__ == "__main__":
    main()
