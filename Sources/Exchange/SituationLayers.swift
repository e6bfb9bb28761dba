import Foundation
import Geo
import Situation
import VectorIO

/// The situation on a date as typed layers in lon/lat (EPSG:4326), one geometry type per
/// layer: what `mapgen export` writes to GeoPackage, KML, GeoJSON, FlatGeobuf or CSV.
/// Every figure sits on the geometry it was measured on (`area_km2` is that polygon's area).
public struct SituationLayers {
    public let situation: Situation
    public let rings: [BufferZone]

    public init(situation: Situation, rings: [(Place, Double)] = []) throws {
        self.situation = situation
        self.rings = try Analysis(situation: situation, rings: rings).buffers
    }

    public static let layerNames = ["control_areas", "front_line", "zones", "rings", "sites", "site_areas",
                                    "events", "event_areas", "movements", "event_sources", "town_control"]

    /// Every layer, in a fixed order. Layers without features are kept (an empty layer says
    /// "nothing of this kind on D", and the set of layers stays the same from date to date).
    public func layers() throws -> [VectorLayer] {
        [try controlAreas(), try frontLine(), try zones(), try ringLayer(), sites(), try siteAreas(),
         events(), try eventAreas(), movements(), eventSources(), townControl()]
    }

    var proj: MapProjection { situation.theatre.projection }
    var date: FieldValue { .date(Self.date(situation.date)) }

    public static func date(_ d: Day) -> CalendarDate {
        let c = d.components
        return CalendarDate(year: c.year, month: c.month, day: c.day)
    }

    static func date(text: String) -> FieldValue {
        Day(text).map { .date(date($0)) } ?? .null
    }

    static func round(_ v: Double, _ digits: Int) -> FieldValue {
        guard v.isFinite else { return .null }
        let k = pow(10, Double(digits))
        return .real((v * k).rounded() / k)
    }

    /// A lon/lat copy of a map-metre geometry, with the km² of exactly that polygon.
    func lonLat(_ g: Geometry) throws -> (shapes: [Shape], km2: Double) {
        (try proj.unproject(g).shapes, g.area / 1e6)
    }

    // MARK: zones

    func controlAreas() throws -> VectorLayer {
        var features: [Feature] = []
        for side in situation.areas.keys.sorted() {
            guard let area = situation.areas[side] else { continue }
            let (shapes, km2) = try lonLat(area.polygonal)
            features.append(Feature(shapes: shapes, values: [
                "side": .string(side.rawValue), "name": .string(side.label), "date": date,
                "area_km2": Self.round(km2, 1), "approximate": .boolean(true),
                "description": .string("Held by \(side.label) on \(situation.date) (assessed from town-level control)"),
            ]))
        }
        return VectorLayer(name: "control_areas", geometry: .multiPolygon, fields: [
            .init("side", .string), .init("name", .string), .init("date", .date), .init("area_km2", .real),
            .init("approximate", .boolean), .init("description", .string),
        ], features: features)
    }

    func frontLine() throws -> VectorLayer {
        var features: [Feature] = []
        let front = situation.frontLine
        if !front.isEmpty {
            features.append(Feature(shapes: try proj.unproject(front).shapes.filter {
                if case .line = $0 { return true } else { return false }
            }, values: [
                "name": "front line", "date": date, "length_km": Self.round(front.length / 1000, 2),
                "approximate": .boolean(true),
                "description": .string("Boundary of the government and opposition areas on \(situation.date)"),
            ]))
        }
        return VectorLayer(name: "front_line", geometry: .multiLineString, fields: [
            .init("name", .string), .init("date", .date), .init("length_km", .real), .init("approximate", .boolean),
            .init("description", .string),
        ], features: features)
    }

