#!/usr/bin/env python3
"""Build Reports/control.tsv (town-level control claims) and tools/control_unmatched.tsv.

Inputs: Gazetteer/places.tsv (built by build_gazetteer.py), and from the shared data dir
(default /work/shared/data, or first argument): gazetteer/wikimap-nw.tsv (2017 marks),
timeline/changes_2017_2019.tsv, timeline/control_changes.tsv.  Plus a few hand-entered
rows from the five seed reports (facts only).  Output is deterministic.
"""
import calendar
import csv
import difflib
import json
import math
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_gazetteer import skel, km, read_wikimap, wm_kind, WIKI_ID_BASE  # noqa: E402

DATA = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLACES = os.path.join(REPO, "Gazetteer", "places.tsv")
OUT = os.path.join(REPO, "Reports", "control.tsv")
UNMATCHED = os.path.join(REPO, "tools", "control_unmatched.tsv")

COLS = ["date", "place", "place_id", "holder", "role", "confidence", "outlet", "published",
        "attributed_to", "url", "note"]
CONF_RANK = {"high": 3, "medium": 2, "low": 1, "assessed": 0}

# ------------------------------------------------------------------ areas
# (lat_min, lat_max, lon_min, lon_max)
AREAS = [
    (r"\b(se|south-?east(ern)?) idlib|abu (al-)?duh", (35.40, 35.90, 36.68, 37.15)),
    (r"\b(sw|s|south|southern|south-?west(ern)?) aleppo|al-eis|al-hader|khan tuman", (35.92, 36.22, 36.85, 37.20)),
    (r"\b(w|west|western|nw|north-?west(ern)?)\.? aleppo|aleppo's (nw|north-?western|western)|west of aleppo|anadan plain", (36.08, 36.42, 36.78, 37.15)),
    (r"\b(n|north|northern) hama", (35.15, 35.50, 36.30, 36.90)),
    (r"\b(nw|north-?west(ern)?) hama|\bghab\b|shahshabu|shashabo", (35.25, 35.90, 36.18, 36.52)),
    (r"\b(ne|north-?east(ern)?) hama|isis pocket|isil pocket", (35.00, 35.60, 36.85, 37.75)),
    (r"jabal al-zawiya|\b(s|south|southern) idlib|kafr nabl|maarat al-numan|maarrat", (35.45, 35.85, 36.40, 36.80)),
    (r"\b(e|east|eastern) idlib|saraqib|m5", (35.70, 36.05, 36.62, 37.10)),
    (r"afrin|jinderes|turkish-backed", (36.30, 36.85, 36.45, 37.10)),
    (r"latakia|kabani", (35.50, 36.00, 35.80, 36.35)),
]
DEFAULT_AREA = {
    "control_changes": (35.30, 36.42, 36.20, 37.25),
    "changes_2017_2019": (35.00, 36.85, 35.80, 37.80),
}

# names with known homonyms: only matched when an area is stated and the place lies inside
HOMONYMS = {skel(x) for x in ["Suruj", "Sarjah", "Zarzur", "Zarzour", "Mushayrifah", "Musharifah",
            "Mashrafah", "Musheirifah", "Ma'saran", "Sheikh Idris", "Ijaz", "Ajaz", "Rasm al-Ward",
            "Khuwayn", "al-Khuwayn", "Afrin", "Sheikh Ali", "Dana", "Rabia", "Rabiyah", "Jdeideh",
            "Tell Sakhr", "al-Burj", "Harran", "Zahraa", "al-Hamra", "Hamra", "Bostan"]}

