import Foundation
import Geo
import Situation

/// A hand-encoded event of an article (the dev set's events.tsv format: file, date,
/// date_precision, type, places, from, to, figures, attributed_to, …).
public struct GoldEvent: Sendable {
    public let file: String
    public let date: Day
    public let type: String
    public let places: [String]
    public let figures: [(key: String, value: Double)]
    public let attributedTo: String

    /// Reads events.tsv; `figures` are `key=value(qualifier)|…`, places `A|B`.
    public static func load(_ text: String, file: String) throws -> [GoldEvent] {
        let rows = tsvRows(text)
        guard let header = rows.first?.fields.map(String.init) else { return [] }
        var out: [GoldEvent] = []
        for (line, f) in rows.dropFirst() {
            var r: [String: String] = [:]
            for (k, v) in zip(header, f) { r[k] = String(v) }
            guard let name = r["file"], let d = r["date"].flatMap({ Day($0) }), let type = r["type"] else {
                throw DataError(file: file, line: line, "expected file, date (YYYY-MM-DD) and type", fix: "check the row")
            }
            let places = (r["places"] ?? "").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let figures: [(String, Double)] = (r["figures"] ?? "").split(separator: "|").compactMap { item in
                let kv = item.split(separator: "=", maxSplits: 1)
                guard kv.count == 2 else { return nil }
                let num = kv[1].prefix { $0.isNumber || $0 == "." }
                return Double(num).map { (String(kv[0]), $0) }
            }
            out.append(GoldEvent(file: name, date: d, type: type, places: places, figures: figures,
                                 attributedTo: r["attributed_to"] ?? ""))
        }
        return out
    }
}

/// Where a gold event's place is; a province or country is an area.
public struct GoldPlace: Sendable {
    public let lat: Double
    public let lon: Double
    public let isArea: Bool
    /// A whole country ("convoys crossed into Syria"): any place of the theatre will do.
    public var isCountry = false
    public init(lat: Double, lon: Double, isArea: Bool, isCountry: Bool = false) {
        self.lat = lat; self.lon = lon; self.isArea = isArea; self.isCountry = isCountry
    }
}

/// Scores candidates against gold events: recall (date ±1 day, a place within 5 km or in
/// the right province, a compatible type), attribution and figure exactness of the found
/// events, and wrong-place candidates per article.
public struct Evaluation: Sendable {
    public struct Tally: Sendable, Equatable {
        public var gold = 0, found = 0, attributionRight = 0, withFigures = 0, figuresExact = 0
        public var recall: Double { gold == 0 ? 0 : Double(found) / Double(gold) }
        public var attribution: Double { found == 0 ? 0 : Double(attributionRight) / Double(found) }
        public var figureExactness: Double { withFigures == 0 ? 1 : Double(figuresExact) / Double(withFigures) }
        mutating func add(_ o: Tally) {
            gold += o.gold; found += o.found; attributionRight += o.attributionRight
            withFigures += o.withFigures; figuresExact += o.figuresExact
        }
    }

    public var total = Tally()
    public var byType: [String: Tally] = [:]
    public var byLanguage: [String: Tally] = [:]
    public var candidates = 0
    public var articles = 0
    /// Candidates whose places are all far from every gold place of their article.
    public var wrongPlace: [String: Int] = [:]
    public var misses: [String] = []

    public init() {}

    /// Families of types a candidate may carry for a gold type.
    public static func compatible(_ gold: String, _ cand: String) -> Bool {
        func fam(_ t: String) -> String {
            switch t {
            case "convoy", "post-reinforced": return "convoy"
            case "strike", "shelling", "casualties": return "attack"
            case "clash", "town-taken", "control-change": return "clash"
            default: return t
            }
        }
        return fam(gold) == fam(cand)
    }