    func zones() throws -> VectorLayer {
        var features: [Feature] = []
        let zone = situation.deEscalationZone
        if !zone.isEmpty {
            let (shapes, km2) = try lonLat(zone)
            features.append(Feature(shapes: shapes, values: [
                "name": "de-escalation zone (2018)", "kind": "de-escalation-zone",
                "method": .string(situation.theatre.description.sites?.zoneMethod ?? ""),
                "area_km2": Self.round(km2, 1), "approximate": .boolean(true),
                "description": "Approximate: the hull of the twelve original posts",
            ]))
        }
        return VectorLayer(name: "zones", geometry: .polygon, fields: [
            .init("name", .string), .init("kind", .string), .init("method", .string), .init("area_km2", .real),
            .init("approximate", .boolean), .init("description", .string),
        ], features: features)
    }

    func ringLayer() throws -> VectorLayer {
        let features = try rings.map { b -> Feature in
            let (shapes, km2) = try lonLat(b.area)
            return Feature(shapes: shapes, values: [
                "name": .string("\(b.place.name) \(b.km) km"), "place": .string(b.place.name),
                "radius_km": .real(b.km), "area_km2": Self.round(km2, 1),
                "towns_inside": .integer(b.towns.count), "sites_inside": .integer(b.posts.count),
                "description": .string("Within \(b.km) km of \(b.place.name): \(b.towns.count) towns, \(b.posts.count) posts"),
            ])
        }
        return VectorLayer(name: "rings", geometry: .polygon, fields: [
            .init("name", .string), .init("place", .string), .init("radius_km", .real), .init("area_km2", .real),
            .init("towns_inside", .integer), .init("sites_inside", .integer), .init("description", .string),
        ], features: features)
    }

    // MARK: sites

    func sites() -> VectorLayer {
        let features = situation.posts.map { p -> Feature in
            let x = p.proximity
            let reported = p.reportedEncircled != nil
            return Feature(shapes: [.point(XY(p.post.location.lon, p.post.location.lat))], values: [
                "id": .string(p.post.id), "name": .string(p.post.shortName), "kind": .string(p.post.kind),
                "established": p.post.established.map { .date(Self.date($0)) } ?? .null,
                "position": .string(p.post.exact ? "exact" : "approximate"),
                "reported_status": .string(reported ? "encircled" : "not reported encircled"),
                "reported_since": p.reportedEncircled.map { .date(Self.date($0)) } ?? .null,
                "reported_source": p.post.encircledSource.isEmpty ? .null : .string(p.post.encircledSource),
                "computed_status": .string(x.computed.code(threat: situation.threatSide)),
                "computed_encircled": .boolean(x.computed.isEncircled),
                "agrees": .boolean(x.agrees(withReported: reported)),
                "\(situation.threatSide?.id ?? "threat")_area_km": x.threatAreaKm.map { Self.round($0, 2) } ?? .null,
                "front_line_km": x.frontLineKm.map { Self.round($0, 2) } ?? .null,
                "towns_within_5km": .integer(x.nearby.count),
                "new_in_window": .boolean(p.isNew),
                "description": .string("Post \(p.post.id): computed \(x.computed.code(threat: situation.threatSide)); "
                    + (reported ? "reported encircled since \(p.reportedEncircled!)" : "not reported encircled")
                    + "; source: \(p.post.source.citation)"),
            ])
        }
        return VectorLayer(name: "sites", geometry: .point, fields: [
            .init("id", .string), .init("name", .string), .init("kind", .string), .init("established", .date),
            .init("position", .string), .init("reported_status", .string), .init("reported_since", .date),
            .init("reported_source", .string), .init("computed_status", .string), .init("computed_encircled", .boolean),
            .init("agrees", .boolean), .init("government_area_km", .real), .init("front_line_km", .real),
            .init("towns_within_5km", .integer), .init("new_in_window", .boolean), .init("description", .string),
        ], features: features)
    }

