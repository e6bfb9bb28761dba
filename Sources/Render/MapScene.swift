import Geo
import Situation

/// What the drawing needs from GEOS and PROJ, read out once as plain coordinates (map metres).
/// Drawing then touches neither library, so several formats can be drawn at once on different
/// threads (GEOS and PROJ handles are not shared across threads).
struct MapScene: @unchecked Sendable {
    let land, syria, lakes, provinces, rivers, coast, border, frontLine: [Shape]
    let areas: [Side: [Shape]]
    let deEscalationZone: [Shape]
    /// Where each post may be, by post id.
    let postUncertainty: [String: [Shape]]
    /// User-requested rings (e.g. 10 km round Idlib), with their labels.
    let buffers: [(label: String, shapes: [Shape])]
    let highways: [[XY]]
    /// Every place's position in map metres, by id.
    let placeXY: [Int: XY]
    /// For a change map: ground each side gained between the two dates, and the earlier date.
    let gains: [Side: [Shape]]
    let diffFrom: Day?
    /// Locator countries in lon/lat, with Syria flagged.
    let inset: [(isSyria: Bool, shapes: [Shape])]

    init(_ situation: Situation, rings: [Ring] = [], diff: SituationDiff? = nil) {
        gains = diff?.gained.mapValues(\.shapes) ?? [:]
        diffFrom = diff?.from.date
        let t = situation.theatre
        let b = t.basemap
        land = b.land.shapes; syria = b.syria.shapes; lakes = b.lakes.shapes; provinces = b.provinces.shapes
        rivers = b.rivers.shapes; coast = b.coast.shapes; border = b.border.shapes
        frontLine = situation.frontLine.shapes
        areas = situation.areas.mapValues(\.shapes)
        deEscalationZone = situation.deEscalationZone.shapes
        var uncertainty = [String: [Shape]]()
        for p in situation.posts { uncertainty[p.post.id] = p.proximity.uncertainty.shapes }
        postUncertainty = uncertainty
        buffers = rings.map { ($0.label, $0.area.shapes) }
        highways = t.highways.filter { $0.towns.count >= 2 }.map { $0.towns.map { t.projection.project($0.location) } }
        var xy = [Int: XY]()
        for p in t.gazetteer.places { xy[p.id] = t.projection.project(p.location) }
        placeXY = xy
        let syriaPoint = Geometry.point(XY(38.5, 35.0))
        inset = b.insetCountries.parts.map { ($0.contains(syriaPoint), $0.shapes) }
    }
}

/// A distance ring the user asked for ("10 km round Idlib"), in map metres.
public struct Ring: @unchecked Sendable {
    public let label: String
    public let area: Geometry
    public init(label: String, area: Geometry) { self.label = label; self.area = area }
}