# explicit matches (source file, date, name piece) -> place id (None = deliberately unmatched)
MANUAL_BY_NAME = {
    # piece (lowercase) -> display name in places.tsv
    "zuwayqat mountain": "Jabal Zuwayqat",
    "afrin city": "Afrin",
    "abu al-duhur airbase": "Abu al-Duhur Air Base",
    "abu al-duhur (town)": "Abu al-Duhur",
    "abu al-duhur (whole town)": "Abu al-Duhur",
    "abu al-duhur town": "Abu al-Duhur",
    "al-eis (town and hill)": "Al-Eis",
    "tal tuqan (tal toukan) area": "Tell Tuqan",
    "rashidin 4 district": "Rashidin 4",
    "regiment 46 base": "46th Regiment",
    "khan tuman depots": None,
    "jinderes (jandairis)": "Jindires",
    "kafr nabl (kafranbel)": "Kafr Nabl",
    "qatrah": None, "qatrah (qatra)": None,  # SE-Idlib Qatrah; fuzzy hit Qaturah is near Darat Izza
    "al-thuriyah": None,  # fuzzy hit 'Huriyah' not verified

}
SKIP_WORDS = re.compile(r"villages|settlements|farms|highway|\bm5\b|\bm4\b|km2|aggregate|districts|hamlets|"
                        r"silos|localities|unnamed|link-up|crossing point|front|pocket|salient|swamp|"
                        r"countryside|towns|approach|air defence base|neighbourhoods|areas near|"
                        r"building|sector|^\d|^\+", re.I)

# ------------------------------------------------------------------ outlets
OUTLETS = [
    ("almasdarnews", "Al-Masdar News"), ("al-masdar", "Al-Masdar News"), ("southfront", "SouthFront"),
    ("south front", "SouthFront"), ("syriahr", "SOHR"), ("sohr", "SOHR"), ("iswnews", "ISW News"),
    ("isw news", "ISW News"), ("sana.sy", "SANA"), ("(sana)", "SANA"), ("reuters", "Reuters"),
    ("sputnik", "Sputnik"), ("urdupoint", "UrduPoint/Sputnik"), ("presstv", "Press TV"),
    ("almanar", "Al-Manar"), ("al-manar", "Al-Manar"), ("trtworld", "TRT World"), ("rt.com", "RT"),
    ("tass", "TASS"), ("newarab", "The New Arab"), ("hawarnews", "Hawar News"),
    ("alarabiya", "Al Arabiya"), ("news-front", "News Front"), ("xinhua", "Xinhua"),
    ("sn4hr", "SNHR"), ("thenational", "The National"), ("thefrontierpost", "The Frontier Post"), ("aljazeera", "Al Jazeera"), ("wikipedia", "Wikipedia"), ("wiki", "Wikipedia"),
    ("front-lines-org", "Wikipedia"), ("panarmenian", "PanARMENIAN"), ("qasioun", "Qasioun"),
    ("syriatimes", "Syria Times"), ("syria times", "Syria Times"), ("hamodia", "Reuters"),
    ("aa.com.tr", "Anadolu"), ("anadolu", "Anadolu"), ("enabbaladi", "Enab Baladi"),
    ("mari-sy", "MARI"), ("brecorder", "AFP"), ("afp", "AFP"), ("islamicinvitationturkey", "Al-Masdar News"),
    ("therussophile", "therussophile.org"), ("uprootedpalestinians", "uprootedpalestinians"),
    ("muraselon", "Muraselon"), ("defence-point", "Defence Point"), ("syriatoday", "Syria Today"),
]


def outlet_of(title, url):
    t = title.lower()
    m = re.search(r"reposting ([A-Za-z\-/ ]+?)[,)]", title)
    if m:
        o = m.group(1).strip()
        for k, v in OUTLETS:
            if k in o.lower():
                return v, "via " + title[title.rfind("(") + 1:].split(" reposting")[0]
        return o, ""
    for k, v in OUTLETS:
        if k in url.lower():
            return v, ""
    for k, v in OUTLETS:
        if k in t:
            return v, ""
    host = re.sub(r"^https?://(www\.)?", "", url).split("/")[0]
    return host or "unknown", ""


def attributed(title, note, outlet):
    s = title + " " + note
    for pat, who in [(r"General Command", "Syrian Army General Command"), (r"\bSANA\b", "SANA"),
                     (r"state TV|Syrian TV", "Syrian state TV"), (r"TASS", "TASS military source"),
                     (r"\bSOHR\b|Observatory", "SOHR"), (r"Hezbollah", "Hezbollah military media"),
                     (r"Xinhua", "Xinhua")]:
        if re.search(pat, s) and who != outlet:
            return who
    return outlet


def pub_date(title, date):
    m = re.search(r"(\d{4}-\d{2}-\d{2})", title)
    if m:
        return m.group(1), ""
    return date, "published date not in source title; event date used"

