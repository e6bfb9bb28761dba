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
}

extension Geoparser {
    /// The places a whole name means, or nil when it is not a name of the gazetteer (the
    /// words must all be part of one name: "Saraqib road" is not resolved).
    public func resolve(name: String) -> Resolution? {
        let words = Tokenizer.words(name)
        guard !words.isEmpty else { return nil }
        var matcher = SpanMatcher(words: words, index: index)
        matcher.runningText = false
        guard let span = matcher.longest(at: 0), !span.blocked, span.endWord == words.count, !span.places.isEmpty else { return nil }
        let d = Disambiguator(places: places, focus: focus)
        let ranked = span.places.sorted {
            (d.prior($0, .none), places[$0].population, -$0) > (d.prior($1, .none), places[$1].population, -$1)
        }
        let choice = d.choose([(span: span, cue: .none)]).first
        let best = ranked[0]
        let p = places[best]
        let match: Resolution.Match = span.quality == .exact ? .exact : span.quality == .spelling ? .spelling : .transliteration
        return Resolution(place: p.candidate, alternatives: ranked.dropFirst().map { places[$0].candidate }, match: match,
                          confidence: ((choice?.confidence ?? 0) * 100).rounded() / 100, country: p.country,
                          source: p.source, arabic: p.arabic)
    }

    /// Names close to an unknown one, for "did you mean …".
    public func suggestions(for name: String, limit: Int = 3) -> [String] {
        gazetteer.suggestions(for: name, limit: limit)
    }
}
