import Geo
import Situation

/// What the drawing needs from GEOS and PROJ, read out once as plain coordinates (map metres),
/// so that the drawing touches neither library.
struct MapScene {
    let land, home, lakes, provinces, rivers, coast, border, frontLine: [Shape]
    let areas: [Side: [Shape]]
    let deEscalationZone: [Shape]
    /// Where each post may be, by post id.
    let postUncertainty: [String: [Shape]]
    /// User-requested rings (e.g. 10 km round a town), with their labels.
    let buffers: [(label: String, shapes: [Shape])]
    let highways: [[XY]]
    /// Every place's position in map metres, by id.
    let placeXY: [Int: XY]
    /// For a change map: ground each side gained between the two dates, and the earlier date.
    let gains: [Side: [Shape]]
    let diffFrom: Day?
    /// Locator countries in lon/lat, with the theatre's country flagged.
    let inset: [(isHome: Bool, shapes: [Shape])]

    init(_ situation: Situation, rings: [Ring] = [], diff: SituationDiff? = nil, visible: Rect? = nil,
         base: BaseScene? = nil) throws {
        let clip = try BaseScene.clip(visible)
        func shapes(_ g: Geometry) -> [Shape] { BaseScene.shapes(g, clip: clip) }
        gains = diff?.gained.mapValues(shapes) ?? [:]
        diffFrom = diff?.from.date
        let t = situation.theatre
        let base = try base ?? BaseScene(t, visible: visible)
        land = base.land; home = base.home; lakes = base.lakes; provinces = base.provinces
        rivers = base.rivers; coast = base.coast; border = base.border
        frontLine = shapes(situation.frontLine)
        areas = situation.areas.mapValues(shapes)
        deEscalationZone = situation.deEscalationZone.shapes
        var uncertainty = [String: [Shape]]()
        for p in situation.posts { uncertainty[p.post.id] = p.proximity.uncertainty.shapes }
        postUncertainty = uncertainty
        buffers = rings.map { ($0.label, $0.area.shapes) }
        highways = base.highways
        placeXY = base.placeXY
        inset = base.inset
    }
}

/// The part of a scene that does not change with the date: the basemap cut to what shows,
/// highways, place positions, the locator. A series computes it once per page size.
struct BaseScene {
    let visible: Rect?
    let land, home, lakes, provinces, rivers, coast, border: [Shape]
    let highways: [[XY]]
    let placeXY: [Int: XY]
    let inset: [(isHome: Bool, shapes: [Shape])]

    init(_ t: Theatre, visible: Rect?) throws {
        self.visible = visible
        let clip = try Self.clip(visible)
        func shapes(_ g: Geometry) -> [Shape] { Self.shapes(g, clip: clip) }
        let b = t.basemap
        land = shapes(b.land); home = shapes(b.controlLand); lakes = shapes(b.lakes); provinces = shapes(b.provinces)
        rivers = shapes(b.rivers); coast = shapes(b.coast); border = shapes(b.border)
        // Positions projected once when the theatre loaded (a series draws many scenes from one load).
        highways = try t.highways.filter { $0.towns.count >= 2 }.map { try $0.towns.map { try t.point(of: $0) } }
        var xy = [Int: XY](minimumCapacity: t.gazetteer.places.count)
        for p in t.gazetteer.places { xy[p.id] = try t.point(of: p) }
        placeXY = xy
        let at = t.description.inset.highlightAt
        let homePoint = try Geometry.point(XY(at.lon, at.lat))
        inset = try b.insetCountries.parts.map { (try $0.contains(homePoint), $0.shapes) }
    }

    /// Cut to what shows (with a margin for line widths): the basemap box and the control areas
    /// reach far beyond the map, and every vertex drawn costs time and SVG bytes.
    static func clip(_ visible: Rect?) throws -> Geometry? {
        try visible.map { v in
            try Geometry.rectangle(Rect(minX: v.minX - v.width * 0.02, minY: v.minY - v.height * 0.02,
                                        maxX: v.maxX + v.width * 0.02, maxY: v.maxY + v.height * 0.02))
        }
    }

    static func shapes(_ g: Geometry, clip: Geometry?) -> [Shape] {
        guard let clip, let cut = try? g.intersection(clip) else { return g.shapes }
        return cut.shapes
    }
}

/// A distance ring the user asked for ("10 km round a town"), in map metres.
public struct Ring {
    public let label: String
    public let area: Geometry
    public init(label: String, area: Geometry) { self.label = label; self.area = area }
}
