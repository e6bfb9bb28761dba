import Foundation
import Geo

/// A distance ring a user asked for, and what lies inside it on the date.
public struct BufferZone: Sendable {
    public let place: Place
    public let km: Double
    /// The ring's area, in map metres.
    public let area: Geometry
    public let towns: [NearbyTown]
    public let posts: [PostStatus]
}

/// A ring that cannot be analysed.
public enum AnalysisProblem: Error, CustomStringConvertible, Equatable {
    case ringRadius(place: String, km: Double)
    public var description: String {
        switch self {
        case let .ringRadius(place, km):
            return "a ring of \(km) km round \(place) cannot be drawn: the radius must be more than 0 and at most \(Int(Analysis.maxRingKm)) km"
        }
    }
}

/// The analytical read-out of a situation: control areas, front line, the de-escalation zone,
/// each post's proximity and encirclement, requested rings. As a table, JSON and GeoJSON.
public struct Analysis: Sendable {
    public let situation: Situation
    public let buffers: [BufferZone]

    public init(situation: Situation, rings: [(Place, Double)] = []) throws {
        self.situation = situation
        let t = situation.theatre
        buffers = try rings.map { place, km in
            guard km.isFinite, km > 0, km <= Self.maxRingKm else {
                throw AnalysisProblem.ringRadius(place: place.name, km: km)
            }
            let centre = try t.projection.project(place.location)
            let area = try Geometry.point(centre).buffer(km * 1000, quadrantSegments: 32)
            let prepared = try PreparedGeometry(area)
            var towns: [NearbyTown] = []
            for p in t.gazetteer.places where p.country == t.country && p.kind != .site {
                let d = Geodesic.distanceKm(place.location, p.location)
                if d <= km * 1.02, try prepared.contains(t.projection.project(p.location)) {
                    towns.append(NearbyTown(place: p, holder: situation.holders[p.id]?.holder, distanceKm: d))
                }
            }
            towns.sort { ($0.distanceKm, $0.place.id) < ($1.distanceKm, $1.place.id) }
            let posts = try situation.posts.filter { try prepared.contains($0.point) }
            return BufferZone(place: place, km: km, area: area, towns: towns, posts: posts)
        }
        frontLineKm = try situation.frontLine.intersection(Geometry.rectangle(t.view)).length / 1000
    }

    /// The largest ring analysed: a ring far beyond the theatre says nothing about it.
    public static let maxRingKm = 1_000.0

    /// Each side's area inside the map view, km².
    public var areasKm2: [Side: Double] {
        var out = [Side: Double]()
        for side in situation.areas.keys {
            let km2 = situation.areaKm2(side)
            if km2 >= 0.5 { out[side] = km2 }   // slivers of a side just outside the view are left out
        }
        return out
    }

    /// The front line's length inside the map view.
    public let frontLineKm: Double
    public var deEscalationZoneKm2: Double { situation.deEscalationZone.area / 1e6 }

    // MARK: JSON

    public var json: JSONValue {
        let s = situation
        var sides = [String: JSONValue]()
        for (side, km2) in areasKm2 { sides[side.rawValue] = .rounded(km2, 0) }
        let sites = s.theatre.description.sites
        let value: JSONValue = [
            "date": .string(s.date.description),
            "control_areas_km2": .object(sides),
            "control_method": .string(s.theatre.description.texts.controlMethod),
            "front_line_km": .rounded(frontLineKm, 1),
            "de_escalation_zone": [
                "area_km2": .rounded(deEscalationZoneKm2, 0),
                "method": .string(sites?.zoneMethod ?? ""),
                "approximate": true,
            ],
            "posts": .array(s.posts.map(postJSON)),
            "imported_events": importedEventsJSON,
            "buffers": .array(buffers.map { b in
                [
                    "place": .string(b.place.name), "km": .rounded(b.km, 2),
                    "towns": .array(b.towns.map { townJSON($0) }),
                    "posts": .array(b.posts.map { .string("\($0.post.id) \($0.post.shortName)") }),
                ]
            }),
        ]
        // A theatre whose sites make no zone (no zone_method) has no zone to report.
        guard sites?.zoneMethod == nil, case .object(var fields) = value else { return value }
        fields["de_escalation_zone"] = nil
        return .object(fields)
    }

    func townJSON(_ t: NearbyTown) -> JSONValue {
        ["name": .string(t.place.name), "holder": t.holder.map { .string($0.rawValue) } ?? .null, "km": .rounded(t.distanceKm, 2)]
    }

    func postJSON(_ p: PostStatus) -> JSONValue {
        let x = p.proximity
        let reported = p.reportedEncircled != nil
        return [
            "id": .string(p.post.id), "name": .string(p.post.shortName), "kind": .string(p.post.kind),
            "established": .string(p.post.established?.description ?? ""),
            "new_in_window": .bool(p.isNew),
            "position": .string(p.post.exact ? "exact" : "approximate"),
            "lon": .rounded(p.post.location.lon, 5), "lat": .rounded(p.post.location.lat, 5),
            "\(situation.threatSide?.id ?? "threat")_area_km": .rounded(x.threatAreaKm, 2),
            "front_line_km": .rounded(x.frontLineKm, 2),
            "computed_status": .string(x.computed.code(threat: situation.threatSide)),
            "computed_encircled": .bool(x.computed.isEncircled),
            "reported_encircled": .bool(reported),
            "reported_encircled_since": p.reportedEncircled.map { .string($0.description) } ?? .null,
            "reported_source": p.post.encircledSource.isEmpty ? .null : .string(p.post.encircledSource),
            "agrees_with_report": .bool(x.agrees(withReported: reported)),
            "towns_within_5km": .array(x.nearby.map(townJSON)),
        ]
    }

