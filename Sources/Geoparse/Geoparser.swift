import Foundation
import Geo

/// Finds the places a text mentions and resolves each to one place of the gazetteer, in
/// context. Build once (`load`), then call `mentions(in:language:)` per text; it is a value
/// with no mutable state, safe to share between threads.
public struct Geoparser: Sendable {
    let gazetteer: Gazetteer
    let places: [NamedPlace]
    let index: NameIndex
    /// Where the theatre is: the place its theatre.yaml names as `geoparse_focus`, else the
    /// gazetteer's largest place.
    let focus: LonLat
    /// Place → the provinces named after it (Idlib → Idlib Governorate).
    let provinceOf: [Int: [Int]]
    /// Town → the roads named after it ("Damascus–Aleppo highway" is the M5).
    let roadsByEnd: [Int: [Int]]
    /// The languages the theatre's news is read in (theatre.yaml `languages:`; empty: any).
    public var languages: [TextLanguage] = []

    /// A warning when `lang` is not one of the theatre's languages (nil when it is, or when the
    /// theatre lists none): its places are likely missing from the gazetteer's spellings.
    public func languageWarning(_ lang: TextLanguage, what: String) -> String? {
        guard !languages.isEmpty, !languages.contains(lang) else { return nil }
        return "warning: \(what) reads as \(lang.name) (\(lang.rawValue)), not one of this theatre's languages "
            + "(theatre.yaml languages: \(languages.map(\.rawValue).joined(separator: ", "))): places and cues may be missed; "
            + "check the theatre (--theatre) or give --lang"
    }

    /// A geoparser over the gazetteer's places and any extra places (regions, sites, roads),
    /// with extra names per place id (`names.tsv`).
    public init(gazetteer: Gazetteer, extra: [(id: String, name: String, kind: PlaceKind, lat: Double, lon: Double, rank: Int, names: [String])] = [],
                names: [(id: String, name: String)] = []) {
        var all = gazetteer.places.map { NamedPlace(place: $0) }
        for e in extra {
            all.append(NamedPlace(id: e.id, name: e.name, kind: e.kind, location: LonLat(lon: e.lon, lat: e.lat), rank: e.rank, names: e.names))
        }
        self.init(gazetteer: gazetteer, places: all, names: names)
    }

    init(gazetteer: Gazetteer, places input: [NamedPlace], names: [(id: String, name: String)], focusPlace: String? = nil,
         notPlaces: NotPlaces = NotPlaces()) {
        self.gazetteer = gazetteer
        var places = input
        var byID: [String: [Int]] = [:]
        for (i, p) in places.enumerated() { byID[p.candidate.id, default: []].append(i) }
        for n in names {
            for i in byID[n.id] ?? [] where !places[i].names.contains(n.name) { places[i].names.append(n.name) }
        }
        var index = NameIndex()
        for (i, p) in places.enumerated() {
            for n in p.names { index.add(n, place: i) }
            index.rankOf[i] = p.isArea || p.kind == .capital || p.kind == .road ? 5 : p.rank
        }
        for (b, name) in notPlaces.names.enumerated() { index.add(name, place: -1 - b) }
        index.notPlaceWords = notPlaces.words
        index.notPlaceAcronyms = notPlaces.acronyms
        self.places = places
        self.index = index
        provinceOf = Self.linkProvinces(places)
        var ends: [Int: [Int]] = [:]
        for (r, p) in places.enumerated() where p.kind == .road {
            for n in p.roadEnds {
                for i in index.exact[Fold.nameKey(n)] ?? [] where i >= 0 && places[i].kind != .road { ends[i, default: []].append(r) }
            }
        }
        roadsByEnd = ends
        let top = places.filter { $0.kind == .city || $0.kind == .town }.max { ($0.rank, $0.population) < ($1.rank, $1.population) }
        // The theatre's named focus when the gazetteer has it; else the largest place; else the
        // gazetteer's own middle (a theatre with no towns has nothing better to offer).
        let named = focusPlace.flatMap { f in places.first { $0.candidate.name == f && $0.kind != .province } }
        focus = (named ?? top)?.location ?? Self.middle(of: places)
    }

