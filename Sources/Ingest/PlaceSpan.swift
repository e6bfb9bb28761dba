/// A place the text names, resolved (by Geoparse) to a gazetteer entry.
public struct PlaceSpan: Sendable, Equatable {
    public let start: Int
    public let end: Int
    public let text: String
    /// The gazetteer id (GeoNames or project id) and English name.
    public let id: String
    public let name: String
    public let kind: String
    public let lat: Double
    public let lon: Double
    public let confidence: Double
    /// The Turkish post (sites.tsv id) the name stands for; the place is then its anchor town.
    public var site: String?
    /// Whether Reports/ can name it (a gazetteer place); far cities (Moscow) go to `regions`.
    public var inGazetteer = true

    public init(start: Int, end: Int, text: String, id: String, name: String, kind: String, lat: Double, lon: Double,
                confidence: Double) {
        self.start = start; self.end = end; self.text = text; self.id = id; self.name = name; self.kind = kind
        self.lat = lat; self.lon = lon; self.confidence = confidence
    }
}

/// Where a place stands in its sentence.
public enum PlaceRole: String, Sendable, Codable {
    case at, from, to, via
}

/// A place of a sentence with its role, and, for "west of Sarmin" or "15 km south-east of
/// Idlib", the relation the map draws as a wedge; for "between A and B" / "the road linking A
/// to B", the partner place.
public struct RoledPlace: Sendable {
    public let span: PlaceSpan
    public var role: PlaceRole
    /// sites.tsv vocabulary: at, north-of … northwest-of, between, on-road.
    public var relation: String = "at"
    public var offsetKm: Double?
    public var partner: PlaceSpan?
    public var road: String?
}
