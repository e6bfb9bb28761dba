import Foundation
import Geo

/// The theatre's governorates, each by its capital; a place belongs to the province of the
/// nearest capital (the theatre's Reading/provinces.tsv). Rough near borders, good enough to name the
/// region of a report that gives no town and to score "the right province".
public struct Provinces: Sendable {
    public let capitals: [(name: String, lat: Double, lon: Double)]

    public init(capitals: [(name: String, lat: Double, lon: Double)]) { self.capitals = capitals }

    public static func load(directory: URL) throws -> Provinces {
        let url = directory.appendingPathComponent("provinces.tsv")
        // Without the file (a new theatre), no province is named and no place is outside the theatre.
        guard FileManager.default.fileExists(atPath: url.path) else { return Provinces(capitals: []) }
        let text = try readText(url)
        var out: [(String, Double, Double)] = []
        for (line, f) in tsvRows(text) where f.first != "name" {
            guard f.count >= 3, let lat = Double(f[1]), let lon = Double(f[2]) else {
                throw DataError(file: url.relativeDisplay, line: line, "expected name, lat, lon", fix: "tab-separate the columns")
            }
            out.append((String(f[0]), lat, lon))
        }
        return Provinces(capitals: out)
    }

    /// The province of a point (nil when farther than 150 km from every capital: outside the theatre).
    /// Whether a point lies in the theatre: near a capital, or anywhere when none is listed.
    public func inTheatre(lat: Double, lon: Double) -> Bool { capitals.isEmpty || province(lat: lat, lon: lon) != nil }

    public func province(lat: Double, lon: Double) -> String? {
        let best = capitals.min { Provinces.km(lat, lon, $0.lat, $0.lon) < Provinces.km(lat, lon, $1.lat, $1.lon) }
        guard let b = best, Provinces.km(lat, lon, b.lat, b.lon) < 150 else { return nil }
        return b.name
    }

    /// The province most of an article's places lie in.
    public func dominant(_ places: [PlaceSpan]) -> String? {
        var count: [String: Int] = [:]
        for p in places where !["country", "road"].contains(p.kind) {
            if p.kind == "province" {
                if let n = province(lat: p.lat, lon: p.lon) { count[n, default: 0] += 1 }
                continue
            }
            if let pr = province(lat: p.lat, lon: p.lon) { count[pr, default: 0] += 1 }
        }
        return count.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// Great-circle distance (haversine; enough for 5 km tests and province choice).
    public static func km(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let r = 6371.0, p = Double.pi / 180
        let a = sin((lat2 - lat1) * p / 2) * sin((lat2 - lat1) * p / 2)
            + cos(lat1 * p) * cos(lat2 * p) * sin((lon2 - lon1) * p / 2) * sin((lon2 - lon1) * p / 2)
        return 2 * r * asin(min(1, sqrt(a)))
    }
}
