/// What separates a word from the one before it. A name may run across spaces and hyphens
/// ("Maarat al-Numan", "Damascus–Aleppo") but not across other punctuation.
enum Separator: Sendable { case space, hyphen, breaking }

/// One way to read a word: its folded key after cutting attached prefixes or suffixes
/// (و ب ل ك ف, d'/l', 's, Turkish case endings after an apostrophe).
struct WordForm: Sendable {
    let key: String
    let phonetic: String
    /// The spelling key when another word of the name follows (Arabic ة is then read t).
    let phoneticConstruct: String
    /// Raw scalars cut off at the start and at the end of the word.
    let cutStart: Int
    let cutEnd: Int
    /// The first letter left after the cut is a capital (d'Idleb: yes; d'autres: no).
    let capitalised: Bool
}

/// A word of the text with its code point span and the ways to read it (the first form is the
/// whole word, folded).
struct Word: Sendable {
    let start: Int
    let end: Int
    let before: Separator
    let capitalised: Bool
    let arabic: Bool
    /// After a sentence end or at the start of a line: capitals there prove nothing.
    let sentenceStart: Bool
    /// Some letter after the first is lower case (not an acronym like SOHR).
    let hasLowercase: Bool
    let forms: [WordForm]
    var key: String { forms[0].key }
    /// An article written attached to the next word (al-, el-, an-) or as a capitalised "Al".
    var isLatinArticle: Bool { !arabic && Fold.latinArticles.contains(key) }
}

enum Tokenizer {
    static func words(_ text: String) -> [Word] {
        var out: [Word] = []
        var raw: [Unicode.Scalar] = []
        var start = 0
        var sep = Separator.breaking
        var sentenceStart = true
        var pendingBreak = false
        var pos = 0
        let scalars = Array(text.unicodeScalars)
        func flush() {
            guard !raw.isEmpty else { return }
            // Trailing apostrophes belong to the text, not the word (Turkish "Halep'").
            var r = raw
            while let l = r.last, Fold.isApostrophe(l) { r.removeLast() }
            while let f = r.first, Fold.isApostrophe(f) { r.removeFirst(); start += 1 }
            if !r.isEmpty { out.append(makeWord(r, start: start, before: sep, sentenceStart: sentenceStart)) }
            raw = []
            sep = .space
            sentenceStart = false
        }
        while pos < scalars.count {
            let c = scalars[pos]
            let p = c.properties
            let isWordChar = p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            if isWordChar || (Fold.isApostrophe(c) && !raw.isEmpty && pos + 1 < scalars.count && scalars[pos + 1].properties.isAlphabetic) {
                if raw.isEmpty {
                    start = pos
                    if pendingBreak { sep = .breaking; pendingBreak = false }
                }
                raw.append(c)
            } else {
                flush()
                switch c {
                case " ", "\u{00A0}", "\t": break
                case "-", "–", "—", "‐", "‑": if sep != .breaking { sep = .hyphen }
                case "\n", "\r", ".", "!", "?", "؟", "۔":
                    sep = .breaking; pendingBreak = true; sentenceStart = true
                default:
                    sep = .breaking; pendingBreak = true
                }
            }
            pos += 1
        }
        flush()
        return out
    }

    private static let frenchElisions: Set<String> = ["d", "l", "qu", "j", "s", "n", "jusqu", "lorsqu", "puisqu"]

    static func makeWord(_ raw: [Unicode.Scalar], start: Int, before: Separator, sentenceStart: Bool) -> Word {
        let (folded, origin) = Fold.fold(raw)
        let arabic = raw.contains(where: Fold.isArabic)
        let capitalised = raw.first.map { $0.properties.isUppercase } ?? false
        var forms: [WordForm] = []
        func add(_ f: ArraySlice<Unicode.Scalar>, cutStart: Int, cutEnd: Int) {
            guard !f.isEmpty else { return }
            let key = String(String.UnicodeScalarView(f))
            if forms.contains(where: { $0.key == key && $0.cutStart == cutStart }) { return }
            let ph = arabic ? PhoneticKey.arabic(f, construct: false) : PhoneticKey.latin(Array(f))
            let phc = arabic ? PhoneticKey.arabic(f, construct: true) : ph
            let cap = cutStart < raw.count && raw[cutStart].properties.isUppercase
            forms.append(WordForm(key: key, phonetic: ph, phoneticConstruct: phc, cutStart: cutStart, cutEnd: cutEnd, capitalised: cap))
        }
        if arabic {
            add(Fold.dropArabicArticle(folded[...]), cutStart: 0, cutEnd: 0)
            // Proclitics, longest first: و/ف, then ب/ل/ك; "لل" is ل + the article.
            for p in arabicProclitics where folded.count >= p.count + 2 && folded.starts(with: p) {
                var rest = folded[p.count...]
                var cut = origin[p.count]
                if p.last == "\u{0644}" && p.count >= 2 && p[p.count - 2] == "\u{0644}" {
                    cut = origin[p.count - 1]   // لل: the second lam is the article's, keep it in the span
                } else {
                    rest = Fold.dropArabicArticle(rest)
                }
                if rest.count >= 2 { add(rest, cutStart: cut, cutEnd: 0) }
            }
        } else {
            let letters = folded
            add(letters[...], cutStart: 0, cutEnd: 0)
            if let a = raw.firstIndex(where: Fold.isApostrophe) {
                let head = Fold.fold(Array(raw[..<a])).scalars
                let tail = Fold.fold(Array(raw[(a + 1)...])).scalars
                // French elision: d'Idleb, l'Euphrate.
                if frenchElisions.contains(String(String.UnicodeScalarView(head))), tail.count >= 2 {
                    add(tail[...], cutStart: a + 1, cutEnd: 0)
                    // d'Idleb's is not a thing; but l'Alep'in is not either: one cut per word is enough.
                }
                // Possessive and Turkish case endings: Idlib's, İdlib'in, Halep'e, Lazkiye'den.
                if head.count >= 2 { add(head[...], cutStart: 0, cutEnd: raw.count - a) }
            }
        }
        return Word(start: start, end: start + raw.count, before: before, capitalised: capitalised, arabic: arabic,
                    sentenceStart: sentenceStart, hasLowercase: raw.dropFirst().contains { $0.properties.isLowercase }, forms: forms)
    }

    /// و ف, then ب ل ك, then ال — all combinations, longest first.
    static let arabicProclitics: [[Unicode.Scalar]] = {
        let conj: [[Unicode.Scalar]] = [[], ["\u{0648}"], ["\u{0641}"]]
        let prep: [[Unicode.Scalar]] = [[], ["\u{0628}"], ["\u{0644}"], ["\u{0643}"]]
        var out: [[Unicode.Scalar]] = []
        for c in conj {
            for p in prep where !(c.isEmpty && p.isEmpty) { out.append(c + p) }
            out.append(c + ["\u{0644}", "\u{0644}"])
        }
        return out.sorted { $0.count > $1.count }
    }()
}
