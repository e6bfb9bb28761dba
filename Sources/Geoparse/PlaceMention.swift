/// A place the geoparser can name: a gazetteer place, province, country, capital, road or site.
public struct PlaceCandidate: Sendable, Codable, Hashable {
    /// `places.tsv`/`regions.tsv` GeoNames id, a site id (O4, N1) or a road id (M4).
    public let id: String
    public let name: String
    /// city, town, village, province, country, capital, road, site, airbase, crossing…
    public let kind: String
    public let lat: Double
    public let lon: Double

    public init(id: String, name: String, kind: String, lat: Double, lon: Double) {
        self.id = id; self.name = name; self.kind = kind; self.lat = lat; self.lon = lon
    }
}

/// One place mentioned in a text: where (Unicode code point offsets, end exclusive), what was
/// written, the place chosen, how sure, and the other places the words could mean.
public struct PlaceMention: Sendable, Codable {
    public let start: Int
    public let end: Int
    public let text: String
    public let place: PlaceCandidate
    /// 0–1: lower for spelling-key matches and for names several places share.
    public let confidence: Double
    public let alternatives: [PlaceCandidate]

    public init(start: Int, end: Int, text: String, place: PlaceCandidate, confidence: Double, alternatives: [PlaceCandidate]) {
        self.start = start; self.end = end; self.text = text; self.place = place
        self.confidence = confidence; self.alternatives = alternatives
    }
}