    func siteAreas() throws -> VectorLayer {
        let features = try situation.posts.map { p -> Feature in
            let (shapes, km2) = try lonLat(p.proximity.uncertainty.polygonal)
            return Feature(shapes: shapes, values: [
                "id": .string(p.post.id), "name": .string(p.post.shortName), "area_km2": Self.round(km2, 2),
                "description": .string("Where post \(p.post.id) may be"),
            ])
        }.filter { !$0.shapes.isEmpty }
        return VectorLayer(name: "site_areas", geometry: .multiPolygon, fields: [
            .init("id", .string), .init("name", .string), .init("area_km2", .real), .init("description", .string),
        ], features: features)
    }

    // MARK: events

    static let eventFields: [FieldDefinition] = [
        .init("id", .string), .init("name", .string), .init("type", .string), .init("date", .date),
        .init("precision", .string), .init("actor", .string), .init("place", .string), .init("summary", .string),
        .init("figures", .string), .init("fatalities", .integer), .init("claims", .string),
        .init("sources", .string), .init("source_count", .integer), .init("dataset", .string),
        .init("external_id", .string), .init("geo_precision", .integer), .init("description", .string),
    ]

    static func figuresText(_ f: [String: String]) -> String {
        f.keys.sorted().map { "\($0)=\(f[$0]!)" }.joined(separator: "; ")
    }

    /// "outlet | published | attributed_to | url", one per source, "; " between.
    static func sourcesText(_ sources: [Source]) -> String {
        sources.map { [$0.outlet, $0.published, $0.attributedTo, $0.url ?? ""].joined(separator: " | ") }.joined(separator: "; ")
    }

    func eventValues(_ e: Event, place: String) -> [String: FieldValue] {
        let claims = e.claims.map { c in
            "\(Self.figuresText(c.figures)) (\(c.sources.map(\.citation).joined(separator: ", ")))"
        }.joined(separator: "; ")
        // A claim's sources are also the event's: each source once.
        var seen = Set<Source>()
        let all = e.allSources.filter { seen.insert($0).inserted }
        let fatalities = e.imported?.fatalities ?? Int(e.figure(["killed", "civilians_killed", "fatalities"]).last ?? "")
        return [
            "id": .string(e.id), "name": .string("\(e.date) \(e.kind.rawValue)"), "type": .string(e.kind.rawValue),
            "date": .date(Self.date(e.date)), "precision": .string(e.precision), "actor": .string(e.actor),
            "place": .string(place), "summary": .string(e.summary), "figures": .string(Self.figuresText(e.figures)),
            "fatalities": fatalities.map { .integer($0) } ?? .null, "claims": claims.isEmpty ? .null : .string(claims),
            "sources": .string(Self.sourcesText(all)), "source_count": .integer(all.count),
            "dataset": .string(e.imported?.dataset ?? "mapgen"), "external_id": e.imported.map { .string($0.externalID) } ?? .null,
            "geo_precision": e.imported.map { .integer($0.geoPrecision) } ?? .null,
            "description": .string("\(e.summary)\nSources: \(all.map(\.citation).joined(separator: "; "))"),
        ]
    }

    /// Events of the window at an exact place: one feature per place an event names (mapgen's
    /// events) or per ACLED event whose place is exact (geo_precision 1).
    func events() -> VectorLayer {
        var features: [Feature] = []
        for e in situation.reported {
            if let r = e.imported {
                if r.uncertaintyKm == nil {
                    features.append(Feature(shapes: [.point(XY(r.location.lon, r.location.lat))],
                                            values: eventValues(e, place: r.placeName)))
                }
                continue
            }
            if e.origin != nil && e.destination != nil && e.places.isEmpty { continue }   // a movement only
            for p in e.places {
                features.append(Feature(shapes: [.point(XY(p.location.lon, p.location.lat))], values: eventValues(e, place: p.name)))
            }
        }
        return VectorLayer(name: "events", geometry: .point, fields: Self.eventFields, features: features)
    }

