import Geoparse

/// The article languages ingest reads. Mirrors Geoparse's TextLanguage by raw value.
public enum ArticleLanguage: String, Sendable, CaseIterable, Codable {
    case en, ar, fr, tr, uk, ru

    /// The language of most of `text`: Arabic by script, the others by their commonest words.
    public static func detect(_ article: ArticleText, lexicon: Lexicon) -> ArticleLanguage {
        var arabic = 0, latin = 0, cyrillic = 0
        for t in article.tokens where t.kind == .word {
            if let u = t.text.unicodeScalars.first, Folding.isArabic(u) { arabic += 1 }
            else if let u = t.text.unicodeScalars.first, u.value >= 0x0400 && u.value <= 0x04FF { cyrillic += 1 } else { latin += 1 }
        }
        if arabic > latin && arabic >= cyrillic { return .ar }
        // Ukrainian or Russian: by the letters only one of them writes (the geoparser's rule).
        if cyrillic > latin { return ArticleLanguage(rawValue: TextLanguage.detect(article.text).rawValue) ?? .ru }
        var counts: [String: Int] = [:]
        for m in lexicon.stopwords.matches(in: article.tokens, 0..<article.tokens.count, lang: nil) {
            counts[m.cue.lang, default: 0] += 1
        }
        let best = ["en", "fr", "tr"].max { (counts[$0] ?? 0, $0 == "en" ? 1 : 0) < (counts[$1] ?? 0, $1 == "en" ? 1 : 0) }
        return ArticleLanguage(rawValue: best ?? "en") ?? .en
    }
}
