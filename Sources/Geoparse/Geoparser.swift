import Foundation
import Geo

/// Finds the places a text mentions and resolves each to one place of the gazetteer, in
/// context. Build once (`load`), then call `mentions(in:language:)` per text; it is a value
/// with no mutable state, safe to share between threads.
public struct Geoparser: Sendable {
    let places: [NamedPlace]
    let index: NameIndex
    /// Where the theatre is: its most important place's neighbourhood (Idlib for this theatre).
    let focus: LonLat

    /// A geoparser over the gazetteer's places and any extra places (regions, sites, roads),
    /// with extra names per place id (`names.tsv`).
    public init(gazetteer: Gazetteer, extra: [(id: String, name: String, kind: PlaceKind, lat: Double, lon: Double, rank: Int, names: [String])] = [],
                names: [(id: String, name: String)] = []) {
        var all = gazetteer.places.map { NamedPlace(place: $0) }
        for e in extra {
            all.append(NamedPlace(id: e.id, name: e.name, kind: e.kind, location: LonLat(lon: e.lon, lat: e.lat), rank: e.rank, names: e.names))
        }
        self.init(places: all, names: names)
    }

    init(places input: [NamedPlace], names: [(id: String, name: String)]) {
        var places = input
        var byID: [String: [Int]] = [:]
        for (i, p) in places.enumerated() { byID[p.candidate.id, default: []].append(i) }
        for n in names {
            for i in byID[n.id] ?? [] where !places[i].names.contains(n.name) { places[i].names.append(n.name) }
        }
        var index = NameIndex()
        for (i, p) in places.enumerated() {
            for n in p.names { index.add(n, place: i) }
        }
        for (b, name) in Stoplists.blockers.enumerated() { index.add(name, place: -1 - b) }
        self.places = places
        self.index = index
        let top = places.filter { $0.kind == .city || $0.kind == .town }.max { ($0.rank, $0.population) < ($1.rank, $1.population) }
        // Idlib when present: the theatre this project maps; else the largest place.
        let idlib = places.first { $0.candidate.name == "Idlib" && $0.kind != .province }
        focus = (idlib ?? top)?.location ?? LonLat(lon: 36.63, lat: 35.93)
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
        return Geoparser(places: all, names: names)
    }

    /// Every place mention in the text, in text order. `language` nil = detect it.
    public func mentions(in text: String, language: TextLanguage? = nil) -> [PlaceMention] {
        let words = Tokenizer.words(text)
        let matcher = SpanMatcher(words: words, index: index)
        let spans = matcher.spans()
        let cued = spans.map { ($0, cue(for: $0, words: words)) }
        let choices = Disambiguator(places: places, focus: focus).choose(cued.map { (span: $0.0, cue: $0.1) })
        let scalars = Array(text.unicodeScalars)
        var out: [PlaceMention] = []
        for (s, c) in zip(spans, choices) where c.place >= 0 {
            guard c.confidence >= 0.3 else { continue }
            let written = String(String.UnicodeScalarView(scalars[s.start..<s.end]))
            out.append(PlaceMention(start: s.start, end: s.end, text: written, place: places[c.place].candidate,
                                    confidence: (c.confidence * 100).rounded() / 100,
                                    alternatives: c.alternatives.map { places[$0].candidate }))
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
        if after.contains(where: { Stoplists.cityWords.contains($0) }) || before.contains(where: { Stoplists.cityWords.contains($0) }) {
            return .city
        }
        return .none
    }

    /// Every place a bare name can mean (exact or by spelling key), best first: what `resolve` prints.
    public func resolve(_ name: String) -> [PlaceMention] {
        mentions(in: name, language: nil)
    }
}
