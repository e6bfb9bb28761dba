import Foundation

/// A count the text gives: "at least 150 vehicles", "killed seven civilians".
public struct Figure: Sendable, Equatable {
    /// The figure key as Reports/events.yaml names it: vehicles, civilians_killed, turkish_soldiers_killed…
    public let key: String
    public let value: Double
    /// at-least, more-than, about, close-to, up-to; nil when the text gives the number plainly.
    public let qualifier: String?
    /// Tokens of the number (and its unit).
    public let tokens: Range<Int>

    /// 150, 3.6 million → 3600000, 0.5 → 0.5.
    public var valueText: String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// A number written in digits or words.
struct NumberMention {
    let value: Double
    let tokens: Range<Int>
    /// "dozens", "hundreds of": a vague count.
    let vague: Bool
}

/// Finds numbers in digits and words (four languages) and what they count.
public struct FigureFinder: Sendable {
    let lexicon: Lexicon

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    func numbers(in toks: [Token], _ range: Range<Int>, lang: String?, excluding: Set<Int>) -> [NumberMention] {
        let words = lexicon.numbers.matches(in: toks, range, lang: lang)
        let byStart = Dictionary(words.map { ($0.start, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [NumberMention] = []
        var k = range.lowerBound
        while k < range.upperBound {
            if excluding.contains(k) { k += 1; continue }
            var total = 0.0, current = 0.0
            var end = k
            var vague = false
            var any = false
            var j = k
            // Digits and number words combine: "3.6 million", "twenty-three", "yüz elli", "مئة وخمسين".
            while j < range.upperBound, !excluding.contains(j) {
                let t = toks[j]
                if t.kind == .number, let v = FigureFinder.digits(t.folded) {
                    // "900 000", "1 200 000": French groups thousands with a (narrow) space.
                    if any, current != 0, j > k, toks[j - 1].kind == .number, t.start == toks[j - 1].end + 1,
                       t.text.count == 3, t.text.allSatisfy({ $0.isASCII && $0.isNumber }),
                       toks[j - 1].text.allSatisfy({ $0.isASCII && $0.isNumber }), toks[j - 1].text.count <= 3 {
                        current = current * 1000 + v; j += 1; end = j; continue
                    }
                    if any && current != 0 { break }
                    current = v; any = true; j += 1; end = j; continue
                }
                if t.kind == .word, !any, let v = FigureFinder.digitsPrefix(t.folded) {
                    current = v; any = true; j += 1; end = j; break   // 15km, 7th
                }
                if let m = byStart[j] {
                    let key = m.key
                    if key == "and" {
                        guard any, m.end < range.upperBound, byStart[m.end] != nil || toks[m.end].kind == .number else { break }
                        j = m.end; continue
                    }
                    if key.hasPrefix("approx="), let v = Double(key.dropFirst(7)) {
                        if any { break }
                        current = v; vague = true; any = true; j = m.end; end = j; continue
                    }
                    if key.hasPrefix("x"), let mult = Double(key.dropFirst()) {
                        if !any { current = 1 }
                        if mult >= 1000 { total += current * mult; current = 0 } else { current *= mult }
                        any = true; j = m.end; end = j; continue
                    }
                    if let v = Double(key) {
                        // "twenty-three" is one token of two words; its parts are split here.
                        current += v; any = true; j = m.end; end = j; continue
                    }
                }
                if t.kind == .word, t.text.contains("-"), let v = hyphenated(t, lang: lang) {
                    current += v; any = true; j += 1; end = j; continue
                }
                if any, t.folded == "a", lang == "en" { j += 1; continue }   // half a million
                break
            }
            if any, end > k {
                out.append(NumberMention(value: total + current, tokens: k..<end, vague: vague))
                k = end
            } else {
                k += 1
            }
        }
        return out
    }

    private func hyphenated(_ t: Token, lang: String?) -> Double? {
        let parts = t.folded.split(separator: "-").map(String.init)
        guard parts.count == 2 else { return nil }
        let sub = parts.map { p in ArticleText.tokenize(Array(p.unicodeScalars)) }
        guard sub.allSatisfy({ $0.count == 1 }) else { return nil }
        let toks = sub.map { $0[0] }
        let ms = lexicon.numbers.matches(in: toks, 0..<2, lang: lang)
        guard ms.count == 2, let a = Double(ms[0].key), let b = Double(ms[1].key) else { return nil }
        return a + b
    }

    static func digits(_ s: String) -> Double? {
        // 1,000 and 586,000 (thousands) but 3.6 and 3,6 (decimals: one or two digits after).
        var t = s.replacingOccurrences(of: "٬", with: ",").replacingOccurrences(of: "٫", with: ".")
        let groups = t.split(whereSeparator: { $0 == "," || $0 == "." })
        if groups.count > 1, groups.dropFirst().allSatisfy({ $0.count == 3 }) {
            t = groups.joined()
        } else if t.contains(",") {
            t = t.replacingOccurrences(of: ",", with: ".")
        }
        return Double(t)
    }

    static func digitsPrefix(_ s: String) -> Double? {
        let d = s.prefix { $0.isASCII && $0.isNumber }
        guard !d.isEmpty, d.count < s.count else { return nil }
        let rest = s.dropFirst(d.count)
        guard ["km", "st", "nd", "rd", "th", "er"].contains(rest) || rest.hasPrefix("'") else { return nil }
        return Double(d)
    }

    /// The figures of tokens `range`: numbers with a unit, their qualifier and outcome.
    /// `excluding` holds the tokens of dates. `sideOf` tells the side an actor cue names.
    public func find(in article: ArticleText, _ range: Range<Int>, lang: String?, excluding: Set<Int>) -> [Figure] {
        let toks = article.tokens
        let nums = numbers(in: toks, range, lang: lang, excluding: excluding)
        guard !nums.isEmpty else { return [] }
        let cues = lexicon.figures.matches(in: toks, range, lang: lang)
        let actorCues = lexicon.actors.matches(in: toks, range, lang: lang)
        let units = cues.filter { $0.key.hasPrefix("unit=") }
        let outcomes = cues.filter { $0.key.hasPrefix("outcome=") }
        let qualifiers = cues.filter { $0.key.hasPrefix("qualifier=") }
        func clauseBreak(_ a: Int, _ b: Int) -> Bool {
            (min(a, b)..<max(a, b)).contains { toks[$0].kind == .punctuation && [";", ".", "?", "!", "؛"].contains(toks[$0].text) }
        }
        func qualifierBefore(_ n: NumberMention) -> String? {
            if let q = qualifiers.first(where: { $0.end == n.tokens.lowerBound || $0.end == n.tokens.lowerBound - 1 }) {
                return String(q.key.dropFirst(10))
            }
            return n.vague ? "at-least" : nil
        }
        var out: [Figure] = []
        for n in nums where !n.vague {
            // The unit follows the number within a few words ("150 Turkish military vehicles",
            // "150-vehicle convoy"), or precedes it in Arabic construct phrases rarely: not handled.
            guard let unit = units.first(where: { $0.start >= n.tokens.upperBound && $0.start <= n.tokens.upperBound + 3
                && !clauseBreak(n.tokens.upperBound, $0.start)
                && !(n.tokens.upperBound..<$0.start).contains(where: { k in nums.contains { $0.tokens.contains(k) } }) })
            else {
                // "586,000 were displaced", "12 killed", "22 morts": a bare number right before an
                // outcome; "neutralised 114" (Turkish and French put it first too): right after one.
                let o = outcomes.first(where: { $0.start >= n.tokens.upperBound && $0.start <= n.tokens.upperBound + 2
                                                && !clauseBreak(n.tokens.upperBound, $0.start) })
                    ?? outcomes.first(where: { $0.end <= n.tokens.lowerBound && n.tokens.lowerBound - $0.end <= 1 })
                if let o, n.value >= 1, n.value == n.value.rounded() {
                    // Keys as Reports/events.yaml: killed, wounded, displaced, neutralized.
                    let outcome = String(o.key.dropFirst(8))
                    out.append(Figure(key: outcome, value: n.value, qualifier: qualifierBefore(n),
                                      tokens: min(o.start, n.tokens.lowerBound)..<max(o.end, n.tokens.upperBound)))
                }
                continue
            }
            var key = String(unit.key.dropFirst(5))
            if key == "hours" { key = "period_hours" }
            if key == "km" { continue }
            // Qualifier just before the number, or (Turkish) just after the number or unit.
            var qualifier: String?
            if let q = qualifiers.first(where: { $0.end == n.tokens.lowerBound || $0.end == n.tokens.lowerBound - 1 }) {
                qualifier = String(q.key.dropFirst(10))
            } else if let q = qualifiers.first(where: { ($0.start == n.tokens.upperBound || $0.start == unit.end)
                && (lang == "tr" || lang == "ar") }) {
                qualifier = String(q.key.dropFirst(10))
            } else if n.vague {
                qualifier = "at-least"
            }
            let people = ["soldiers", "civilians", "people", "fighters"].contains(key)
            // The outcome of the thing counted: nearest cue in the same clause, before the number
            // (at most four words) or after the unit (at most five).
            func outcome(_ allowed: (String) -> Bool) -> String? {
                outcomes.filter { o in
                    allowed(String(o.key.dropFirst(8)))
                        && !clauseBreak(o.start, n.tokens.lowerBound) && !clauseBreak(o.start, unit.end)
                        && ((o.end <= n.tokens.lowerBound && n.tokens.lowerBound - o.end <= 4)
                            || (o.start >= unit.end && o.start - unit.end <= 5))
                }.min { abs($0.start - n.tokens.lowerBound) < abs($1.start - n.tokens.lowerBound) }
                    .map { String($0.key.dropFirst(8)) }
            }
            if !people, key != "posts", key != "period_hours", key != "villages",
               let o = outcome({ ["destroyed", "downed", "seized", "neutralized"].contains($0) }) {
                key = "\(key)_\(o)"   // tanks_destroyed, helicopters_downed (as in events.yaml)
            }
            if people {
                // The outcome: nearest cue in the same clause, before the number or after the unit.
                let near = outcomes.filter { o in
                    !clauseBreak(o.start, n.tokens.lowerBound) && !clauseBreak(o.start, unit.end)
                        && ((o.end <= n.tokens.lowerBound && n.tokens.lowerBound - o.end <= 4)
                            || (o.start >= unit.end && o.start - unit.end <= 5))
                }.min { abs($0.start - n.tokens.lowerBound) < abs($1.start - n.tokens.lowerBound) }
                if key == "soldiers" {
                    // Whose soldiers: an actor cue between the number and the unit, or just before.
                    let side = actorCues.first { $0.start >= n.tokens.lowerBound - 2 && $0.start < unit.end }?.key
                        .split(separator: "/").first
                    if let own = lexicon.parties.party(side.map(String.init))?.soldiers { key = own }
                }
                if let o = near {
                    let outcome = String(o.key.dropFirst(8))
                    // "120 people killed" is `killed`, as Reports/events.yaml writes it.
                    key = key == "people" ? outcome : "\(key)_\(outcome)"
                } else if key == "people" || key == "civilians" {
                    continue   // "110,000 people who lived there": not a count of an event
                }
            }
            out.append(Figure(key: key, value: n.value, qualifier: qualifier, tokens: n.tokens.lowerBound..<unit.end))
        }
        return out
    }
}
