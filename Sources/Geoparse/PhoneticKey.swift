/// A consonant skeleton that transliterations of one Arabic name share: Saraqeb, Saraqib and
/// Sarakeb → `srkb`; Kafr and Kfar → `kfr`; Tal and Tell → `tl`; Maarat al-Numan and
/// Ma'arrat an-Nu'man → `mrt nmn`. Arabic script maps to the same letters (سراقب → `srkb`),
/// which matches Arabic text to Latin names where no Arabic name is on record.
///
/// Vowels, w and y (Arabic long vowels) and ayn/hamza drop; digraphs fold (kh sh th dh gh ch ph →
/// h s t d g s f); q c k → k; doubled letters collapse; a word-initial vowel leaves `a`.
enum PhoneticKey {
    private static let digraphs: [Unicode.Scalar: Unicode.Scalar] = ["k": "h", "g": "g", "s": "s", "c": "s", "t": "t", "d": "d", "p": "f"]

    static func latin(_ folded: [Unicode.Scalar]) -> String {
        var out: [Unicode.Scalar] = []
        let w = folded
        var i = 0
        func push(_ c: Unicode.Scalar) { if out.last != c { out.append(c) } }
        if let f = w.first, "aeiou".unicodeScalars.contains(f) { out.append("a") }
        while i < w.count {
            let c = w[i]
            let next: Unicode.Scalar? = i + 1 < w.count ? w[i + 1] : nil
            switch c {
            case "a", "e", "i", "o", "u", "y", "w", "v": i += 1; continue
            case "k" where next == "h", "g" where next == "h", "s" where next == "h", "c" where next == "h",
                 "t" where next == "h", "d" where next == "h", "p" where next == "h":
                push(digraphs[c] ?? c); i += 2; continue
            case "d" where next == "j": push("j"); i += 2; continue
            case "q", "c", "k": push("k")
            case "n" where next == "b": push("m")      // Tarnaba is said Turumbah
            case "x": push("k"); push("s")
            case "h" where i == w.count - 1 && i > 0 && (w[i - 1] == "a" || w[i - 1] == "e"): break   // Salwah = Salwa (ة)
            default:
                if c.properties.isAlphabetic { push(c) } else if c.properties.numericType != nil { push(c) }
            }
            i += 1
        }
        return Fold.string(out)
    }

    /// Skeleton of a folded Arabic word (article already dropped). `construct` is true when
    /// another word follows in the name: ة is then pronounced t (معرة النعمان → Maarat al-Numan).
    static func arabic(_ folded: ArraySlice<Unicode.Scalar>, construct: Bool) -> String {
        var out: [Unicode.Scalar] = []
        func push(_ c: Unicode.Scalar) { if out.last != c { out.append(c) } }
        if let f = folded.first, f == "\u{0627}" || f == "\u{0639}" { out.append("a") }
        for (n, c) in folded.enumerated() {
            switch c {
            case "\u{0627}", "\u{0648}", "\u{064A}", "\u{0639}": continue     // ا و ي ع
            case "\u{0628}": push("b")
            case "\u{062A}", "\u{0637}", "\u{062B}": push("t")
            case "\u{062C}": push("j")
            case "\u{062D}", "\u{062E}": push("h")
            case "\u{0647}":
                // ة was folded to ه: silent at the end of the last word, t in a construct.
                if n == folded.count - 1 { if construct { push("t") } } else { push("h") }
            case "\u{062F}", "\u{0630}", "\u{0636}": push("d")
            case "\u{0631}": push("r")
            case "\u{0632}", "\u{0638}": push("z")
            case "\u{0633}", "\u{0634}", "\u{0635}": push("s")
            case "\u{063A}": push("g")
            case "\u{0641}": push("f")
            case "\u{0642}", "\u{0643}": push("k")
            case "\u{0644}": push("l")
            case "\u{0645}": push("m")
            case "\u{0646}": push(folded.dropFirst(n + 1).first == "\u{0628}" ? "m" : "n")
            default: continue
            }
        }
        return Fold.string(out)
    }

    /// Consonants in a key (the `a` of an initial vowel and spaces do not count).
    static func strength(_ key: String) -> Int {
        key.unicodeScalars.filter { $0 != " " && $0 != "a" }.count
    }
}