    /// Links each place to the provinces whose name is its name plus "Governorate"/"Province"/"ili"…
    static func linkProvinces(_ places: [NamedPlace]) -> [Int: [Int]] {
        var byCore: [String: [Int]] = [:]
        for (i, p) in places.enumerated() where p.kind == .province {
            for n in p.names {
                let core = Fold.words(of: n).map { Fold.key($0) }
                    .filter { !Stoplists.provinceAfter.contains($0) && !Stoplists.provinceBefore.contains($0) }
                    .joined(separator: " ")
                if !core.isEmpty, !(byCore[core]?.contains(i) ?? false) { byCore[core, default: []].append(i) }
            }
        }
        var out: [Int: [Int]] = [:]
        for (i, p) in places.enumerated() where p.kind != .province && p.kind != .country {
            for n in p.names {
                if let ps = byCore[Fold.nameKey(n)] { for q in ps where !(out[i]?.contains(q) ?? false) { out[i, default: []].append(q) } }
            }
        }
        return out
    }

    /// Reads `Gazetteer/` under the data root: places (+ arabic.tsv), regions, names, sites, highways.
    public static func load(dataRoot: URL) throws -> Geoparser {
        let dir = dataRoot.appendingPathComponent("Gazetteer")
        let gazetteer = try Gazetteer.load(directory: dir)
        var all = gazetteer.places.map { NamedPlace(place: $0) }
        all += try NameTables.regions(dir)
        all += try NameTables.sites(dir, gazetteer: gazetteer)
        all += try NameTables.roads(dir, gazetteer: gazetteer)
        let names = try NameTables.names(dir).map { (id: $0.id, name: $0.name) }
        var parser = Geoparser(gazetteer: gazetteer, places: all, names: names,
                               focusPlace: try TheatreFocus.place(in: dataRoot), notPlaces: try NotPlaces.load(dir))
        parser.languages = try TheatreFocus.languages(in: dataRoot)
        return parser
    }

    static func middle(of places: [NamedPlace]) -> LonLat {
        guard !places.isEmpty else { return LonLat(lon: 0, lat: 0) }
        let n = Double(places.count)
        return LonLat(lon: places.map(\.location.lon).reduce(0, +) / n, lat: places.map(\.location.lat).reduce(0, +) / n)
    }

    /// Every place mention in the text, in text order. `language` nil = detect it.
    public func mentions(in text: String, language: TextLanguage? = nil) -> [PlaceMention] {
        let lang = language ?? TextLanguage.detect(text)
        let words = Tokenizer.words(text, turkish: lang == .tr)
        let matcher = SpanMatcher(words: words, index: index)
        let spans = joinRoads(matcher.spans(), words: words)
        let cued = spans.map { s -> (Span, Disambiguator.Cue) in
            let c = cue(for: s, words: words)
            guard c == .province else { return (s, c) }
            // "Idlib province" when only the city matched the name: add the province of that name.
            var ps = s.places
            for p in s.places { for q in provinceOf[p] ?? [] where !ps.contains(q) { ps.append(q) } }
            return (Span(firstWord: s.firstWord, keyWord: s.keyWord, keyForm: s.keyForm, endWord: s.endWord, start: s.start,
                         end: s.end, places: ps, quality: s.quality, blocked: s.blocked), c)
        }
        let choices = Disambiguator(places: places, focus: focus).choose(cued.map { (span: $0.0, cue: $0.1) })
        let scalars = Array(text.unicodeScalars)
        var out: [PlaceMention] = []
        for (s, c) in zip(spans, choices) where c.place >= 0 {
            guard c.confidence >= 0.3 else { continue }
            let written = Fold.string(scalars[s.start..<s.end])
            out.append(PlaceMention(start: s.start, end: s.end, text: written, place: places[c.place].candidate,
                                    confidence: (c.confidence * 100).rounded() / 100,
                                    alternatives: c.alternatives.map { places[$0].candidate }))
        }
        return out
    }

