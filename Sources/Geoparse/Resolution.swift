import Geo

/// What a bare place name resolves to (`mapgen resolve`, the control build): the most likely
/// place with no context but the theatre, every other place the name can mean, and how the
/// name matched.
public struct Resolution: Sendable {
    public enum Match: String, Sendable { case exact, spelling, transliteration }
    public let place: PlaceCandidate
    public let alternatives: [PlaceCandidate]
    public let match: Match
    public let confidence: Double
    public let country: String
    public let source: String
    public let arabic: String?
    /// For a spelling match: SpellingDistance of the place's closest name (0 = same spelling family).
    public let distance: Double
    /// Whether the spelling is within the usual bound (else only a near miss, `resolve(name:near:)`).
    /// Consonants in the name's spelling key: the longer, the less likely two names share it by chance.
    public let keyConsonants: Int
    public var close: Bool { match != .spelling || distance <= 1.0 }
}

extension Geoparser {
    /// The places a whole name means, or nil when it is not a name of the gazetteer (the
    /// words must all be part of one name: "Saraqib road" is not resolved).
    public func resolve(name: String) -> Resolution? {
        resolve(name: name, slack: 0)
    }

    /// Like `resolve(name:)`, also returning spellings up to `slack` beyond the usual bound,
    /// with their distance, for a caller with other evidence (dates, neighbouring places).
    public func resolve(name: String, slack: Double) -> Resolution? {
        let words = Tokenizer.words(name)
        guard !words.isEmpty else { return nil }
        var matcher = SpanMatcher(words: words, index: index)
        matcher.runningText = false
        matcher.spellingSlack = slack
        guard let span = matcher.longest(at: 0), !span.blocked, span.endWord == words.count, !span.places.isEmpty else { return nil }
        let d = Disambiguator(places: places, focus: focus)
        // Closest spelling first, then what a bare name most likely means.
        let ranked = span.places.sorted {
            (-(span.distances[$0] ?? 0), d.prior($0, .none), places[$0].population, -$0)
                > (-(span.distances[$1] ?? 0), d.prior($1, .none), places[$1].population, -$1)
        }
        let choice = d.choose([(span: span, cue: .none)]).first
        let best = ranked[0]
        let p = places[best]
        let match: Resolution.Match = span.quality == .exact ? .exact : span.quality == .spelling ? .spelling : .transliteration
        return Resolution(place: p.candidate, alternatives: ranked.dropFirst().map { places[$0].candidate }, match: match,
                          confidence: ((choice?.confidence ?? 0) * 100).rounded() / 100, country: p.country,
                          source: p.source, arabic: p.arabic, distance: span.distances[best] ?? 0,
                          keyConsonants: PhoneticKey.strength(Fold.words(of: name).map { PhoneticKey.latin($0) }.joined(separator: " ")))
    }

    /// Names close to an unknown one, for "did you mean …".
    public func suggestions(for name: String, limit: Int = 3) -> [String] {
        gazetteer.suggestions(for: name, limit: limit)
    }
}
