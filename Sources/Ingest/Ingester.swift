import Foundation
import Geoparse

/// One article read: its text, language, place mentions and candidates.
public struct IngestedArticle: Sendable {
    public let meta: ArticleMeta
    public let article: ArticleText
    public let language: ArticleLanguage
    public let places: [PlaceSpan]
    public let candidates: Candidates
}

/// Loads what reading needs once (lexicon, provinces, geoparser), then reads articles.
public struct Ingester: Sendable {
    public let extractor: Extractor
    public let geoparser: Geoparser

    public init(extractor: Extractor, geoparser: Geoparser) {
        self.extractor = extractor; self.geoparser = geoparser
    }

    /// From a data root holding Gazetteer/ and Lexicon/.
    public static func load(dataRoot: URL) throws -> Ingester {
        let lexDir = dataRoot.appendingPathComponent("Lexicon")
        let lexicon = try Lexicon.load(directory: lexDir)
        let provinces = try Provinces.load(directory: lexDir)
        return Ingester(extractor: Extractor(lexicon: lexicon, provinces: provinces),
                        geoparser: try Geoparser.load(dataRoot: dataRoot))
    }

    /// Coordinates of a place name (for scoring gold events).
    public func locate(_ name: String) -> (lat: Double, lon: Double)? {
        guard let m = geoparser.resolve(name).first else { return nil }
        return (m.place.lat, m.place.lon)
    }

    public func ingest(_ text: String, meta: ArticleMeta) -> IngestedArticle {
        let article = ArticleText(text)
        let lang = meta.language ?? ArticleLanguage.detect(article, lexicon: extractor.lexicon)
        var m = meta
        m.language = lang
        let mentions = geoparser.mentions(in: text, language: TextLanguage(rawValue: lang.rawValue))
        let places = mentions.map { PlaceSpan(start: $0.start, end: $0.end, text: $0.text, id: $0.place.id, name: $0.place.name,
                                              kind: $0.place.kind, lat: $0.place.lat, lon: $0.place.lon,
                                              confidence: $0.confidence) }
        let candidates = extractor.extract(article, places: places, meta: m)
        return IngestedArticle(meta: m, article: article, language: lang, places: places, candidates: candidates)
    }
}