    /// Events whose place is approximate (ACLED geo_precision 2 and 3): the area they may lie in.
    func eventAreas() throws -> VectorLayer {
        var features: [Feature] = []
        for e in situation.reported {
            guard let r = e.imported, let km = r.uncertaintyKm else { continue }
            let area = try Geometry.point(proj.project(r.location)).buffer(km * 1000, quadrantSegments: 16)
            let (shapes, km2) = try lonLat(area)
            var values = eventValues(e, place: r.placeName)
            values["radius_km"] = .real(km)
            values["area_km2"] = Self.round(km2, 1)
            features.append(Feature(shapes: shapes, values: values))
        }
        return VectorLayer(name: "event_areas", geometry: .polygon,
                           fields: Self.eventFields + [.init("radius_km", .real), .init("area_km2", .real)], features: features)
    }

    /// Movements (convoys, any event with an origin and a destination): a line origin → destination.
    func movements() -> VectorLayer {
        var features: [Feature] = []
        for e in situation.reported {
            guard let a = e.origin, let b = e.destination, a.id != b.id else { continue }
            var values = eventValues(e, place: "\(a.name) → \(b.name)")
            values["origin"] = .string(a.name)
            values["destination"] = .string(b.name)
            values["length_km"] = Self.round(Geodesic.distanceKm(a.location, b.location), 2)
            features.append(Feature(shapes: [.line([XY(a.location.lon, a.location.lat), XY(b.location.lon, b.location.lat)])],
                                    values: values))
        }
        return VectorLayer(name: "movements", geometry: .lineString, fields: Self.eventFields + [
            .init("origin", .string), .init("destination", .string), .init("length_km", .real),
        ], features: features)
    }

    /// Every source of every event of the window, one row each (no geometry): the table a
    /// GeoPackage user joins on `event_id`.
    func eventSources() -> VectorLayer {
        var features: [Feature] = []
        for e in situation.reported {
            var rows: [(String, Source)] = e.sources.map { ("event", $0) }
            for (i, c) in e.claims.enumerated() { rows += c.sources.map { ("claim \(i + 1)", $0) } }
            for (role, s) in rows {
                features.append(Feature(values: [
                    "event_id": .string(e.id), "role": .string(role), "outlet": .string(s.outlet),
                    "published": Self.date(text: s.published), "published_text": .string(s.published),
                    "attributed_to": .string(s.attributedTo), "url": s.url.map { .string($0) } ?? .null,
                ]))
            }
        }
        return VectorLayer(name: "event_sources", geometry: .none, fields: [
            .init("event_id", .string), .init("role", .string), .init("outlet", .string), .init("published", .date),
            .init("published_text", .string), .init("attributed_to", .string), .init("url", .string),
        ], features: features)
    }

    // MARK: towns

    /// Every place with a holder on D: the holder, the date and source of the claim that set it.
    func townControl() -> VectorLayer {
        let gaz = situation.theatre.gazetteer
        let features = situation.holders.keys.sorted().compactMap { id -> Feature? in
            guard let c = situation.holders[id], let p = gaz.place(id: id) else { return nil }
            return Feature(shapes: [.point(XY(p.location.lon, p.location.lat))], values: [
                "place_id": .integer(id), "name": .string(p.name), "holder": .string(c.holder.rawValue),
                "since": .date(Self.date(c.date)), "confidence": .string(c.confidence.rawValue),
                "outlet": .string(c.source.outlet), "published": Self.date(text: c.source.published),
                "attributed_to": .string(c.source.attributedTo), "url": c.source.url.map { .string($0) } ?? .null,
                "description": .string("\(c.holder.rawValue) since \(c.date) (\(c.source.citation))"),
            ])
        }
        return VectorLayer(name: "town_control", geometry: .point, fields: [
            .init("place_id", .integer), .init("name", .string), .init("holder", .string), .init("since", .date),
            .init("confidence", .string), .init("outlet", .string), .init("published", .date),
            .init("attributed_to", .string), .init("url", .string), .init("description", .string),
        ], features: features)
    }
}
