/// Per-script folding of one word, so that a name matches however a text spells it.
///
/// Latin: lower case, accents off (ş→s, â→a), Turkish dotted/dotless i to `i`, apostrophes and
/// ayn/hamza marks dropped. Arabic: diacritics and tatweel off, hamza forms unified (أ إ آ ٱ → ا,
/// ؤ → و, ئ → ي), ى → ي, ة → ه. Each folded scalar remembers the raw scalar it came from, so a
/// match on the folded word maps back to code point offsets in the text.
enum Fold {
    static func isArabic(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return true
        default: return false
        }
    }

    /// A String from scalars, by way of UTF-8 bytes (much faster than appending to a
    /// UnicodeScalarView, which the tokenizer would otherwise do for every word).
    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 2)
        for s in scalars {
            let v = s.value
            switch v {
            case 0..<0x80: bytes.append(UInt8(v))
            case 0x80..<0x800:
                bytes.append(UInt8(0xC0 | (v >> 6))); bytes.append(UInt8(0x80 | (v & 0x3F)))
            case 0x800..<0x10000:
                bytes.append(UInt8(0xE0 | (v >> 12))); bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F))); bytes.append(UInt8(0x80 | (v & 0x3F)))
            default:
                bytes.append(UInt8(0xF0 | (v >> 18))); bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F))); bytes.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The lookup key of folded letters: like `string`, but Arabic letters become single ASCII
    /// symbols, so that keys hash and compare as bytes (Swift normalises non-ASCII strings on
    /// every hash, which made Arabic text four times slower to read than English).
    static func key<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for s in scalars {
            if s.value >= 0x0621 && s.value <= 0x064A {
                bytes.append(arabicKeyBytes[Int(s.value - 0x0621)])
            } else if s.value < 0x80 {
                bytes.append(UInt8(s.value))
            } else {
                bytes.append(contentsOf: Array(String(s).utf8))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One ASCII byte per Arabic letter U+0621…U+064A (never a lower-case letter, a digit or a space,
    /// which Latin keys use).
    private static let arabicKeyBytes: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&()*+,-./:;<=>?@[]^_{|}~".utf8).prefix(0x064A - 0x0621 + 1).map { $0 }

    static func isCyrillic(_ s: Unicode.Scalar) -> Bool { s.value >= 0x0400 && s.value <= 0x04FF }

    static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        switch s { case "'", "’", "‘", "ʿ", "ʾ", "`", "´", "ʼ": return true; default: return false }
    }

    /// Folded scalars of a raw word and, for each, the index of the raw scalar it came from.
    static func fold(_ raw: [Unicode.Scalar]) -> (scalars: [Unicode.Scalar], origin: [Int]) {
        var out: [Unicode.Scalar] = [], origin: [Int] = []
        out.reserveCapacity(raw.count); origin.reserveCapacity(raw.count)
        for (i, c) in raw.enumerated() {
            // ASCII letters and digits (most of any Latin text) without a detour.
            switch c.value {
            case 0x61...0x7A, 0x30...0x39: out.append(c); origin.append(i); continue
            case 0x41...0x5A: out.append(Unicode.Scalar(UInt8(c.value + 32))); origin.append(i); continue
            default: break
            }
            for f in foldScalar(c) { out.append(f); origin.append(i) }
        }
        return (out, origin)
    }

    static func foldScalar(_ c: Unicode.Scalar) -> [Unicode.Scalar] {
        switch c.value {
        case 0x41...0x5A: return [Unicode.Scalar(c.value + 32) ?? c]
        case 0x61...0x7A, 0x30...0x39: return [c]
        case 0x0130, 0x0131: return ["i"]                          // İ ı
        case 0x064B...0x065F, 0x0670, 0x0640, 0x06D6...0x06ED: return []   // harakat, superscript alef, tatweel
        case 0x0623, 0x0625, 0x0622, 0x0671: return ["\u{0627}"]    // أ إ آ ٱ → ا
        case 0x0624: return ["\u{0648}"]                            // ؤ → و
        case 0x0626, 0x0649, 0x06CC: return ["\u{064A}"]            // ئ ى ی → ي
        case 0x0629: return ["\u{0647}"]                            // ة → ه
        case 0x0621: return []                                      // lone hamza
        case 0x06A9: return ["\u{0643}"]                            // Persian kaf
        case 0x00C0...0x024F, 0x1E00...0x1EFF:
            // Accented Latin letters (ş ç ğ ü ö é â ḩ ā…): from a table made once.
            return latinTable[Int(c.value < 0x0250 ? c.value - 0x00C0 : c.value - 0x1E00 + 0x0250 - 0x00C0)]
        default:
            if isApostrophe(c) { return [] }
            if isArabic(c) { return [c] }
            return decompose(c)
        }
    }

    /// Accented Latin letters folded once, in code point order (U+00C0–U+024F, then U+1E00–U+1EFF).
    private static let latinTable: [[Unicode.Scalar]] = (Array(0x00C0...0x024F) + Array(0x1E00...0x1EFF)).map { v in
        guard let c = Unicode.Scalar(UInt32(v)) else { return [] }
        if v == 0x0130 || v == 0x0131 { return ["i"] }
        return decompose(c)
    }

    /// Lower case without accents: the first scalar of the canonical decomposition.
    private static func decompose(_ c: Unicode.Scalar) -> [Unicode.Scalar] {
        let base = String(c).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? c
        if base.value < 0x80 { return base.value >= 0x41 && base.value <= 0x5A ? [Unicode.Scalar(base.value + 32) ?? base] : [base] }
        return Array(base.properties.lowercaseMapping.unicodeScalars)
    }

    /// Words that are articles in transliterated Arabic names (al-Numan, an-Nu'man, as-Safira).
    static let latinArticles: Set<String> = ["al", "el", "ad", "ar", "as", "at", "an", "az", "ash", "ath", "adh", "es", "et",
                                             "ed", "er", "en", "ez", "esh", "ul", "il"]

    static let arabicArticle: [Unicode.Scalar] = ["\u{0627}", "\u{0644}"]

    /// The folded Arabic word without its article ال (kept when too little would remain).
    static func dropArabicArticle(_ w: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        if w.count >= 4, w.first == "\u{0627}", w.dropFirst().first == "\u{0644}" { return w.dropFirst(2) }
        return w
    }

    /// The comparison key of a whole name: folded words, articles dropped, single spaces.
    static func nameKey(_ name: String) -> String {
        words(of: name).map { key($0) }.joined(separator: " ")
    }

    /// Folded words of a name with articles dropped (a one-word name keeps its word).
    static func words(of name: String) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var cur: [Unicode.Scalar] = []
        for c in name.unicodeScalars {
            if c.properties.isAlphabetic || c.properties.numericType != nil || isApostrophe(c) || c.properties.generalCategory == .nonspacingMark {
                cur.append(c)
            } else if !cur.isEmpty { words.append(cur); cur = [] }
        }
        if !cur.isEmpty { words.append(cur) }
        var out: [[Unicode.Scalar]] = []
        for w in words {
            let f = fold(w).scalars
            if f.isEmpty { continue }
            if f.first.map(isArabic) == true {
                out.append(Array(dropArabicArticle(f[...])))
            } else if words.count > 1, latinArticles.contains(Fold.key(f)) {
                continue
            } else {
                out.append(f)
            }
        }
        return out
    }
}
