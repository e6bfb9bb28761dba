import Foundation
import Geo

/// Reads the name data beside the gazetteer: `regions.tsv` (countries, provinces, capitals),
/// `names.tsv` (names in other languages, keyed by place, region, site or road id),
/// `sites.tsv` (observation posts) and `highways.tsv` (roads).
enum NameTables {
    static func regions(_ gazDir: URL) throws -> [NamedPlace] {
        try Gazetteer.loadRegions(directory: gazDir).map { NamedPlace(place: $0) }
    }

    /// `names.tsv`: id, name, lang, source (header line). Rows for ids not loaded are reported.
    static func names(_ gazDir: URL) throws -> [(id: String, name: String, lang: String)] {
        let file = gazDir.appendingPathComponent("names.tsv")
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        var out: [(String, String, String)] = []
        for (line, f) in tsvRows(try readText(file)).dropFirst() {
            guard f.count >= 2 else {
                throw DataError(file: file.relativeDisplay, line: line, "expected id, name, lang, source",
                                fix: "separate the columns with tabs")
            }
            out.append((String(f[0]).trimmingCharacters(in: .whitespaces), String(f[1]), f.count > 2 ? String(f[2]) : ""))
        }
        return out
    }

    /// Observation posts and other sites: where a source gives coordinates, those (of the site's
    /// town, within a few km of the post); else the anchor place, moved by the stated offset.
    static func sites(_ gazDir: URL, gazetteer: Gazetteer) throws -> [NamedPlace] {
        let file = gazDir.appendingPathComponent("sites.tsv")
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        let rows = tsvRows(try readText(file))
        guard let header = rows.first?.fields.map(String.init) else { return [] }
        func col(_ n: String) -> Int? { header.firstIndex(of: n) }
        guard let cID = col("id"), let cName = col("name") else {
            throw DataError(file: file.relativeDisplay, line: 1, "missing column id or name", fix: "see Gazetteer/README.md")
        }
        var out: [NamedPlace] = []
        for (_, f) in rows.dropFirst() {
            func v(_ c: Int?) -> String { c.flatMap { $0 < f.count ? String(f[$0]) : nil } ?? "" }
            let variants = v(col("variants")).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard let loc = sitePosition(lat: v(col("lat")), lon: v(col("lon")), anchor: v(col("anchor")),
                                         relation: v(col("relation")), km: v(col("offset_km")), gazetteer: gazetteer) else { continue }
            out.append(NamedPlace(id: v(cID), name: v(cName), kind: .site, location: loc, rank: 3, names: variants,
                                  source: "Gazetteer/sites.tsv (\(v(col("outlet"))))"))
        }
        return out
    }

    static func sitePosition(lat: String, lon: String, anchor: String, relation: String, km: String,
                             gazetteer: Gazetteer) -> LonLat? {
        if let la = Double(lat), let lo = Double(lon) { return LonLat(lon: lo, lat: la) }
        let anchors = anchor.split(separator: "|").compactMap { gazetteer.resolve(String($0))?.location }
        guard !anchors.isEmpty else { return nil }
        let mid = LonLat(lon: anchors.map(\.lon).reduce(0, +) / Double(anchors.count),
                         lat: anchors.map(\.lat).reduce(0, +) / Double(anchors.count))
        let bearings: [String: Double] = ["north-of": 0, "northeast-of": 45, "east-of": 90, "southeast-of": 135,
                                          "south-of": 180, "southwest-of": 225, "west-of": 270, "northwest-of": 315]
        guard let b = bearings[relation], let d = Double(km), d > 0 else { return mid }
        let rad = b * .pi / 180
        return LonLat(lon: mid.lon + d * sin(rad) / (111.32 * cos(mid.lat * .pi / 180)), lat: mid.lat + d * cos(rad) / 110.57)
    }

    /// Roads from `highways.tsv`: the road id (M4) and "A–B highway" for its end towns, placed at
    /// the town in the middle of the list. Where the road is commonly named after cities beyond
    /// the listed stretch, `road_ends.tsv` (road, end_a, end_b, source) adds those ends.
    static func roads(_ gazDir: URL, gazetteer: Gazetteer) throws -> [NamedPlace] {
        let file = gazDir.appendingPathComponent("highways.tsv")
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        let beyond = try roadEnds(gazDir)
        var towns: [String: [(Int, Place)]] = [:]
        var order: [String] = []
        for (_, f) in tsvRows(try readText(file)).dropFirst() where f.count >= 3 {
            guard let seq = Int(f[1]), let p = gazetteer.resolve(String(f[2])) else { continue }
            let road = String(f[0])
            if towns[road] == nil { order.append(road) }
            towns[road, default: []].append((seq, p))
        }
        return order.compactMap { road in
            let list = (towns[road] ?? []).sorted { $0.0 < $1.0 }.map(\.1)
            guard let first = list.first, let last = list.last else { return nil }
            let mid = list[list.count / 2]
            var names = roadIDSpellings(road)
            var ends = [(first.name, last.name)]
            ends += beyond[road] ?? []
            for (a, b) in ends {
                for word in ["highway", "road", "motorway", "international highway", "international road", "expressway"] {
                    names.append("\(a) \(b) \(word)"); names.append("\(b) \(a) \(word)")
                }
            }
            var r = NamedPlace(id: road, name: road, kind: .road, location: mid.location, rank: 4, names: names,
                               source: "Gazetteer/highways.tsv")
            r.roadEnds = ends.flatMap { [$0.0, $0.1] }
            return r
        }
    }

    /// `road_ends.tsv`: road → the pairs of cities the news names it after.
    static func roadEnds(_ gazDir: URL) throws -> [String: [(String, String)]] {
        let file = gazDir.appendingPathComponent("road_ends.tsv")
        guard FileManager.default.fileExists(atPath: file.path) else { return [:] }
        var out: [String: [(String, String)]] = [:]
        for (line, f) in tsvRows(try readText(file)) where f.first != "road" {
            guard f.count >= 3, !f[0].isEmpty, !f[1].isEmpty, !f[2].isEmpty else {
                throw DataError(file: file.relativeDisplay, line: line, "expected road, end_a, end_b, source",
                                fix: "separate the columns with tabs (see Gazetteer/README.md)")
            }
            out[String(f[0]), default: []].append((String(f[1]), String(f[2])))
        }
        return out
    }

    static func roadIDSpellings(_ road: String) -> [String] {
        guard let n = road.dropFirst().first.map(String.init), let l = road.first else { return [road] }
        let digits = String(road.dropFirst())
        _ = n
        return ["\(l)\(digits)", "\(l)-\(digits)", "\(l) \(digits)"]
    }
}
