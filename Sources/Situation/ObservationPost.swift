import Foundation
import Geo

/// A site of the theatre (e.g. an observation post), where it is (approximately) and
/// what sources say of it. Its kind is one of the theatre's `sites.kinds`.
public struct ObservationPost: Sendable {
    /// How the position was derived: no public source gives a post's exact position.
    public enum Placement: Sendable, Equatable {
        case coordinates                          // the named site's coordinates from a source
        case at(String)                           // at a town
        case offset(String, bearing: Double, km: Double) // "west of A"
        case between(String, String)              // "between A and B"
        case onRoad(String, String)               // "on the highway linking A to B"
    }

    public let id: String
    public let name: String
    public let variants: [String]
    public let kind: String
    public let established: Day?
    public let establishedApproximate: Bool
    public let location: LonLat
    public let placement: Placement
    public let exact: Bool
    /// The reported encirclement date, if any source reports one.
    public let encircledSince: Day?
    public let encircledSource: String
    public let source: Source
    public let note: String
    public let line: Int

    /// From when the post is on the map: its establishment date, or, where no source dates it, the
    /// first date a source reports it (encircled since …), so that it is not silently left out.
    public var activeSince: Day? { established ?? encircledSince }

    /// The post's name without the parenthesised variants, for labels.
    public var shortName: String {
        let base = name.split(separator: "(").first.map(\.trimmingWhitespace) ?? name
        return base.split(separator: " - ").first.map(String.init) ?? base
    }
}

enum PostTable {
    static let bearings: [String: Double] = ["north-of": 0, "northeast-of": 45, "east-of": 90, "southeast-of": 135,
                                             "south-of": 180, "southwest-of": 225, "west-of": 270, "northwest-of": 315]

    static func parse(_ text: String, file: String, gazetteer: Gazetteer, kinds: [String]) throws -> [ObservationPost] {
        let rows = tsvRows(text)
        guard let header = rows.first?.fields.map(String.init) else { return [] }
        func col(_ name: String) throws -> Int {
            guard let i = header.firstIndex(of: name) else {
                throw DataError(file: file, line: rows.first?.line ?? 1, "missing column \"\(name)\"",
                                fix: "see Gazetteer/README.md for the columns of sites.tsv")
            }
            return i
        }
        let c = try (id: col("id"), name: col("name"), variants: col("variants"), kind: col("kind"),
                     est: col("established"), prec: col("established_precision"), anchor: col("anchor"),
                     rel: col("relation"), off: col("offset_km"), lat: col("lat"), lon: col("lon"),
                     pos: col("position"), enc: col("encircled_since"), encSrc: col("encircled_source"),
                     outlet: col("outlet"), pub: col("published"), attr: col("attributed_to"), url: col("url"),
                     note: col("note"))
        var out: [ObservationPost] = []
        for (line, f) in rows.dropFirst() {
            func v(_ i: Int) -> String { i < f.count ? f[i].trimmingWhitespace : "" }
            func place(_ name: String) throws -> Place { try gazetteer.resolve(name, file: file, line: line) }
            let kind = v(c.kind)
            guard kinds.contains(kind) else {
                throw DataError(file: file, line: line, "unknown kind \"\(kind)\"", fix: "one of the theatre's site kinds: \(kinds.joined(separator: ", "))")
            }
            let anchors = v(c.anchor).split(separator: "|").map(\.trimmingWhitespace)
            let relation = v(c.rel)
            guard ["", "at", "between", "on-road"].contains(relation) || bearings[relation] != nil else {
                throw DataError(file: file, line: line, "unknown relation \"\(relation)\"",
                                fix: "one of: at, between, on-road, \(bearings.keys.sorted().joined(separator: ", "))")
            }
            guard anchors.count <= 2 else {
                throw DataError(file: file, line: line, "post \(v(c.id)) has \(anchors.count) anchor places",
                                fix: "give one anchor place, or two separated by | (between, on-road)")
            }
            let location: LonLat
            let placement: ObservationPost.Placement
            // The base point: a source's coordinates of the named site, else the anchor town(s).
            let base: LonLat
            var anchorName = anchors.first ?? ""
            let field = DataField(file: file, line: line)
            let lat = try field.optionalDouble(v(c.lat), "lat", in: -90...90, example: "35.93")
            let lon = try field.optionalDouble(v(c.lon), "lon", in: -180...180, example: "36.63")
            // An offset beyond the theatre is a typo, not a position.
            let offsetKm = try field.optionalDouble(v(c.off), "offset_km", in: 0...100, example: "2")
            if (lat == nil) != (lon == nil) {
                throw DataError(file: file, line: line, "post \(v(c.id)) has only one of lat and lon",
                                fix: "fill both lat and lon, or neither (then the anchor place is used)")
            }
            if let lat, let lon {
                base = LonLat(lon: lon, lat: lat)
            } else if anchors.count == 2 {
                let a = try place(anchors[0]).location, b = try place(anchors[1]).location
                base = LonLat(lon: (a.lon + b.lon) / 2, lat: (a.lat + b.lat) / 2)
            } else if !anchorName.isEmpty {
                let p = try place(anchorName)
                base = p.location
                anchorName = p.name
            } else {
                throw DataError(file: file, line: line, "post \(v(c.id)) has neither coordinates nor an anchor place",
                                fix: "fill lat/lon or anchor (and relation)")
            }
            if anchors.count == 2 {
                location = base
                placement = relation == "on-road" ? .onRoad(anchors[0], anchors[1]) : .between(anchors[0], anchors[1])
            } else if let bearing = bearings[relation], let km = offsetKm, km > 0 {
                location = Geodesic.destination(from: base, bearing: bearing, km: km)
                placement = .offset(anchorName, bearing: bearing, km: km)
            } else {
                location = base
                placement = v(c.lat).isEmpty ? .at(anchorName) : .coordinates
            }
            let est = v(c.est)
            let enc = v(c.enc)
            if !est.isEmpty, Day(est) == nil {
                throw DataError(file: file, line: line, "bad established date \"\(est)\"", fix: "write YYYY-MM-DD")
            }
            if !enc.isEmpty, Day(enc) == nil {
                throw DataError(file: file, line: line, "bad encircled_since date \"\(enc)\"", fix: "write YYYY-MM-DD")
            }
            out.append(ObservationPost(
                id: v(c.id), name: v(c.name),
                variants: v(c.variants).split(separator: ",").map(\.trimmingWhitespace),
                kind: kind, established: Day(est), establishedApproximate: v(c.prec) != "day",
                location: location, placement: placement, exact: v(c.pos) == "exact",
                encircledSince: Day(enc), encircledSource: v(c.encSrc),
                source: Source(outlet: v(c.outlet), published: v(c.pub), attributedTo: v(c.attr),
                               url: v(c.url).isEmpty ? nil : v(c.url)),
                note: v(c.note), line: line))
        }
        return out
    }
}