    // MARK: GeoJSON

    /// Every computed geometry in lon/lat, for QGIS.
    public func geoJSON() throws -> String {
        let s = situation
        let proj = s.theatre.projection
        let view = try Geometry.rectangle(s.theatre.view)
        var w = GeoJSONWriter()
        // Control areas and the front line are exported as measured: cut to the map view.
        for side in s.areas.keys.sorted() {
            guard let area = s.areas[side] else { continue }
            let shown = try area.intersection(view)
            if shown.isEmpty { continue }
            w.add(try proj.unproject(shown), properties: [
                "layer": "control_area", "side": .string(side.rawValue), "date": .string(s.date.description),
                "area_km2_in_view": .rounded(shown.area / 1e6, 0), "clipped_to": "map view", "approximate": true,
            ])
        }
        let front = try s.frontLine.intersection(view)
        if !front.isEmpty {
            w.add(try proj.unproject(front), properties: [
                "layer": "front_line", "date": .string(s.date.description), "length_km_in_view": .rounded(front.length / 1000, 1),
                "clipped_to": "map view", "approximate": true,
            ])
        }
        if !s.deEscalationZone.isEmpty {
            w.add(try proj.unproject(s.deEscalationZone), properties: [
                "layer": "de_escalation_zone", "method": .string(s.theatre.description.sites?.zoneMethodShort ?? ""),
                "area_km2": .rounded(deEscalationZoneKm2, 0), "approximate": true,
            ])
        }
        for p in s.posts {
            guard case .object(var props) = postJSON(p) else { continue }
            props["layer"] = "observation_post"
            props["towns_within_5km"] = .integer(p.proximity.nearby.count)
            w.add(try Geometry.point(XY(p.post.location.lon, p.post.location.lat)), properties: props)
            w.add(try proj.unproject(p.proximity.uncertainty), properties: [
                "layer": "post_uncertainty", "id": .string(p.post.id), "name": .string(p.post.shortName),
            ])
        }
        for b in buffers {
            w.add(try proj.unproject(b.area), properties: [
                "layer": "buffer", "place": .string(b.place.name), "km": .rounded(b.km, 2),
                "towns_inside": .integer(b.towns.count), "posts_inside": .integer(b.posts.count),
            ])
        }
        return w.text
    }

    // MARK: table

    public var table: String {
        let s = situation
        var out = "Situation as of \(s.date) (control assessed from town-level reports; areas inside the map view)\n\n"
        for (side, km2) in areasKm2.sorted(by: { $0.key < $1.key }) {
            out += "  " + side.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0) + String(format: " %8.0f km²\n", km2)
        }
        out += String(format: "  front line   %8.1f km\n", frontLineKm)
        if let zone = s.theatre.description.sites?.tableZone {
            out += "  \(zone) " + String(format: "%.0f km²\n", deEscalationZoneKm2)
        }
        out += "\n"
        guard !s.posts.isEmpty || !buffers.isEmpty else { return out }
        out += "Observation posts\n"
        let threat = String((situation.threatSide?.id ?? "threat").prefix(3))
        out += "  id   name                          \(threat).area km  front km  computed                reported encircled   agree\n"
        for p in s.posts {
            let x = p.proximity
            let name = String(p.post.shortName.prefix(28)).padding(toLength: 28, withPad: " ", startingAt: 0)
            let gov = x.threatAreaKm.map { String(format: "%6.1f", $0) } ?? "     -"
            let front = x.frontLineKm.map { String(format: "%6.1f", $0) } ?? "     -"
            let reported = p.reportedEncircled.map { "since \($0)" } ?? "no"
            out += "  \(p.post.id.padding(toLength: 4, withPad: " ", startingAt: 0)) \(name)  \(gov)      \(front)    "
                + "\(x.computed.code(threat: situation.threatSide).padding(toLength: 22, withPad: " ", startingAt: 0))  "
                + "\(reported.padding(toLength: 19, withPad: " ", startingAt: 0))  \(x.agrees(withReported: p.reportedEncircled != nil) ? "yes" : "NO")\n"
        }
        let disagreements = s.posts.filter { !$0.proximity.agrees(withReported: $0.reportedEncircled != nil) }
        if !disagreements.isEmpty {
            out += "\n  Computed and reported status differ for: \(disagreements.map { "\($0.post.id) \($0.post.shortName)" }.joined(separator: ", ")).\n"
            out += "  Positions are approximate and control is assessed per town, so both are shown.\n"
        }
        out += importedEventsTable
        for b in buffers {
            out += String(format: "\nWithin %.1f km of %@: %d towns, %d posts\n", b.km, b.place.name, b.towns.count, b.posts.count)
            var bySide = [String: [String]]()
            for t in b.towns { bySide[t.holder?.rawValue ?? "unknown", default: []].append(t.place.name) }
            for (side, names) in bySide.sorted(by: { $0.key < $1.key }) {
                out += "  \(side) (\(names.count)): \(names.prefix(25).joined(separator: ", "))\(names.count > 25 ? ", …" : "")\n"
            }
            for p in b.posts { out += "  post \(p.post.id) \(p.post.shortName)\n" }
        }
        return out
    }
}
