import Geo
import Situation

/// What the drawing needs from GEOS and PROJ, read out once as plain coordinates (map metres).
/// Drawing then touches neither library, so several formats can be drawn at once on different
/// threads (GEOS and PROJ handles are not shared across threads).
struct MapScene: @unchecked Sendable {
    let land, syria, lakes, provinces, rivers, coast, border, frontLine: [Shape]
    let areas: [Side: [Shape]]
    let highways: [[XY]]
    /// Every place's position in map metres, by id.
    let placeXY: [Int: XY]
    /// Locator countries in lon/lat, with Syria flagged.
    let inset: [(isSyria: Bool, shapes: [Shape])]

    init(_ situation: Situation) {
        let t = situation.theatre
        let b = t.basemap
        land = b.land.shapes; syria = b.syria.shapes; lakes = b.lakes.shapes; provinces = b.provinces.shapes
        rivers = b.rivers.shapes; coast = b.coast.shapes; border = b.border.shapes
        frontLine = situation.frontLine.shapes
        areas = situation.areas.mapValues(\.shapes)
        highways = t.highways.filter { $0.towns.count >= 2 }.map { $0.towns.map { t.projection.project($0.location) } }
        var xy = [Int: XY]()
        for p in t.gazetteer.places { xy[p.id] = t.projection.project(p.location) }
        placeXY = xy
        let syriaPoint = Geometry.point(XY(38.5, 35.0))
        inset = b.insetCountries.parts.map { ($0.contains(syriaPoint), $0.shapes) }
    }
}