    /// Two towns joined by a dash that are the ends of one road, next to a word for a road, are
    /// that road: "Damascus–Aleppo highway", "الطريق الدولي (دمشق- حلب)", "Halep-Lazkiye karayolu".
    /// The span covers both names. ("the Aleppo–Damascus link" stays two cities.)
    func joinRoads(_ spans: [Span], words: [Word]) -> [Span] {
        var out: [Span] = []
        var i = 0
        while i < spans.count {
            if i + 1 < spans.count, spans[i + 1].firstWord == spans[i].endWord, words[spans[i + 1].firstWord].before == .hyphen {
                let a = Set(spans[i].places.flatMap { roadsByEnd[$0] ?? [] })
                let b = Set(spans[i + 1].places.flatMap { roadsByEnd[$0] ?? [] })
                let both = a.intersection(b)
                // The road word right before the pair ("الطريق الدولي (دمشق- حلب)") or just after it
                // ("Damascus–Aleppo highway"); one further away belongs to another phrase ("M5
                // karayolu da Halep-Şam bağlantısını": the M5 links Aleppo and Damascus).
                let around = (max(0, spans[i].firstWord - 1)..<spans[i].firstWord).map { $0 } + (spans[i + 1].endWord..<min(words.count, spans[i + 1].endWord + 2)).map { $0 }
                let roadWord = around.contains { j in words[j].forms.contains { Stoplists.roadWords.contains($0.key) } }
                if !both.isEmpty && roadWord {
                    let s = spans[i], t = spans[i + 1]
                    out.append(Span(firstWord: s.firstWord, keyWord: s.keyWord, keyForm: s.keyForm, endWord: t.endWord, start: s.start,
                                    end: t.end, places: both.sorted(), quality: .exact, blocked: false))
                    i += 2
                    continue
                }
            }
            out.append(spans[i])
            i += 1
        }
        return out
    }

    /// "Idlib province", "province of Idlib", "ريف حلب", "İdlib ilinde" make the name the
    /// province; "Idlib city", "مدينة إدلب" make it the town.
    func cue(for s: Span, words: [Word]) -> Disambiguator.Cue {
        func keys(_ i: Int) -> [String] { i >= 0 && i < words.count ? words[i].forms.map(\.key) : [] }
        let after = keys(s.endWord)
        var before = keys(s.firstWord - 1)
        if ["of", "de", "d", "du"].contains(before.first ?? "") { before = keys(s.firstWord - 2) }
        if words.indices.contains(s.firstWord), let f = words[s.firstWord].forms.first, f.key.hasPrefix("d") || f.key.hasPrefix("l"),
           s.keyForm.cutStart > 0, !words[s.keyWord].arabic {
            before = keys(s.firstWord - 1)   // "province d'Idleb": the elided article is inside the word
        }
        let nextIsProvince = after.contains { Stoplists.provinceAfter.contains($0) }
            || (s.endWord < words.count && ["western", "eastern", "northern", "southern"].contains(words[s.endWord].key)
                && keys(s.endWord + 1).contains("countryside"))
        if nextIsProvince || before.contains(where: { Stoplists.provinceBefore.contains($0) }) { return .province }
        let near = (max(0, s.firstWord - 3)..<min(words.count, s.endWord + 3)).flatMap { keys($0) }
        if near.contains(where: { Stoplists.siteWords.contains($0) }) { return .site }
        if after.contains(where: { Stoplists.cityWords.contains($0) }) || before.contains(where: { Stoplists.cityWords.contains($0) }) {
            return .city
        }
        return .none
    }

}