# ------------------------------------------------------------------ dates

def norm_date(raw):
    """-> (iso date, note) ; last day of a range/month."""
    raw = raw.strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", raw)
    if m:
        return raw, ""
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})/(\d{2})-(\d{2})", raw)
    if m:
        return "%s-%s-%s" % (m.group(1), m.group(4), m.group(5)), "date range %s" % raw
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})/(\d{2})", raw)
    if m:
        y, mo, d, e = m.group(1), int(m.group(2)), int(m.group(3)), int(m.group(4))
        if e < d:  # e.g. 2017-10-23/11 -> into the next month (read as November)
            if e <= 12 and mo < 12 and e == mo + 1:
                last = calendar.monthrange(int(y), e)[1]
                return "%s-%02d-%02d" % (y, e, last), "date range %s (end month only)" % raw
            mo += 1
        return "%s-%02d-%02d" % (y, mo, e), "date range %s" % raw
    m = re.match(r"^(\d{4})-(\d{2})/(\d{4})-(\d{2})", raw)
    if m:
        y, mo = int(m.group(3)), int(m.group(4))
        return "%d-%02d-%02d" % (y, mo, calendar.monthrange(y, mo)[1]), "date range %s" % raw
    m = re.match(r"^(\d{4})-(\d{2}) \(mid\)", raw)
    if m:
        return "%s-%s-15" % (m.group(1), m.group(2)), "date given as %s" % raw
    m = re.match(r"^(\d{4})-(\d{2})", raw)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        return "%d-%02d-%02d" % (y, mo, calendar.monthrange(y, mo)[1]), "date given as %s (month only; last day used)" % raw
    return None, "no date"

# ------------------------------------------------------------------ gazetteer

