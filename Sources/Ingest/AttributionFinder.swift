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
        /// "it said", "the source added": the last source named before; "the ministry said": the
        /// last one whose name holds `hint` ("ministry").
        case previous(hint: String?)
        case none
    }

    /// The attribution of tokens `range`. A source counts only next to a reporting cue (said,
    /// according to, göre…), so "SOHR is a UK-based monitor" credits nobody.
    public func find(in article: ArticleText, _ range: Range<Int>, lang: String?) -> Result {
        let toks = article.tokens
        let sources = AttributionFinder.sources(in: toks, range, lang: lang, lexicon: lexicon)
        let reporting = lexicon.reporting.matches(in: toks, range, lang: lang)
        guard !reporting.isEmpty else { return .none }
        // Gaps in tokens, ignoring appositions ("SOHR, a UK-based war monitor, said").
        // A person's name and a comma between a verb and the office: "said Ali Veli, the governor".
        func appositive(_ a: Int, _ b: Int) -> Bool {
            guard b - a <= 6, b > a else { return false }
            return (a..<b).allSatisfy { k in
                let t = toks[k]
                return t.text == "," || ["the", "le", "la", "l'"].contains(t.folded)
                    || (t.kind == .word && t.text.unicodeScalars.first?.properties.isUppercase == true)
            } && (a..<b).contains { toks[$0].text == "," }
        }
        var best: (score: Int, src: (match: CueMatch, name: String))?
        for r in reporting {
            let role = r.key
            for src in sources {
                let s = src.match
                var d: Int
                let before = role == "before" || role == "both", after = role == "after" || role == "both"
                if after && s.end <= r.start { d = r.start - s.end }
                else if before && s.start >= r.end { d = s.start - r.end + (role == "both" ? 1 : 0) }
                else if after && s.start >= r.end && (s.start - r.end <= 2 || appositive(r.end, s.start)) {
                    d = s.start - r.end + 1   // "said SOHR", "bildirdi AA", "said Ali Veli, the governor of Hatay"
                }
                else { continue }
                guard d <= 12 else { continue }
                // A source inside a longer source ("the monitor" after "SOHR") is the same one.
                let score = d * 4 - s.cue.weight
                if best.map({ score < $0.score }) ?? true { best = (score, src) }
            }
        }
        if let b = best {
            var name = b.src.name
            let m = b.src.match
            // "a Turkish security source cited by Anadolu" / "… told Reuters": keep both.
            if let via = sources.first(where: { v in v.name != name && v.match.start > m.end && v.match.start - m.end <= 4
                && reporting.contains { r in r.start >= m.end && r.end <= v.match.start } }) {
                name = "\(name) cited by \(via.name)"
            } else if let via = sources.first(where: { v in v.name != name && v.match.end <= m.start
                && reporting.contains { r in r.key == "both" && r.start >= v.match.end && r.start - v.match.end <= 1 && r.end <= m.start } }) {
                name = "\(name) cited by \(via.name)"   // "the BBC quotes a senior Turkish official"
            }
            return .named(Attribution(source: name, tokens: m.start..<m.end))
        }
        if let p = reporting.first(where: { $0.key == "pronoun" || $0.key.hasPrefix("pronoun=") }) {
            return .previous(hint: p.key.hasPrefix("pronoun=") ? String(p.key.dropFirst(8)) : nil)
        }
        return .none
    }

    /// The sources named in tokens `range`, by canonical name. A key with `{}` takes the word its
    /// cue's `NAME` matched ("Hatay Valisi" → "Hatay governor"); a common word there ("The
    /// governor") is no name, and the match is dropped.
    public static func sources(in toks: [Token], _ range: Range<Int>, lang: String?, lexicon: Lexicon)
        -> [(match: CueMatch, name: String)] {
        lexicon.sources.matches(in: toks, range, lang: lang).compactMap { m in
            guard m.key.contains("{}") else { return (m, m.key) }
            guard let at = m.cue.words.firstIndex(of: .name), !m.cue.words[..<at].contains(.gap) else { return nil }
            let k = m.start + at
            guard k < m.end, lexicon.stopwords.matches(in: toks, k..<(k + 1), lang: nil).isEmpty else { return nil }
            // "Hatay'ın" → Hatay: the case ending after the apostrophe is not part of the name.
            let word = toks[k].text.split(whereSeparator: { $0 == "'" || $0 == "’" }).first.map(String.init) ?? toks[k].text
            return (m, m.key.replacingOccurrences(of: "{}", with: word))
        }
    }
}