    /// Adds one article's score. `locate` gives a gold place name's coordinates.
    public mutating func score(file: String, language: String, outlet: String, gold: [GoldEvent],
                               candidates: [CandidateEvent], control: [ControlCandidate], lexicon: Lexicon,
                               provinces: Provinces, locate: (String) -> GoldPlace?) {
        articles += 1
        self.candidates += candidates.count
        let goldPoints = gold.flatMap { $0.places.compactMap(locate) }.filter { !$0.isArea }
        func near(_ spans: [PlaceSpan], regions: [String], to pts: [GoldPlace]) -> Bool {
            if pts.isEmpty { return true }   // the gold names no place: any place will do
            for s in spans {
                for p in pts where !p.isArea && Provinces.km(s.lat, s.lon, p.lat, p.lon) <= 5 { return true }
            }
            // The right province: a gold province holding a candidate place, or a candidate
            // region that is the gold place's province.
            let goldProv = Set(pts.compactMap { provinces.province(lat: $0.lat, lon: $0.lon) })
            let areaProv = Set(pts.filter(\.isArea).compactMap { provinces.province(lat: $0.lat, lon: $0.lon) })
            if spans.contains(where: { s in provinces.province(lat: s.lat, lon: s.lon).map { areaProv.contains($0) } ?? false }) {
                return true
            }
            if spans.isEmpty { return regions.contains { goldProv.contains($0) } }
            return false
        }
        var used = Set<Int>()
        // Gold events with figures first: they single out their candidate.
        for g in gold.sorted(by: { !$0.figures.isEmpty && $1.figures.isEmpty }) {
            // Among the candidates that match, the one that fits best: unused, same figures,
            // same source, most confident (a one-to-one assignment where one exists).
            func rank(_ i: Int) -> (Int, Int, Int, Double) {
                let c = candidates[i]
                let figs = Evaluation.figuresExact(gold: g.figures, candidate: c, sideWords: lexicon.parties.sideWords) ? 0 : 1
                let attr = Evaluation.sameAttribution(gold: g.attributedTo, candidate: c.sources[0].attributedTo, outlet: outlet,
                                                      lexicon: lexicon) ? 0 : 1
                return (used.contains(i) ? 1 : 0, figs, attr, -c.confidence)
            }
            var t = Tally()
            t.gold = 1
            let pts = g.places.compactMap(locate).filter { !$0.isCountry }
            let match = candidates.indices.filter { i in
                let c = candidates[i]
                let start = c.date.adding(days: -1), end = (c.dateEnd ?? c.date).adding(days: 1)
                let dateOK = g.date >= start && g.date <= end && abs(g.date.days(since: c.date)) <= max(1, (c.dateEnd ?? c.date).days(since: c.date) + 1)
                return dateOK && Evaluation.compatible(g.type, c.type) && near(c.spans, regions: c.regions, to: pts)
            }.sorted { rank($0) < rank($1) }.first
            if let i = match {
                used.insert(i)
                let c = candidates[i]
                t.found = 1
                if Evaluation.sameAttribution(gold: g.attributedTo, candidate: c.sources[0].attributedTo, outlet: outlet, lexicon: lexicon) {
                    t.attributionRight = 1
                } else {
                    misses.append("\(file): attribution \"\(c.sources[0].attributedTo)\" for gold \"\(g.attributedTo)\" (\(g.type) \(g.date))")
                }
                if !g.figures.isEmpty {
                    t.withFigures = 1
                    if Evaluation.figuresExact(gold: g.figures, candidate: c, sideWords: lexicon.parties.sideWords) { t.figuresExact = 1 } else {
                        misses.append("\(file): figures \(c.figures.map { "\($0.key)=\($0.value)" }) for gold \(g.figures.map { "\($0.key)=\(Int($0.value))" }) (\(g.type) \(g.date))")
                    }
                }
            } else {
                misses.append("\(file): missed \(g.type) \(g.date) at \(g.places.joined(separator: "|"))")
            }
            total.add(t)
            byType[g.type, default: Tally()].add(t)
            byLanguage[language, default: Tally()].add(t)
        }
        if !goldPoints.isEmpty {
            let wrong = candidates.filter { c in
                !c.spans.isEmpty && !c.spans.contains { s in goldPoints.contains { Provinces.km(s.lat, s.lon, $0.lat, $0.lon) <= 5 } }
            }
            wrongPlace[file] = wrong.count
            for w in wrong { misses.append("\(file): wrong place \(w.type) \(w.date) at \(w.places.joined(separator: "|"))") }
        }
    }