def load_places():
    places = {}
    index = {}
    with open(PLACES, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            c = line.rstrip("\n").split("\t")
            p = {"id": int(c[0]), "name": c[1], "lat": float(c[4]), "lon": float(c[5]),
                 "fclass": c[6], "fcode": c[7], "rank": int(c[20])}
            places[p["id"]] = p
            names = [c[1], c[2]] + [a for a in c[3].split(",") if a]
            for n in names:
                k = skel(n)
                if k:
                    index.setdefault(k, set()).add(p["id"])
    return places, index


def in_box(p, box, margin=0.03):
    return box[0] - margin <= p["lat"] <= box[1] + margin and box[2] - margin <= p["lon"] <= box[3] + margin


def areas_in(text):
    t = text.lower()
    return [box for pat, box in AREAS if re.search(pat, t)]


# ------------------------------------------------------------------ the Swift matcher
# Names this script's own matching misses go to `mapgen resolve --json -` (the geoparser's
# matcher: spelling keys, articles anywhere, Arabic/Turkish/French forms). A first pass collects
# them, one batch call resolves them, the second pass uses the answers.
SWIFT = {}        # name -> resolve JSON object
PENDING = set()   # names to ask about
CONTEXT = {}      # source file -> [(date, lat, lon)] of the places this script matched itself (pass 1)
CURRENT = {"file": "", "date": ""}


def mapgen_command():
    if os.environ.get("MAPGEN_BIN"):
        return [os.environ["MAPGEN_BIN"]]
    for b in ("release", "debug"):
        exe = os.path.join(REPO, ".build", b, "mapgen")
        if os.path.exists(exe):
            return [exe]
    return ["swift", "run", "--package-path", REPO, "-c", "release", "mapgen"]


def swift_resolve(names):
    names = sorted(n for n in names if n and "\n" not in n)
    if not names:
        return
    cmd = mapgen_command() + ["resolve", "--json", "--near-misses", "--data", REPO, "-"]
    try:
        res = subprocess.run(cmd, input="\n".join(names) + "\n", capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as e:
        sys.exit("error: the Swift matcher failed (%s): build it with `swift build -c release` or set MAPGEN_BIN" % e)
    for line in res.stdout.splitlines():
        if line.startswith("{"):
            o = json.loads(line)
            SWIFT[o["query"]] = o


def near_reported(p, km_max):
    """A place this script matched itself, in the same source file within 3 days, lies within
    km_max of p: the reports of those days are about that neighbourhood."""
    d0 = CURRENT["date"]
    if not d0:
        return False
    for d, la, lo in CONTEXT.get(CURRENT["file"], []):
        if abs(day_number(d) - day_number(d0)) <= 3 and km(la, lo, p["lat"], p["lon"]) <= km_max:
            return True
    return False


def day_number(d):
    y, m, dd = (int(x) for x in d[:10].split("-"))
    return (y * 12 + m) * 31 + dd


def swift_match(name, boxes, default_box, places):
    """The geoparser's answer for a name, accepted only when it is certain (a wrong match moves
    a village to the wrong side): an exact or spelling-key match (never a transliteration) to
    one place of places.tsv (or several within 3 km) inside the stated area (or the file's
    default area, when the name has no known homonym); a spelling match must also lie within
    15 km of a place the same source reports within 3 days (unless an area is stated), and a
    near miss (spelling distance over 1, up to 1.75, and a key of 4 consonants or more: Trinbeh ~
    Turumbah) within 6 km."""
    o = SWIFT.get(name)
    if o is None:
        PENDING.add(name)
        return None, None
    if not o.get("found") or o.get("match") not in ("exact", "spelling"):
        return None, None
    cands = o.get("candidates") or [{"id": o["id"], "name": o["name"], "lat": o["lat"], "lon": o["lon"]}]
    ps = [places[c["id"]] for c in cands if isinstance(c["id"], int) and c["id"] in places]
    if not ps:
        return None, None
    if boxes:
        inside = [p for p in ps if any(in_box(p, b) for b in boxes)]
    else:
        if skel(o["name"]) in HOMONYMS or skel(name) in HOMONYMS:
            return None, None
        inside = [p for p in ps if in_box(p, default_box)]
    if not inside:
        return None, None
    far = max(km(a["lat"], a["lon"], b["lat"], b["lon"]) for a in inside for b in inside)
    if far > 3.0:
        return None, None
    p = sorted(inside, key=lambda p: (-p["rank"], p["id"]))[0]
    how = o["match"]
    if o["match"] == "spelling":
        if o.get("close", True):
            if not boxes and not near_reported(p, 15):
                return None, None
        else:
            if o.get("distance", 9) > 1.75 or o.get("key_consonants", 0) < 4 or not near_reported(p, 6):
                return None, None
            how = "near-miss spelling (distance %.2f, next to places reported the same days)" % o["distance"]
    return p["id"], "geoparser %s match '%s' -> %s" % (how, name, p["name"])


def match_name(name, boxes, default_box, places, index):
    """-> (place_id or None, reason)"""
    pid, reason = python_match(name, boxes, default_box, places, index)
    if pid or not reason.startswith(("no gazetteer name", "'")):
        return pid, reason
    spid, sreason = swift_match(name, boxes, default_box, places)
    return (spid, sreason) if spid else (pid, reason)


def python_match(name, boxes, default_box, places, index):
    """-> (place_id or None, reason)"""
    k = skel(name)
    if not k or len(k) < 2:
        return None, "empty name"
    ids = set(index.get(k, set()))
    if not ids:
        # near spellings (one-letter differences) in the same area
        close = difflib.get_close_matches(k, list(index.keys()), n=6, cutoff=0.88 if boxes else 0.92)
        for c in close:
            ids |= index[c]
        fuzzy = True
    else:
        fuzzy = False
    if not ids:
        return None, "no gazetteer name like '%s'" % name
    cands = [places[i] for i in ids]
    if boxes:
        inside = [p for p in cands if any(in_box(p, b) for b in boxes)]
    else:
        if k in HOMONYMS:
            return None, "homonym '%s' and no area stated" % name
        inside = [p for p in cands if in_box(p, default_box)]
    if not inside:
        return None, "'%s' in gazetteer only outside the stated area (%s)" % (
            name, ", ".join("%s %.3f,%.3f" % (p["name"], p["lat"], p["lon"]) for p in cands[:3]))
    if len(inside) > 1:
        towns = [p for p in inside if p["fclass"] == "P"]
        if len(towns) == 1:
            inside = towns
        else:
            # same place twice (e.g. village + hill of the same name within 3 km): take the best ranked
            far = max(km(a["lat"], a["lon"], b["lat"], b["lon"]) for a in inside for b in inside)
            if far <= 3.0:
                inside = sorted(inside, key=lambda p: (-p["rank"], p["id"]))[:1]
            else:
                return None, "ambiguous '%s': %s" % (name, "; ".join(
                    "%s %d %.3f,%.3f" % (p["name"], p["id"], p["lat"], p["lon"]) for p in inside))
    p = inside[0]
    return p["id"], ("fuzzy spelling match" if fuzzy else "")


def split_pieces(place):
    """'A; B (C); D + 3 villages' -> list of (piece, [alternates])"""
    s = re.sub(r"\s+-\s+.*$", "", place)  # 'Maar Dibsah (...) - road up to the town secured'
    s = re.sub(r"\(\+[^)]*\)", "", s)
    s = re.sub(r"\+.*$", "", s) if "+" in s and ";" not in s else s
    out = []
    for piece in re.split(r";|\band\b|,", s):
        piece = piece.strip()
        if not piece or piece == "...":
            continue
        alts = re.findall(r"\(([^)]*)\)", piece)
        main = re.sub(r"\([^)]*\)", "", piece).strip()
        main = re.sub(r"\s*\+.*$", "", main).strip()
        alts2 = []
        for a in alts:
            for x in re.split(r"[;,/]| per ", a):
                x = x.strip()
                if x and not re.search(r"\d|area|village|town|hill|SW |SE |N |W |E |NE |NW |of |near|axis|site|whole|Aleppo|Idlib|Hama|retaken|briefly|\?", x):
                    alts2.append(x)
        out.append((piece, main, alts2))
    return out

# ------------------------------------------------------------------ main


def main():
    # Pass 1 collects the names this script cannot match; the geoparser resolves them in one
    # batch; pass 2 builds the data with its answers.
    build(write=False)
    swift_resolve(PENDING)
    build(write=True)


def build(write):
    places, index = load_places()
    rows = []
    extra = []
    unmatched = []

    # ---- 1. baseline from the 2017 marks
    wm = read_wikimap()
    by_line = {w["line"]: w for w in wm}
    holder_of = lambda m: ("government" if m.startswith("m.gov") else
                           "sdf" if m.startswith("m.SDF") or m.startswith("m.stable_gov_SDF") else
                           "opposition" if m.startswith(("m.opp", "m.JaN", "m.stable_opp")) else None)
    # which wikimap lines went into which place: re-derive by nearest place with that name
    with open(PLACES, encoding="utf-8") as f:
        prows = [l.rstrip("\n").split("\t") for l in f if not l.startswith("#") and l.strip()]
    name2lines = {}
    for w in wm:
        name2lines.setdefault(w["name"], []).append(w)
    for c in prows:
        pid = int(c[0])
        p = places[pid]
        marks = []
        cand_names = [c[1]] + [a for a in c[3].split(",") if a]
        for n in cand_names:
            for w in name2lines.get(n, []):
                if km(w["lat"], w["lon"], p["lat"], p["lon"]) <= 3.0:
                    marks.append(w)
        if pid >= WIKI_ID_BASE and (pid - WIKI_ID_BASE) in by_line:
            marks.insert(0, by_line[pid - WIKI_ID_BASE])
        marks = [w for w in marks if not w["mark"].startswith(("m.pass", "m.Trk"))]
        if not marks:
            continue
        h = holder_of(marks[0]["mark"])
        if not h:
            continue
        rows.append({"date": "2017-06-30", "pid": pid, "holder": h, "role": "state", "confidence": "assessed",
                     "outlet": "Wikipedia", "published": "2017-06-30",
                     "attributed_to": "Syrian Civil War detailed map module (mid-2017 copy)",
                     "url": "https://en.wikipedia.org/wiki/Module:Syria_Aleppo_detailed_map",
                     "note": "baseline from 2017 map mark %s (approximate copy date)" % marks[0]["mark"],
                     "kind": "baseline"})

    # ---- 2. change files
    def handle(fname, r, date, dnote, holder, conf, flags):
        CURRENT["file"], CURRENT["date"] = fname, date or ""
        title, url, note = r["source_title"], r["source_url"], r.get("note", "")
        outlet, via = outlet_of(title, url)
        pub, pnote = pub_date(title, date)
        att = attributed(title, "", outlet)
        boxes_place = areas_in(r["place"])
        boxes = boxes_place or areas_in(note)
        matched_any = False
        pieces = split_pieces(r["place"])
        if r["place"].lower().strip() in MANUAL_BY_NAME:
            pieces = [(r["place"].strip(), r["place"].strip(), [])]
        multi = len(pieces) > 1
        for piece, main, alts in pieces:
            key = piece.lower().strip()
            if key in MANUAL_BY_NAME:
                target = MANUAL_BY_NAME[key]
                pid = None
                if target:
                    for p in places.values():
                        if p["name"] == target:
                            pid = p["id"]
                            break
                reason = "manual"
                if pid is None:
                    unmatched.append((fname, r["date"], r["place"], piece, "manually excluded (not a settlement)"))
                    continue
            elif SKIP_WORDS.search(main) or not main:
                unmatched.append((fname, r["date"], r["place"], piece, "aggregate/unnamed/not a town"))
                continue
            else:
                pid, reason = match_name(main, boxes, DEFAULT_AREA[fname], places, index)
                for a in alts:
                    if pid:
                        break
                    pid, reason2 = match_name(a, boxes, DEFAULT_AREA[fname], places, index)
                    if pid:
                        reason = "matched by variant '%s'" % a + (" (%s)" % reason2 if reason2 and "geoparser" in reason2 else "")
            if not pid:
                unmatched.append((fname, r["date"], r["place"], piece, reason))
                continue
            matched_any = True
            notes = [n for n in [dnote, pnote, via, reason,
                                 ("one of several places in source row '%s'" % r["place"][:80]) if multi else "",
                                 flags.get("note", "")] if n]
            rows.append({"date": date, "pid": pid, "holder": holder, "role": flags.get("role", "state"),
                         "confidence": conf, "outlet": outlet, "published": pub, "attributed_to": att,
                         "url": url, "note": "; ".join(notes), "kind": fname,
                         "temporary": flags.get("temporary", False), "forced": "role" in flags})
            # extra claim rows for the other dates
            for od in flags.get("other_dates", []):
                extra.append({"date": od, "pid": pid, "holder": holder, "role": "claim", "confidence": "low",
                             "outlet": "timeline compilation", "published": od,
                             "attributed_to": "other sources (unnamed in the timeline note)",
                             "url": url, "note": "other sources give this capture date (note of the %s row from %s); published = claimed date" % (date, outlet),
                             "kind": "other", "forced": True})
        return matched_any

    # changes_2017_2019
    with open(os.path.join(DATA, "timeline", "changes_2017_2019.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            tb = r["taken_by"].strip()
            low = tb.lower()
            if low.startswith("no") or "net none" in low or "no gov/opp change" in low or low.startswith("("):
                unmatched.append(("changes_2017_2019", r["date"], r["place"], "", "skipped: no net change / context row (%s)" % tb))
                continue
            m = re.match(r"^(\w+)(?: \(.*?\))? then (\w+)", tb)
            first = (m.group(2) if m else tb.split()[0]).lower()
            holder = {"government": "government", "opposition": "opposition", "isis": "isis"}.get(first)
            if not holder:
                unmatched.append(("changes_2017_2019", r["date"], r["place"], "", "unknown holder %s" % tb))
                continue
            date, dnote = norm_date(r["date"])
            flags = {}
            conf = "medium"
            if re.search(r"temporary|briefly|hours only|entered, contested", low):
                flags["temporary"] = True
                conf = "low"
            if "per syrian source" in low or "sputnik claim" in r["date"].lower():
                flags["role"] = "claim"
                flags["note"] = "conflicting claim (%s)" % tb
                conf = "low"
            if m:
                dnote = (dnote + "; " if dnote else "") + "taken_by '%s' (final holder used)" % tb
            if "(?)" in r["place"]:
                conf = "low"
            handle("changes_2017_2019", r, date, dnote, holder, conf, flags)

    # control_changes
    with open(os.path.join(DATA, "timeline", "control_changes.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            holder = r["taken_by"].strip().split()[0].lower()
            note = r["note"]
            others = []
            m = re.search(r"\[other sources give \w+ capture on: ([^\]]*)\]", note)
            if m:
                others = [d.strip() for d in m.group(1).split(",")]
            date, dnote = norm_date(r["date"]) if r["date"].strip() else (None, "")
            if not date:
                # undated: use the earliest date other sources give, else skip
                if others:
                    date = min(others)
                    dnote = "undated in source; earliest other-source date used as upper bound"
                elif "ayn halban" in r["place"].lower():
                    date = "2020-02-05"
                    dnote = "undated in source (taken between Khan al-Subul and Saraqib); 2020-02-05 assumed"
                else:
                    unmatched.append(("control_changes", "", r["place"], "", "undated"))
                    continue
            flags = {"other_dates": [d for d in others if d != date]}
            conf = r["confidence"].strip()
            handle("control_changes", r, date, dnote, holder, conf, flags)

    # extra 'other sources' claims only where no report for that place/holder/date exists
    have = {(r["pid"], r["holder"], r["date"]) for r in rows}
    for e in extra:
        k = (e["pid"], e["holder"], e["date"])
        if k not in have:
            have.add(k)
            rows.append(e)

    # ---- 3. seed reports (facts only; own words)
    def pid_of(name):
        # Names repeat (two Kafriyas): take the one nearest Idlib city, where all these rows are.
        hits = [p for p in places.values() if p["name"] == name]
        if not hits:
            raise KeyError(name)
        return min(hits, key=lambda p: (float(p["lat"]) - 35.93) ** 2 + (float(p["lon"]) - 36.63) ** 2)["id"]
    seeds = [
        ("2020-02-06", "Saraqib", "contested", "state", "high", "The New Arab", "2020-02-07", "The New Arab", "",
         "seed report 001: government forces seized large parts of the town on Thursday 6 Feb (URL not in seed copy)"),
        ("2020-02-06", "Saraqib", "contested", "claim", "high", "The National", "2020-02-07", "The National (agency reporting)", "",
         "seed report 002: Syrian forces entered the town on Thursday 6 Feb (URL not in seed copy)"),
        ("2020-02-08", "Saraqib", "government", "state", "high", "Reuters", "2020-02-08", "Syrian state TV", "",
         "seed report 003: state TV broadcast from the town and said the army had full control (URL not in seed copy)"),
        ("2020-02-08", "Al-Eis", "government", "claim", "medium", "Reuters", "2020-02-08", "Hezbollah military media", "",
         "seed report 003: Hezbollah military media unit said government forces took Al-Eis (URL not in seed copy)"),
    ]
    # The Fua-Kafriya enclave: its residents and pro-government militiamen were all evacuated on
    # 19 July 2018 under a deal with the HTS-led factions, which then held the emptied towns.
    fua_note = ("all residents and militiamen evacuated to government-held Aleppo under a deal with the "
                "HTS-led factions; opposition holding the emptied towns afterwards is inferred")
    fua_url = "https://syriadirect.org/rebel-siege-of-two-shiite-majority-idlib-towns-ends-with-total-evacuation-of-residents-militiamen/"
    for n in ("Fua", "Kafriya", "Deir al-Zaghb", "Factory Barrier", "Brouma"):
        seeds.append(("2018-07-19", n, "opposition", "state", "medium", "Syria Direct", "2018-07-19",
                      "Syria Direct (residents' page; SANA)", fua_url, fua_note))
    for d, n, h, role, conf, outlet, pub, att, url, note in seeds:
        rows.append({"date": d, "pid": pid_of(n), "holder": h, "role": role, "confidence": conf, "outlet": outlet,
                     "published": pub, "attributed_to": att, "url": url, "note": note, "kind": "seed", "forced": True})

    # ---- 4. hand decisions
    sar = pid_of("Saraqib")
    for r in rows:
        if r["pid"] == sar and r["kind"] == "control_changes" and r["date"] in ("2020-02-05", "2020-02-06", "2020-02-08", "2020-02-09"):
            r["role"] = "claim"
            r["forced"] = True
    # Nayrab 2020-02-20: the attack that 'entered the village' was repelled the same day
    for r in rows:
        if places[r["pid"]]["name"] == "Nayrab" and r["date"] == "2020-02-20" and r["holder"] == "opposition":
            r["role"] = "claim"
            r["forced"] = True
            r["note"] += "; attack repelled the same day (see government row): kept as claim"
    # Rakaya: per frontline_2019-12.md treat as opposition on 2019-12-18 (2020 sources) -> 2019 capture is a claim
    for r in rows:
        if places[r["pid"]]["name"].lower().startswith("rakaya") and r["date"].startswith("2019"):
            r["role"] = "claim"
            r["forced"] = True
            r["note"] += "; kept as claim: 2020 sources (Al-Masdar, SOHR) say it was retaken only in Feb 2020"

    # ---- 5. roles: one state per episode of same-holder consecutive reports
    from collections import defaultdict
    per = defaultdict(list)
    for r in rows:
        per[r["pid"]].append(r)
    for pid, lst in per.items():
        lst.sort(key=lambda r: (r["date"], r["kind"] == "other"))
        changes = [r for r in lst if r["kind"] not in ("baseline",) and not r.get("forced")]
        # temporary rows with nothing after them -> claim
        for r in changes:
            if r.get("temporary") and not any(o["date"] > r["date"] and o["holder"] != r["holder"] for o in lst if o["kind"] != "other"):
                r["role"] = "claim"
                r["note"] += "; temporary change with no dated reversal in the sources: kept as claim"
        active = [r for r in changes if r["role"] == "state"]
        states = [r for r in lst if r["role"] == "state"]
        # episodes over all state rows (forced state rows included), excluding baseline
        seq = sorted([r for r in states if r["kind"] != "baseline"], key=lambda r: r["date"])
        ep = []
        episodes = []
        for r in seq:
            if ep and r["holder"] != ep[-1]["holder"]:
                episodes.append(ep)
                ep = []
            ep.append(r)
        if ep:
            episodes.append(ep)
        for ep in episodes:
            forced = [r for r in ep if r.get("forced")]
            if forced:
                best = forced[0]
            else:
                best = sorted(ep, key=lambda r: (-CONF_RANK[r["confidence"]], r["date"]))[0]
            for r in ep:
                if r is not best and not r.get("forced"):
                    r["role"] = "claim"
                    r["note"] += "; same change reported with another date/source: not applied"

        # same-day reversals: the later report (source file order) is applied
        bydate = defaultdict(list)
        for r in lst:
            if r["role"] == "state":
                bydate[r["date"]].append(r)
        for d, st in bydate.items():
            for r in st[:-1]:
                r["role"] = "claim"
                r["note"] += "; reversed the same day per the next report: not applied"

    if not write:
        for r in rows:
            if r["kind"] in ("changes_2017_2019", "control_changes") and "geoparser" not in r["note"]:
                p = places[r["pid"]]
                CONTEXT.setdefault(r["kind"], []).append((r["date"], p["lat"], p["lon"]))
        return
    # ---- 6. write
    out = []
    for r in rows:
        p = places[r["pid"]]
        out.append([r["date"], p["name"], str(r["pid"]), r["holder"], r["role"], r["confidence"], r["outlet"],
                    r["published"], r["attributed_to"], r["url"], re.sub(r"[\t\n]", " ", r["note"]).strip("; ")])
    out.sort(key=lambda c: (c[0], int(c[2]), c[4], c[6], c[3], c[10]))
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(COLS) + "\n")
        for c in out:
            f.write("\t".join(c) + "\n")
    with open(UNMATCHED, "w", encoding="utf-8", newline="\n") as f:
        f.write("source\tdate\tsource_place\tpiece\treason\n")
        for u in unmatched:
            f.write("\t".join(re.sub(r"[\t\n]", " ", x) for x in u) + "\n")
    print("still unmatched (source, date, source place, piece, reason):")
    for u in unmatched:
        print("  " + " | ".join(re.sub(r"[\t\n]", " ", x) for x in u))
    geo = sum(1 for r in rows if "geoparser" in r.get("note", ""))
    print("wrote %s: %d rows (%d baseline, %d matched by the geoparser); %d unmatched pieces" % (
        OUT, len(out), sum(1 for r in rows if r["kind"] == "baseline"), geo, len(unmatched)))


if __name__ == "__main__":
    main()
