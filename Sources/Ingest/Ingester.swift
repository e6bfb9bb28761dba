import Dispatch
import Foundation
import Geo
import Geoparse

/// One article read: its text, language, place mentions and candidates.
public struct IngestedArticle: Sendable {
    public let meta: ArticleMeta
    public let article: ArticleText
    public let language: ArticleLanguage
    public let places: [PlaceSpan]
    public let candidates: Candidates
    /// Milliseconds spent finding places and reading events.
    public var geoparseMS = 0.0, extractMS = 0.0
}

/// Loads what reading needs once (lexicon, provinces, geoparser), then reads articles.
public struct Ingester: Sendable {
    public let extractor: Extractor
    public let geoparser: Geoparser

    public let gazetteer: Gazetteer
    /// Post id → anchor town name (sites.tsv).
    let siteAnchors: [String: String]

    public init(extractor: Extractor, geoparser: Geoparser, gazetteer: Gazetteer, siteAnchors: [String: String] = [:]) {
        self.extractor = extractor; self.geoparser = geoparser; self.gazetteer = gazetteer; self.siteAnchors = siteAnchors
    }

    /// From a theatre folder holding Gazetteer/ and Reading/, with the language cues of
    /// `lexiconRoot`/Lexicon (the --data folder; default: the theatre folder itself).
    public static func load(dataRoot: URL, lexiconRoot: URL? = nil) throws -> Ingester {
        let lexDir = (lexiconRoot ?? dataRoot).appendingPathComponent("Lexicon")
        let reading = dataRoot.appendingPathComponent("Reading")
        let lexicon = try Lexicon.load(directory: lexDir, theatre: reading)
        let provinces = try Provinces.load(directory: reading)
        let gazDir = dataRoot.appendingPathComponent("Gazetteer")
        var anchors: [String: String] = [:]
        let sitesURL = gazDir.appendingPathComponent("sites.tsv")
        if let text = try? readText(sitesURL) {
            let rows = tsvRows(text)
            if let header = rows.first?.fields, let ai = header.firstIndex(of: "anchor") {
                for (_, f) in rows.dropFirst() where f.count > ai {
                    anchors[String(f[0])] = String(f[ai].split(separator: "|").first ?? "")
                }
            }
        }
        return Ingester(extractor: Extractor(lexicon: lexicon, provinces: provinces),
                        geoparser: try Geoparser.load(dataRoot: dataRoot),
                        gazetteer: try Gazetteer.load(directory: gazDir), siteAnchors: anchors)
    }

    /// Coordinates of a place name (for scoring gold events).
    public func locate(_ name: String) -> GoldPlace? {
        guard let m = geoparser.resolve(name: name) else { return nil }
        return GoldPlace(lat: m.place.lat, lon: m.place.lon, isArea: ["province", "country"].contains(m.place.kind),
                         isCountry: m.place.kind == "country")
    }

    public func ingest(_ text: String, meta: ArticleMeta) -> IngestedArticle {
        let article = ArticleText(text)
        let lang = meta.language ?? ArticleLanguage.detect(article, lexicon: extractor.lexicon)
        var m = meta
        m.language = lang
        let t0 = DispatchTime.now().uptimeNanoseconds
        let mentions = geoparser.mentions(in: text, language: TextLanguage(rawValue: lang.rawValue))
        let places = mentions.map { m -> PlaceSpan in
            var span = PlaceSpan(start: m.start, end: m.end, text: m.text, id: m.place.id, name: m.place.name,
                                 kind: m.place.kind, lat: m.place.lat, lon: m.place.lon, confidence: m.confidence)
            // A post is named by its anchor town in Reports/, with the post in `sites`.
            if let anchor = siteAnchors[m.place.id], let town = gazetteer.resolve(anchor) {
                span = PlaceSpan(start: m.start, end: m.end, text: m.text, id: String(town.id), name: town.name, kind: "village",
                                 lat: m.place.lat, lon: m.place.lon, confidence: m.confidence)
                span.site = m.place.id
            } else if Int(m.place.id) == nil || gazetteer.resolve(m.place.name) == nil {
                span.inGazetteer = false
            }
            return span
        }
        let t1 = DispatchTime.now().uptimeNanoseconds
        let candidates = extractor.extract(article, places: places, meta: m)
        let t2 = DispatchTime.now().uptimeNanoseconds
        var r = IngestedArticle(meta: m, article: article, language: lang, places: places, candidates: candidates)
        r.geoparseMS = Double(t1 - t0) / 1e6
        r.extractMS = Double(t2 - t1) / 1e6
        return r
    }
}
