/// What separates a word from the one before it. A name may run across spaces and hyphens
/// ("Maarat al-Numan", "Damascus–Aleppo") but not across other punctuation.
enum Separator: Sendable { case space, hyphen, breaking }

/// One way to read a word: its folded key after cutting attached prefixes or suffixes
/// (و ب ل ك ف, d'/l', 's, Turkish case endings after an apostrophe).
struct WordForm: Sendable {
    let key: String
    /// The folded letters, for the spelling keys (computed only when a spelling is guessed).
    let folded: ArraySlice<Unicode.Scalar>
    let arabic: Bool
    var phonetic: String { arabic ? PhoneticKey.arabic(folded, construct: false) : PhoneticKey.latin(Array(folded)) }
    /// The spelling key when another word of the name follows (Arabic ة is then read t).
    var phoneticConstruct: String { arabic ? PhoneticKey.arabic(folded, construct: true) : phonetic }
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
    /// `turkish`: also read c as j (Cisr = Jisr, Cebel = Jabal), as Turkish spells it.
    static func words(_ text: String, turkish: Bool = false) -> [Word] {
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
            if !r.isEmpty { out.append(makeWord(r, start: start, before: sep, sentenceStart: sentenceStart, turkish: turkish)) }
            raw = []
            sep = .space
            sentenceStart = false
        }
        while pos < scalars.count {
            let c = scalars[pos]
            // An apostrophe inside a word (Ma'arrat, İdlib'in), or an ayn mark opening one (Kafr 'Amim).
            let apostropheInWord = Fold.isApostrophe(c) && pos + 1 < scalars.count && isWordScalar(scalars[pos + 1])
                && (!raw.isEmpty || pos == 0 || scalars[pos - 1] == " " || scalars[pos - 1] == "-" || scalars[pos - 1] == "\u{00A0}")
            if isWordScalar(c) || apostropheInWord {
                if raw.isEmpty {
                    start = pos
                    if pendingBreak { sep = .breaking; pendingBreak = false }
                }
                raw.append(c)
            } else {
                flush()
                switch c {
                case " ", "\u{00A0}", "\t": break
                // A hamza or ayn mark after a word (Mare', al-Hamra') is no punctuation.
                case "'", "’", "ʿ", "ʾ", "ʼ", "‘", "`", "´": break
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

    static func isUpper(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? (c.value >= 0x41 && c.value <= 0x5A) : c.properties.isUppercase
    }

    static func isLower(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? (c.value >= 0x61 && c.value <= 0x7A) : c.properties.isLowercase
    }

    /// Letters, digits and combining marks; ASCII without a property lookup.
    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 {
            return (c.value >= 0x61 && c.value <= 0x7A) || (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x30 && c.value <= 0x39)
        }
        // The Arabic block: letters, harakat, tatweel, Arabic-Indic digits; not ، ؛ ؟.
        if c.value >= 0x0600 && c.value <= 0x06FF {
            switch c.value {
            case 0x0621...0x065F, 0x0660...0x0669, 0x0670...0x06D3, 0x06D5...0x06ED: return true
            default: return false
            }
        }
        let p = c.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
    }

    private static let frenchElisions: Set<String> = ["d", "l", "qu", "j", "s", "n", "jusqu", "lorsqu", "puisqu"]

    static func makeWord(_ raw: [Unicode.Scalar], start: Int, before: Separator, sentenceStart: Bool, turkish: Bool = false) -> Word {
        let (folded, origin) = Fold.fold(raw)
        let arabic = raw.contains(where: Fold.isArabic)
        let capitalised = raw.first.map(isUpper) ?? false
        var forms: [WordForm] = []
        func add(_ f: ArraySlice<Unicode.Scalar>, cutStart: Int, cutEnd: Int) {
            guard !f.isEmpty else { return }
            let key = Fold.key(f)
            if forms.contains(where: { $0.key == key && $0.cutStart == cutStart }) { return }
            let cap = cutStart < raw.count && isUpper(raw[cutStart])
            forms.append(WordForm(key: key, folded: f, arabic: arabic, cutStart: cutStart, cutEnd: cutEnd, capitalised: cap))
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
            let cyrillic = SlavicStem.isCyrillic(letters)
            if cyrillic, letters.count >= 3 {
                // The case ending stays inside the span: it is part of the word as written.
                forms.append(WordForm(key: SlavicStem.key(letters), folded: letters[...], arabic: false, cutStart: 0, cutEnd: 0,
                                      capitalised: capitalised))
            }
            // (A Ukrainian apostrophe is a letter sign, Куп'янськ, not the start of a suffix.)
            if !cyrillic, let a = raw.firstIndex(where: Fold.isApostrophe) {
                let head = Fold.fold(Array(raw[..<a])).scalars
                let tail = Fold.fold(Array(raw[(a + 1)...])).scalars
                // French elision: d'Idleb, l'Euphrate.
                if frenchElisions.contains(Fold.string(head)), tail.count >= 2 {
                    add(tail[...], cutStart: a + 1, cutEnd: 0)
                    // d'Idleb's is not a thing; but l'Alep'in is not either: one cut per word is enough.
                }
                // Possessive and Turkish case endings: Idlib's, İdlib'in, Halep'e, Lazkiye'den.
                if head.count >= 2 { add(head[...], cutStart: 0, cutEnd: raw.count - a) }
            }
        }
        if turkish && !arabic && raw.contains(where: { $0 == "c" || $0 == "C" }) {
            // The same word with Turkish c read as j; same length, so the same cuts apply.
            let j = raw.map { $0 == "c" ? Unicode.Scalar("j") : $0 == "C" ? Unicode.Scalar("J") : $0 }
            for f in makeWord(j, start: start, before: before, sentenceStart: sentenceStart).forms
            where !forms.contains(where: { $0.key == f.key && $0.cutStart == f.cutStart }) {
                forms.append(f)
            }
        }
        // A "word" of marks or tatweel alone folds to nothing: it keeps an empty reading, which
        // matches no name (every word has at least one form).
        if forms.isEmpty { forms.append(WordForm(key: "", folded: [], arabic: arabic, cutStart: 0, cutEnd: 0, capitalised: false)) }
        return Word(start: start, end: start + raw.count, before: before, capitalised: capitalised, arabic: arabic,
                    sentenceStart: sentenceStart, hasLowercase: raw.dropFirst().contains(where: isLower), forms: forms)
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
