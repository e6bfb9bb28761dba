import Foundation

/// The one way text and lexicon cues are compared: lower case, no Latin diacritics, Turkish
/// dotted/dotless i folded, Arabic letter variants unified and harakat/tatweel dropped, Arabic-Indic
/// digits as ASCII, typographic apostrophes as `'`. Applied to whole tokens, so offsets into the
/// article are never affected.
public enum Folding {
    public static func fold(_ s: some StringProtocol) -> String {
        // Most tokens are plain ASCII words: lower-casing is all they need.
        if s.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x60 }) { return s.lowercased() }
        var out = String.UnicodeScalarView()
        // NFD splits é into e + U+0301 and أ into ا + U+0654, so dropping the marks folds both.
        for u in String(s).decomposedStringWithCanonicalMapping.unicodeScalars {
            let v = u.value
            switch v {
            case 0x0300...0x036F, 0x064B...0x065F, 0x0670, 0x0640: continue      // marks, harakat, tatweel
            case 0x0130, 0x0131: out.append("i")                                  // İ ı
            case 0x0629: out.append("\u{0647}")                                    // ة → ه
            case 0x0649: out.append("\u{064A}")                                    // ى → ي
            case 0x0671: out.append("\u{0627}")                                    // ٱ → ا
            case 0x0660...0x0669: out.append(Unicode.Scalar(v - 0x0660 + 0x30)!)   // Arabic-Indic digits
            case 0x06F0...0x06F9: out.append(Unicode.Scalar(v - 0x06F0 + 0x30)!)   // Persian digits
            case 0x2018, 0x2019, 0x02BC, 0x02BB, 0x0060, 0x00B4: out.append("'")
            case 0x2010, 0x2011, 0x2012, 0x2013: out.append("-")
            default:
                if u.properties.isUppercase {
                    out.append(contentsOf: String(u).lowercased().unicodeScalars)
                } else {
                    out.append(u)
                }
            }
        }
        return String(out)
    }

    static func isArabic(_ u: Unicode.Scalar) -> Bool { (0x0600...0x06FF).contains(u.value) || (0x0750...0x077F).contains(u.value) }

    /// Arabic words carry proclitics (و ف ب ل ك and the article ال): the bare word is tried too,
    /// longest first, keeping at least two letters.
    static func arabicStems(_ w: String) -> [String] {
        var out: [String] = []
        var cur = Substring(w)
        func add(_ s: Substring) { if s.count >= 2, !out.contains(String(s)) { out.append(String(s)) } }
        if let f = cur.first, f == "و" || f == "ف", cur.count > 3 { cur = cur.dropFirst(); add(cur) }
        if cur.hasPrefix("لل"), cur.count > 4 { add(cur.dropFirst()); cur = cur.dropFirst(2); add("ال" + cur); add(cur) }
        if let f = cur.first, f == "ب" || f == "ل" || f == "ك", cur.count > 3 { cur = cur.dropFirst(); add(cur) }
        if cur.hasPrefix("ال"), cur.count > 3 { add(cur.dropFirst(2)) }
        return out
    }
}
