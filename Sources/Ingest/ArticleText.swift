import Foundation

/// A word, number or punctuation mark of an article, with its span in Unicode code points.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case word, number, punctuation }
    public let start: Int
    public let end: Int
    public let text: String
    public let kind: Kind
    /// The folded word and the other shapes it may match as (Arabic stems, parts round an
    /// apostrophe: Turkish İdlib'e → idlib, French d'Idlib → idlib).
    public let forms: [String]

    public var folded: String { forms[0] }
}

/// A sentence: a span of the article (code points, end exclusive) and its tokens.
public struct Sentence: Sendable {
    public let index: Int
    public let start: Int
    public let end: Int
    public let tokens: Range<Int>
    public let paragraph: Int
}

/// An article split into tokens and sentences. Every offset is a Unicode code point index
/// into `text`, the unit Geoparse and the candidate `evidence` use.
public struct ArticleText: Sendable {
    public let text: String
    public let scalars: [Unicode.Scalar]
    public let tokens: [Token]
    public let sentences: [Sentence]

    public init(_ text: String, abbreviations: Set<String> = ArticleText.defaultAbbreviations) {
        self.text = text
        let sc = Array(text.unicodeScalars)
        scalars = sc
        let toks = ArticleText.tokenize(sc)
        tokens = toks
        sentences = ArticleText.split(sc, toks, abbreviations: abbreviations)
    }

    public static let defaultAbbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "no", "vs", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "inc", "co", "corp",
        "m", "mme", "av", "j.-c", "vb", "yy", "bkz", "dk",
    ]

    /// The text of a span of code points.
    public func slice(_ start: Int, _ end: Int) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars[max(0, start)..<min(end, scalars.count)])
        return String(v)
    }

    public func sentence(containing offset: Int) -> Sentence? {
        sentences.first { $0.start <= offset && offset < $0.end }
    }

    // MARK: tokens

    static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        let p = u.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark
    }

    static func isApostrophe(_ u: Unicode.Scalar) -> Bool { "'’ʼ‘`".unicodeScalars.contains(u) }
    static func isHyphen(_ u: Unicode.Scalar) -> Bool { "-‐‑".unicodeScalars.contains(u) }
    static func isDigit(_ u: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(u) || (0x0660...0x0669).contains(u.value) || (0x06F0...0x06F9).contains(u.value)
    }

    static func tokenize(_ sc: [Unicode.Scalar]) -> [Token] {
        var out: [Token] = []
        var i = 0
        let n = sc.count
        while i < n {
            let u = sc[i]
            if u.properties.isWhitespace || u == "\u{200F}" || u == "\u{200E}" || u == "\u{FEFF}" { i += 1; continue }
            guard isWordScalar(u) else {
                out.append(makeToken(sc, i, i + 1, .punctuation)); i += 1; continue
            }
            var j = i
            let numeric = isDigit(u)
            while j < n {
                let c = sc[j]
                if isWordScalar(c) {
                    j += 1
                } else if j + 1 < n, isWordScalar(sc[j + 1]), isApostrophe(c) || isHyphen(c) {
                    // 150-vehicle: a number ends at its hyphen so the unit is a word of its own.
                    if isHyphen(c), numeric, sc[i..<j].allSatisfy(isDigit) { break }
                    j += 1
                } else if numeric, j + 1 < n, isDigit(sc[j + 1]), c == "," || c == "." || c == "٫" || c == "٬" {
                    j += 1   // 1,000 and 3.6
                } else {
                    break
                }
            }
            let allDigits = sc[i..<j].allSatisfy { isDigit($0) || $0 == "," || $0 == "." || $0 == "٫" || $0 == "٬" }
            out.append(makeToken(sc, i, j, allDigits ? .number : .word))
            i = j
        }
        return out
    }

    static func makeToken(_ sc: [Unicode.Scalar], _ s: Int, _ e: Int, _ kind: Token.Kind) -> Token {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: sc[s..<e])
        let raw = String(v)
        let f = Folding.fold(raw)
        var forms = [f]
        func add(_ x: some StringProtocol) { let x = String(x); if !x.isEmpty, !forms.contains(x) { forms.append(x) } }
        if kind == .word {
            if let a = f.firstIndex(of: "'") {
                let before = f[..<a], after = f[f.index(after: a)...]
                add(before)
                // French "qu'a", "l'a" keep the verb; Turkish "İdlib'e" keeps the case ending.
                if !after.isEmpty { add(after) }
                add(f.replacingOccurrences(of: "'", with: ""))
            }
            if let first = f.unicodeScalars.first, Folding.isArabic(first) {
                for st in Folding.arabicStems(f) { add(st) }
            }
        }
        return Token(start: s, end: e, text: raw, kind: kind, forms: forms)
    }

    // MARK: sentences

    static func split(_ sc: [Unicode.Scalar], _ toks: [Token], abbreviations: Set<String>) -> [Sentence] {
        var out: [Sentence] = []
        var paragraph = 0
        var first = 0          // first token of the current sentence
        func close(_ lastExclusive: Int) {
            guard lastExclusive > first else { return }
            out.append(Sentence(index: out.count, start: toks[first].start, end: toks[lastExclusive - 1].end,
                                tokens: first..<lastExclusive, paragraph: paragraph))
            first = lastExclusive
        }
        let closers: Set<Unicode.Scalar> = [".", "!", "?", "؟", "…", "۔"]
        let trailing: Set<Unicode.Scalar> = ["\"", "”", "’", "'", ")", "»", "]"]
        for (k, t) in toks.enumerated() {
            // A line break before this token ends the sentence and, when blank or the previous
            // line is short (a title, a caption), the paragraph.
            if k > 0, sc[toks[k - 1].end..<t.start].contains(where: { $0 == "\n" || $0 == "\u{2029}" }) {
                close(k)
                paragraph += 1
            }
            guard t.kind == .punctuation, let u = t.text.unicodeScalars.first, closers.contains(u) else { continue }
            // Not after an abbreviation or an initial ("Mr.", "U.S.", "J.").
            if u == ".", k > 0, toks[k - 1].end == t.start {
                let prev = toks[k - 1].folded
                if abbreviations.contains(prev) || (prev.count == 1 && toks[k - 1].kind == .word) { continue }
            }
            var end = k + 1
            while end < toks.count, toks[end].start == toks[end - 1].end,
                  let c = toks[end].text.unicodeScalars.first, trailing.contains(c) || closers.contains(c) { end += 1 }
            // The next word must not continue the sentence in lower case ("e.g. the").
            if end < toks.count, let c = toks[end].text.unicodeScalars.first, c.properties.isLowercase,
               !sc[toks[end - 1].end..<toks[end].start].contains("\n") { continue }
            close(end)
        }
        close(toks.count)
        return out
    }
}