    /// Whether every gold figure is among the candidate's (or its claims'): the same number
    /// counting a compatible kind of thing. The kind is the key's outcome (killed, wounded,
    /// displaced, neutralized, destroyed…) and what is counted (soldiers, civilians, vehicles…):
    /// a side the gold leaves out is no mismatch (gold `killed` = `turkish_soldiers_killed`,
    /// gold `tanks` = `tanks_destroyed`), but different outcomes or things are
    /// (`killed` ≠ `wounded`, `civilians_killed` ≠ `soldiers_killed`, `tanks` ≠ `vehicles`).
    public static func figuresExact(gold: [(key: String, value: Double)], candidate c: CandidateEvent,
                                    sideWords: Set<String> = []) -> Bool {
        let have = (c.figures + c.claims.flatMap(\.figures)).compactMap { f in Double(f.value).map { (FigureKind(f.key, sideWords: sideWords), $0) } }
        return gold.allSatisfy { g in
            let kind = FigureKind(g.key, sideWords: sideWords)
            return have.contains { $0.1 == g.value && kind.compatible(with: $0.0) }
        }
    }

    /// Whether a candidate's attribution names the gold's source (canonical names from the
    /// sources lexicon; the outlet itself when the gold credits no one else).
    public static func sameAttribution(gold: String, candidate: String, outlet: String, lexicon: Lexicon) -> Bool {
        func canon(_ s: String) -> Set<String> {
            let a = ArticleText(s)
            var out = Set(AttributionFinder.sources(in: a.tokens, 0..<a.tokens.count, lang: nil, lexicon: lexicon).map(\.name))
            let f = Folding.fold(s)
            if f.contains(Folding.fold(outlet)) || f.contains("agenc") || f.contains("not attributed") || f.contains("not stated")
                || f.contains("no attribution") { out.insert("outlet") }
            return out
        }
        var g = canon(gold)
        // An agency's own wire (outlet "Xinhua Arabic", "… (AFP wire)") is the outlet itself.
        if !g.isDisjoint(with: canon(outlet).subtracting(["outlet"])) { g.insert("outlet") }
        let c: Set<String> = candidate == outlet ? ["outlet"] : Set(candidate.components(separatedBy: " cited by "))
        if g.isEmpty { return c == ["outlet"] }
        return !g.isDisjoint(with: c)
    }

    public func report() -> String {
        func line(_ name: String, _ t: Tally) -> String {
            String(format: "%-18@ %3d/%-3d recall %5.1f%%  attribution %5.1f%%  figures exact %d/%d", name as NSString,
                   t.found, t.gold, t.recall * 100, t.attribution * 100, t.figuresExact, t.withFigures)
        }
        var out = [line("all", total)]
        for (k, v) in byLanguage.sorted(by: { $0.key < $1.key }) { out.append(line("lang \(k)", v)) }
        for (k, v) in byType.sorted(by: { $0.key < $1.key }) { out.append(line("type \(k)", v)) }
        let wp = wrongPlace.values
        out.append(String(format: "articles %d, candidates %d (%.1f per article), wrong-place candidates: max %d per article, mean %.2f",
                          articles, candidates, Double(candidates) / Double(max(1, articles)), wp.max() ?? 0,
                          Double(wp.reduce(0, +)) / Double(max(1, wp.count))))
        return out.joined(separator: "\n")
    }
}
