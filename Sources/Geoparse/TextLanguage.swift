/// The languages the geoparser reads. Detection is by script (Arabic; Cyrillic, where letters
/// only Ukrainian or only Russian uses decide) and by a handful of very common function words:
/// enough to tell them apart on a paragraph of news text.
public enum TextLanguage: String, Sendable, Codable, CaseIterable {
    case en, ar, fr, tr, uk, ru

    /// The language's English name, for messages.
    public var name: String {
        switch self {
        case .en: return "English"
        case .ar: return "Arabic"
        case .fr: return "French"
        case .tr: return "Turkish"
        case .uk: return "Ukrainian"
        case .ru: return "Russian"
        }
    }

    public static func detect(_ text: String) -> TextLanguage {
        var arabic = 0, latin = 0, cyrillic = 0, ukrainian = 0, russian = 0
        for s in text.unicodeScalars.prefix(20_000) {
            if Fold.isArabic(s) { arabic += 1 } else if Fold.isCyrillic(s) {
                cyrillic += 1
                if "іїєґІЇЄҐ".unicodeScalars.contains(s) { ukrainian += 1 } else if "ыэъёЫЭЪЁ".unicodeScalars.contains(s) { russian += 1 }
            } else if s.properties.isAlphabetic && s.value < 0x0250 { latin += 1 }
        }
        if arabic > latin && arabic >= cyrillic { return .ar }
        if cyrillic > latin { return ukrainian >= russian && ukrainian > 0 ? .uk : .ru }
        var votes: [TextLanguage: Int] = [:]
        var word = ""
        func vote() {
            if let l = markers[word] { votes[l, default: 0] += 1 }
            word = ""
        }
        for s in text.unicodeScalars.prefix(20_000) {
            if s.properties.isAlphabetic { word.unicodeScalars.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars) } else { vote() }
        }
        vote()
        // Turkish letters are decisive even in a short text.
        if text.unicodeScalars.contains(where: { "ışğİŞĞ".unicodeScalars.contains($0) }) { votes[.tr, default: 0] += 5 }
        return votes.max { ($0.value, $0.key.rawValue) < ($1.value, $1.key.rawValue) }?.key ?? .en
    }

    private static let markers: [String: TextLanguage] = {
        var m: [String: TextLanguage] = [:]
        for w in ["the", "and", "of", "to", "in", "said", "was", "were", "with", "that", "from", "has", "by"] { m[w] = .en }
        for w in ["le", "la", "les", "des", "du", "et", "une", "dans", "est", "sur", "pour", "selon", "qui", "au"] { m[w] = .fr }
        for w in ["ve", "bir", "bu", "ile", "için", "olarak", "da", "de", "göre", "olan", "ise", "gibi"] { m[w] = .tr }
        return m
    }()
}
