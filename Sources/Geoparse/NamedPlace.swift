import Geo

/// Everything the geoparser can resolve a name to, with the numbers disambiguation weighs.
struct NamedPlace: Sendable {
    let candidate: PlaceCandidate
    let kind: PlaceKind
    let rank: Int
    let population: Int
    /// All names and variants, any script (indexed after folding).
    var names: [String]
    /// For a road: the names of the towns it is called after (M5: Damascus, Hama, Aleppo).
    var roadEnds: [String] = []
    var country = ""
    var source = ""
    var arabic: String?
    var location: LonLat { LonLat(lon: candidate.lon, lat: candidate.lat) }

    init(place p: Place, idPrefix: String = "") {
        candidate = PlaceCandidate(id: idPrefix + String(p.id), name: p.name, kind: p.kind.rawValue,
                                   lat: p.location.lat, lon: p.location.lon)
        kind = p.kind; rank = p.rank; population = p.population
        names = [p.name] + p.variants + (p.arabic.map { [$0] } ?? [])
        country = p.country; source = p.source; arabic = p.arabic
    }

    init(id: String, name: String, kind: PlaceKind, location: LonLat, rank: Int, names: [String], source: String = "") {
        candidate = PlaceCandidate(id: id, name: name, kind: kind.rawValue, lat: location.lat, lon: location.lon)
        self.kind = kind; self.rank = rank; population = 0; self.names = [name] + names; self.source = source
    }

    var isArea: Bool { kind == .province || kind == .country }
}
