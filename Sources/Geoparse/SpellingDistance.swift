/// How far apart two Latin transliterations of one Arabic name are, counting what
/// transliteration conventions do not change as free: e for a or i (Saraqeb/Saraqib,
/// Maaret/Maarat), o for u, y for i; ou/oo → u, ee → i, ay/ai/ei/ey → e (Shaykh/Sheikh),
/// q/c/k → k, doubled letters single. A vowel moved across a consonant inside the name costs ½
/// (Kafr/Kfar; not at the end: Barda is not Barad), a vowel written or not ¾ (Sakhr/Sakhar), a final h after a vowel ½ (Tina/Tineh); a vowel of
/// another quality 1 when short (unwritten in Arabic: Jubas/Jubus), 1½ when long (Salamiyah is
/// not al-Salloumiyah), a consonant change 1 (Baris is not Barisha); n before b is m (Tarnaba/Turumbah).
enum SpellingDistance {
    static func normalise(_ s: String) -> [Character] {
        var t = s.replacingOccurrences(of: " ", with: "")
        // Long vowels (written in Arabic, so never a guess) stay apart as capitals: U, I.
        for (a, b) in [("ou", "U"), ("oo", "U"), ("ee", "I"), ("ay", "e"), ("ai", "e"), ("ei", "e"), ("ey", "e"),
                       ("q", "k"), ("ck", "k"), ("c", "k"), ("kk", "k"), ("nb", "mb")] {
            t = t.replacingOccurrences(of: a, with: b)
        }
        var out: [Character] = []
        for c in t where out.last != c { out.append(c) }
        return out
    }

    static func isVowel(_ c: Character) -> Bool { "aeiouyUI".contains(c) }

    static func substitution(_ a: Character, _ b: Character) -> Double {
        if a == b { return 0 }
        if isVowel(a) && isVowel(b) {
            let pair = Set([Character(a.lowercased()), Character(b.lowercased())])
            if pair.count == 1 || pair == ["a", "e"] || pair == ["e", "i"] || pair == ["i", "y"] || pair == ["o", "u"] { return 0 }
            // Short vowels are unwritten in Arabic, so sources guess them (Jubas/Jubus); a long
            // vowel of another quality is another name (al-Salloumiyah is not Salamiyah).
            return a.isUppercase || b.isUppercase ? 1.5 : 1
        }
        return isVowel(a) != isVowel(b) ? 2 : 1
    }

    /// Cost of writing or dropping `c` at position `i` of `w`.
    static func indel(_ w: [Character], _ i: Int) -> Double {
        let c = w[i]
        if isVowel(c) { return 0.75 }
        if c == "h" && i == w.count - 1 && i > 0 && isVowel(w[i - 1]) { return 0.5 }
        return 1
    }

    static func distance(_ x: String, _ y: String) -> Double {
        let a = normalise(x), b = normalise(y)
        if a.isEmpty || b.isEmpty { return Double(max(a.count, b.count)) }
        var d = [[Double]](repeating: [Double](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 1...a.count { d[i][0] = d[i - 1][0] + indel(a, i - 1) }
        for j in 1...b.count { d[0][j] = d[0][j - 1] + indel(b, j - 1) }
        for i in 1...a.count {
            for j in 1...b.count {
                var v = min(d[i - 1][j] + indel(a, i - 1), d[i][j - 1] + indel(b, j - 1),
                            d[i - 1][j - 1] + substitution(a[i - 1], b[j - 1]))
                // A vowel on the other side of a consonant: Kafr/Kfar.
                if i > 1, j > 1, i < a.count, j < b.count, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1], isVowel(a[i - 1]) != isVowel(a[i - 2]) {
                    v = min(v, d[i - 2][j - 2] + 0.5)
                }
                d[i][j] = v
            }
        }
        return d[a.count][b.count]
    }

    /// The largest distance at which a spelling is taken for a name: 1 (1½ for names of ten
    /// letters or more).
    static func bound(_ written: String) -> Double { normalise(written).count >= 10 ? 1.5 : 1.0 }
}
