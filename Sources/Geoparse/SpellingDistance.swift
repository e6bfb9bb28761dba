/// How far apart two Latin transliterations of one Arabic name are, counting what
/// transliteration conventions do not change as free: e for a or i (Saraqeb/Saraqib,
/// Maaret/Maarat), o for u, y for i; ou/oo → u, ee → i, ay/ai/ei/ey → e (Shaykh/Sheikh),
/// q/c/k → k, v → w (Turkish Vadi), doubled letters single. A vowel moved across a consonant inside the name costs ½
/// (Kafr/Kfar; not at the end: Barda is not Barad), a vowel written or not ¾ (Sakhr/Sakhar), a final h after a vowel ½ (Tina/Tineh); a vowel of
/// another quality 1 when short (unwritten in Arabic: Jubas/Jubus), 1½ when long (Salamiyah is
/// not al-Salloumiyah), a consonant change 1 (Baris is not Barisha); n before b is m (Tarnaba/Turumbah).
enum SpellingDistance {
    // Letters as bytes; long vowels are the capitals U and I.
    static func normalise(_ s: String) -> [UInt8] {
        var b: [UInt8] = []
        b.reserveCapacity(s.utf8.count)
        for c in s.utf8 where c != 32 { b.append(c) }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        func at(_ k: Int) -> UInt8 { k < b.count ? b[k] : 0 }
        while i < b.count {
            let c = b[i], n = at(i + 1)
            var emit: UInt8 = c
            var step = 1
            switch (c, n) {
            case (UInt8(ascii: "o"), UInt8(ascii: "u")), (UInt8(ascii: "o"), UInt8(ascii: "o")): emit = UInt8(ascii: "U"); step = 2
            case (UInt8(ascii: "e"), UInt8(ascii: "e")): emit = UInt8(ascii: "I"); step = 2
            case (UInt8(ascii: "a"), UInt8(ascii: "y")), (UInt8(ascii: "a"), UInt8(ascii: "i")),
                 (UInt8(ascii: "e"), UInt8(ascii: "i")), (UInt8(ascii: "e"), UInt8(ascii: "y")): emit = UInt8(ascii: "e"); step = 2
            case (UInt8(ascii: "c"), UInt8(ascii: "k")): emit = UInt8(ascii: "k"); step = 2
            case (UInt8(ascii: "q"), _), (UInt8(ascii: "c"), _): emit = UInt8(ascii: "k")
            case (UInt8(ascii: "n"), UInt8(ascii: "b")): emit = UInt8(ascii: "m")     // Tarnaba is said Turumbah
            case (UInt8(ascii: "v"), _): emit = UInt8(ascii: "w")                        // Turkish Vadi, Wadi
            default: break
            }
            if out.last != emit { out.append(emit) }
            i += step
        }
        return out
    }

    static func isVowel(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"),
             UInt8(ascii: "U"), UInt8(ascii: "I"): return true
        default: return false
        }
    }

    static func substitution(_ a: UInt8, _ b: UInt8) -> Double {
        if a == b { return 0 }
        if isVowel(a) && isVowel(b) {
            let x = a | 0x20, y = b | 0x20     // lower case
            if x == y { return 0 }
            let pair = (min(x, y), max(x, y))
            switch pair {
            case (UInt8(ascii: "a"), UInt8(ascii: "e")), (UInt8(ascii: "e"), UInt8(ascii: "i")),
                 (UInt8(ascii: "i"), UInt8(ascii: "y")), (UInt8(ascii: "o"), UInt8(ascii: "u")): return 0
            default: break
            }
            // Short vowels are unwritten in Arabic, so sources guess them (Jubas/Jubus); a long
            // vowel of another quality is another name (al-Salloumiyah is not Salamiyah).
            let long = a == UInt8(ascii: "U") || a == UInt8(ascii: "I") || b == UInt8(ascii: "U") || b == UInt8(ascii: "I")
            return long ? 1.5 : 1
        }
        return isVowel(a) != isVowel(b) ? 2 : 1
    }

    /// Cost of writing or dropping the letter at position `i` of `w`.
    static func indel(_ w: [UInt8], _ i: Int) -> Double {
        let c = w[i]
        if isVowel(c) { return 0.75 }
        if c == UInt8(ascii: "h") && i == w.count - 1 && i > 0 && isVowel(w[i - 1]) { return 0.5 }
        return 1
    }

    static func distance(_ x: String, _ y: String) -> Double {
        let a = normalise(x), b = normalise(y)
        if a.isEmpty || b.isEmpty { return Double(max(a.count, b.count)) }
        let w = b.count + 1
        var d = [Double](repeating: 0, count: (a.count + 1) * w)
        for i in 1...a.count { d[i * w] = d[(i - 1) * w] + indel(a, i - 1) }
        for j in 1...b.count { d[j] = d[j - 1] + indel(b, j - 1) }
        for i in 1...a.count {
            for j in 1...b.count {
                var v = min(d[(i - 1) * w + j] + indel(a, i - 1), d[i * w + j - 1] + indel(b, j - 1),
                            d[(i - 1) * w + j - 1] + substitution(a[i - 1], b[j - 1]))
                // A vowel on the other side of a consonant inside the name: Kafr/Kfar.
                if i > 1, j > 1, i < a.count, j < b.count, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1],
                   isVowel(a[i - 1]) != isVowel(a[i - 2]) {
                    v = min(v, d[(i - 2) * w + j - 2] + 0.5)
                }
                d[i * w + j] = v
            }
        }
        return d[a.count * w + b.count]
    }

    /// The largest distance at which a spelling is taken for a name: 1 (1½ for names of ten
    /// letters or more).
    static func bound(_ written: String) -> Double { normalise(written).count >= 10 ? 1.5 : 1.0 }
}
