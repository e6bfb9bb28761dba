import Foundation
import Geo

/// The situation as GeoJSON layers for an interactive map, in lon/lat: control areas and the
/// front line cut to the map view, posts with their status, towns that changed hands, and the
/// events of the window with their sources and links. Written by OGR's GeoJSON driver
/// (MixedFeatureCollection); see README, GIS, for the measurement against the old hand-written writer.
extension Situation {
    /// Control areas and the front line: the same for every date with the same sides, so a page
    /// over many dates stores each version once.
    public func webControlLayer() throws -> String {
        let proj = theatre.projection
        let view = try Geometry.rectangle(theatre.view)
        var w = MixedFeatureCollection(name: "web")
        for side in areas.keys.sorted() {
            guard let area = areas[side] else { continue }
            let shown = try area.intersection(view)
            if shown.isEmpty { continue }
            w.add(try proj.unproject(shown), properties: [
                "layer": "control_area", "side": .string(side.rawValue), "label": .string(side.label),
                "area_km2_in_view": .rounded(shown.area / 1e6, 0),
            ])
        }
        let front = try frontLine.intersection(view)
        if !front.isEmpty {
            w.add(try proj.unproject(front), properties: ["layer": "front_line", "length_km_in_view": .rounded(front.length / 1000, 1)])
        }
        return try w.geoJSON()
    }

    /// Posts by status, towns that changed hands in the window, and the window's events.
    public func webOverlayLayer() throws -> String {
        var w = MixedFeatureCollection(name: "web")
        for p in posts {
            let status: String
            if p.reportedEncircled != nil { status = "reported-encircled" }
            else if p.computedOnlyEncircled { status = "computed-encircled" }
            else if p.isNew { status = "new" }
            else { status = "other" }
            w.add(try Geometry.point(XY(p.post.location.lon, p.post.location.lat)), properties: [
                "layer": "post", "id": .string(p.post.id), "name": .string(p.post.shortName), "status": .string(status),
                "computed_status": .string(p.proximity.computed.rawValue),
                "reported_encircled_since": p.reportedEncircled.map { .string($0.description) } ?? .null,
                "source": p.post.encircledSource.isEmpty ? .null : .string(p.post.encircledSource),
            ])
        }
        for c in changes {
            guard let place = theatre.gazetteer.place(id: c.claim.placeID) else { continue }
            w.add(try Geometry.point(XY(place.location.lon, place.location.lat)), properties: [
                "layer": "change", "name": .string(place.name), "date": .string(c.claim.date.description),
                "holder": .string(c.claim.holder.rawValue), "previous": c.previous.map { .string($0.rawValue) } ?? .null,
                "sources": .array([Self.sourceJSON(c.claim.source)]),
            ])
        }
        for e in reported {
            let geometry: Geometry
            if e.kind.draws == .movement, let a = e.origin, let b = e.destination, a.id != b.id {
                geometry = try Geometry.lineString([XY(a.location.lon, a.location.lat), XY(b.location.lon, b.location.lat)])
            } else {
                let places = e.places + [e.origin, e.destination].compactMap { $0 }
                var points: [XY] = []
                for p in places where !points.contains(XY(p.location.lon, p.location.lat)) { points.append(XY(p.location.lon, p.location.lat)) }
                guard !points.isEmpty else { continue }
                geometry = points.count == 1 ? try Geometry.point(points[0]) : try Geometry.multiPoint(points)
            }
            w.add(geometry, properties: [
                "layer": "event", "id": .string(e.id), "date": .string(e.date.description), "kind": .string(e.kind.rawValue),
                "summary": .string(e.summary), "places": .array(e.places.map { .string($0.name) }),
                "sources": .array(e.allSources.map(Self.sourceJSON)),
            ])
        }
        return try w.geoJSON()
    }

    static func sourceJSON(_ s: Source) -> JSONValue {
        ["outlet": .string(s.outlet), "published": .string(s.published), "attributed_to": .string(s.attributedTo),
         "url": s.url.map { .string($0) } ?? .null]
    }
}

extension Theatre {
    /// The basemap for an interactive map with no tiles: land, lakes, border, governorate lines,
    /// rivers and the main towns in lon/lat, cut to a margin round the map view; and the outline
    /// of the view, the ground the control areas are assessed for.
    public func webBasemap() throws -> String {
        let margin = 80_000.0
        let v = view
        let box = try Geometry.rectangle(Rect(minX: v.minX - margin, minY: v.minY - margin, maxX: v.maxX + margin, maxY: v.maxY + margin))
        let b = basemap
        var w = MixedFeatureCollection(name: "web")
        for (layer, g) in [("land", b.land), ("home", b.controlLand), ("lake", b.lakes), ("province", b.provinces),
                           ("border", b.border), ("river", b.rivers)] {
            let cut = try g.intersection(box)
            if cut.isEmpty { continue }
            w.add(try projection.unproject(cut), properties: ["layer": .string(layer)])
        }
        w.add(try projection.unproject(try Geometry.rectangle(v).boundary()), properties: ["layer": "view"])
        for p in gazetteer.places where p.rank >= 3 && p.kind != .site {
            guard try v.contains(projection.project(p.location)) else { continue }
            w.add(try Geometry.point(XY(p.location.lon, p.location.lat)), properties: [
                "layer": "town", "name": .string(p.name), "arabic": p.arabic.map { .string($0) } ?? .null, "rank": .integer(p.rank),
            ])
        }
        return try w.geoJSON()
    }

    /// The map view in lon/lat: west, south, east, north.
    public func viewLonLat() throws -> [Double] {
        let v = view
        let corners = try [XY(v.minX, v.minY), XY(v.maxX, v.minY), XY(v.minX, v.maxY), XY(v.maxX, v.maxY)].map(projection.unproject)
        return [corners.map(\.lon).min() ?? 0, corners.map(\.lat).min() ?? 0, corners.map(\.lon).max() ?? 0, corners.map(\.lat).max() ?? 0]
    }
}
