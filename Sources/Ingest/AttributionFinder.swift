/// Whom a sentence's facts are credited to: "according to SOHR", "Anadolu reported",
/// "a Turkish security source said", بحسب المرصد, SOHR'a göre, selon l'OSDH.
public struct Attribution: Sendable, Equatable {
    /// The canonical source (`SOHR`, `Anadolu`, `a Turkish security source`…), or "X cited by Y".
    public let source: String
    /// Tokens of the source's name.
    public let tokens: Range<Int>
}

public struct AttributionFinder: Sendable {
    let lexicon: Lexicon

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    public enum Result: Sendable, Equatable {
        case named(Attribution)
        /// "it said", "the source added": the last source named before.
        case previous
        case none
    }

    /// The attribution of tokens `range`. A source counts only next to a reporting cue (said,
    /// according to, göre…), so "SOHR is a UK-based monitor" credits nobody.
    public func find(in article: ArticleText, _ range: Range<Int>, lang: String?) -> Result {
        let toks = article.tokens
        let sources = lexicon.sources.matches(in: toks, range, lang: lang)
        let reporting = lexicon.reporting.matches(in: toks, range, lang: lang)
        guard !reporting.isEmpty else { return .none }
        // Gaps in tokens, ignoring appositions ("SOHR, a UK-based war monitor, said").
        func distance(_ a: Int, _ b: Int) -> Int { abs(b - a) }
        var best: (score: Int, src: CueMatch)?
        for r in reporting {
            let role = r.key
            for s in sources {
                var d: Int
                let before = role == "before" || role == "both", after = role == "after" || role == "both"
                if after && s.end <= r.start { d = r.start - s.end }
                else if before && s.start >= r.end { d = s.start - r.end + (role == "both" ? 1 : 0) }
                else if after && s.start >= r.end && s.start - r.end <= 2 { d = s.start - r.end + 1 }   // "said SOHR", "bildirdi AA"
                else { continue }
                guard d <= 12 else { continue }
                // A source inside a longer source ("the monitor" after "SOHR") is the same one.
                let score = d * 4 - s.cue.weight
                if best == nil || score < best!.score { best = (score, s) }
            }
        }
        if let b = best {
            var name = b.src.key
            // "a Turkish security source cited by Anadolu" / "… told Reuters": keep both.
            if let via = sources.first(where: { v in v.key != name && v.start > b.src.end && v.start - b.src.end <= 4
                && reporting.contains { r in r.start >= b.src.end && r.end <= v.start } }) {
                name = "\(name) cited by \(via.key)"
            }
            return .named(Attribution(source: name, tokens: b.src.start..<b.src.end))
        }
        if reporting.contains(where: { $0.key == "pronoun" }) { return .previous }
        return .none
    }
}
