import Geo
import Situation

/// One kind of thing on the map (in the spirit of Mapnik's layers and styles): an area, a line,
/// a kind of mark with its labels. A layer takes what it needs from the prepared scene and the
/// situation, draws it, blocks the room its marks take from labels and offers its labels to the
/// shared placer, and returns the legend items of what it drew. A new kind of mark is one new
/// file with a type like these, its name in `MapLayers.standard` (the catalogue and the default
/// order) and, for a theatre with its own `layers:` list (theatre.yaml), one line there.
protocol MapLayer: Sendable {
    /// The name a theatre's `layers:` and `legend:` lists use.
    var name: String { get }
    /// Draws the layer inside the map frame; returns what the legend shows for it (nothing when
    /// the layer drew nothing). Labels are offered to `labels` and placed after every layer drew.
    func draw(_ r: MapRenderer, _ labels: inout LabelBoard) -> [LegendItem]
}

enum MapLayers {
    /// Every layer by name, bottom first: the default order. Areas and lines, then the marks
    /// (marks over every area; labels over every mark).
    static let standard: [any MapLayer] = [
        LandLayer(), ControlLayer(), GainsLayer(), LakesLayer(), ProvincesLayer(), RiversLayer(), CoastLayer(),
        BorderLayer(), HighwaysLayer(), ZoneLayer(), RingsLayer(), SiteUncertaintyLayer(), FrontLineLayer(),
        ImportedEventsLayer(), TownsLayer(), ControlChangesLayer(), StrikesLayer(), MovementsLayer(), SitesLayer(),
        AlsoReportedLayer(),
    ]

    /// The legend's order by layer name (a theatre's `legend:` list overrides it). Layers it does
    /// not name follow, in drawing order: a new layer's legend lines need no edit here.
    static let legendOrder = [
        "control", "gains", "front-line", "changes", "sites", "site-uncertainty", "zone", "rings",
        "movements", "strikes", "imported-events", "towns", "highways", "border", "provinces", "rivers",
    ]

    /// The layers a theatre lists, in its order; an unknown name is an error naming theatre.yaml.
    static func named(_ names: [String]?, theatre: TheatreDescription, catalogue: [any MapLayer] = standard) throws -> [any MapLayer] {
        guard let names else { return catalogue }
        return try names.map { n in
            guard let layer = catalogue.first(where: { $0.name == n }) else {
                throw DataError(file: theatre.folder.appendingPathComponent(TheatreDescription.fileName).relativeDisplay,
                                "layers: unknown layer \"\(n)\"", fix: "one of: \(catalogue.map(\.name).joined(separator: ", "))")
            }
            return layer
        }
    }

    /// A theatre's `legend:` order may name only layers the catalogue has.
    static func checkLegendOrder(_ names: [String]?, theatre: TheatreDescription, catalogue: [any MapLayer] = standard) throws {
        for n in names ?? [] where !catalogue.contains(where: { $0.name == n }) {
            throw DataError(file: theatre.folder.appendingPathComponent(TheatreDescription.fileName).relativeDisplay,
                            "legend: unknown layer \"\(n)\"", fix: "one of: \(catalogue.map(\.name).joined(separator: ", "))")
        }
    }

    /// The layers' legend items in legend order: the names of `order` first, then the rest in
    /// drawing order.
    static func legend(_ drawn: [(name: String, items: [LegendItem])], order: [String]?) -> [LegendItem] {
        let order = order ?? legendOrder
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let sorted = drawn.enumerated().sorted { a, b in
            (rank[a.element.name] ?? order.count, a.offset) < (rank[b.element.name] ?? order.count, b.offset)
        }
        return sorted.flatMap(\.element.items)
    }
}

/// Land beyond the theatre's country, then the country's land.
struct LandLayer: MapLayer {
    let name = "land"
    func draw(_ r: MapRenderer, _ labels: inout LabelBoard) -> [LegendItem] {
        r.fill(r.scene.land, r.style.foreignLand)
        r.fill(r.scene.home, r.style.homeLand)
        return []
    }
}

/// Each side's area, tinted and patterned; faded on a change map so that the changes stand out.
struct ControlLayer: MapLayer {
    let name = "control"
    func draw(_ r: MapRenderer, _ labels: inout LabelBoard) -> [LegendItem] {
        let fade = r.scene.diffFrom == nil ? 1.0 : r.style.diffFade
        var items: [LegendItem] = [.head("Control (assessed, approximate)")]
        for side in r.theatre.sides {
            guard let area = r.scene.areas[side] else { continue }
            let f = r.style.fill(side)
            r.fill(area, f.alpha(f.a * fade))
            if var h = r.style.sidePattern[side] {
                h.color = h.color.alpha(h.color.a * fade)   // faded with the fill, so that gains' hatching stands out
                r.hatch(area, h)
            }
            items.append(.entry(side.label, .swatch(r.style.fill(side), r.style.line(side), pattern: r.style.sidePattern[side])))
        }
        return items
    }
}

/// On a change map: the ground each side gained, hatched in its colour.
struct GainsLayer: MapLayer {
    let name = "gains"
    func draw(_ r: MapRenderer, _ labels: inout LabelBoard) -> [LegendItem] {
        var gained: [Side] = []
        for side in r.theatre.sides {
            guard let gain = r.scene.gains[side], !side.contested else { continue }
            r.hatch(gain, r.style.line(side))
            r.stroke(gain, r.style.line(side), width: r.style.gainWidth)
            gained.append(side)
        }
        return gained.sorted().map { side in
            .entry("Ground gained by the \(side.id) side between the dates", .swatch(r.style.panel, r.style.sideLine[side], hatch: true))
        }
    }
}

struct LakesLayer: MapLayer {
    let name = "lakes"
    func draw(_ r: MapRenderer, _ labels: inout LabelBoard) -> [LegendItem] {
        r.fill(r.scene.lakes, r.style.sea)
        return []
    }
}

struct ProvincesLayer: MapLayer {
    let name = "provinces"
    func draw(_ r: MapRenderer, _ labels: inout LabelBoard) -> [LegendItem] {
        guard !r.scene.provinces.isEmpty else { return [] }
        r.stroke(r.scene.provinces, r.style.province, width: r.style.provinceWidth, dash: r.style.provinceDash)
        return [.entry(r.theatre.description.texts.provincesLegend,
                       .line(r.style.province, r.style.provinceWidth, dash: r.style.provinceDash))]
    }
}

struct RiversLayer: MapLayer {
    let name = "rivers"
    func draw(_ r: MapRenderer, _ labels: inout LabelBoard) -> [LegendItem] {
        guard !r.scene.rivers.isEmpty else { return [] }
        r.stroke(r.scene.rivers, r.style.river, width: r.style.riverWidth)
        return [.entry("River", .line(r.style.river, r.style.riverWidth))]
    }
}

struct CoastLayer: MapLayer {
    let name = "coast"
    func draw(_ r: MapRenderer, _ labels: inout LabelBoard) -> [LegendItem] {
        r.stroke(r.scene.coast, r.style.river, width: r.style.coastWidth)
        return []
    }
}

/// The international border, on a white casing.
struct BorderLayer: MapLayer {
    let name = "border"
    func draw(_ r: MapRenderer, _ labels: inout LabelBoard) -> [LegendItem] {
        r.stroke(r.scene.border, r.style.panel, width: r.style.borderWidth + 2.7)
        r.stroke(r.scene.border, r.style.border, width: r.style.borderWidth, dash: r.style.borderDash)
        guard !r.scene.border.isEmpty else { return [] }
        return [.entry("International border", .line(r.style.border, r.style.borderWidth, dash: r.style.borderDash, under: r.style.panel))]
    }
}

/// Highways drawn schematically through the towns they pass.
struct HighwaysLayer: MapLayer {
    let name = "highways"
    func draw(_ r: MapRenderer, _ labels: inout LabelBoard) -> [LegendItem] {
        let c = r.canvas, s = r.style
        for road in r.scene.highways {
            let pts = road.map(r.layout.px)
            c.color(s.panel); c.lineWidth(s.highwayWidth + 2); c.polyline(pts); c.stroke()
            c.color(s.highway); c.lineWidth(s.highwayWidth); c.dash(s.highwayDash); c.polyline(pts); c.stroke(); c.noDash()
        }
        guard !r.scene.highways.isEmpty, let hw = r.theatre.description.highways else { return [] }
        return [.entry(hw.legend, .line(s.highway, s.highwayWidth, dash: s.highwayDash, under: s.panel))]
    }
}

/// The hull of the sites of a `zone_hull` kind (Theatres/README.md).
struct ZoneLayer: MapLayer {
    let name = "zone"
    func draw(_ r: MapRenderer, _ labels: inout LabelBoard) -> [LegendItem] {
        guard !r.scene.deEscalationZone.isEmpty else { return [] }
        r.stroke(r.scene.deEscalationZone, r.style.panel, width: r.style.zoneWidth + 2)
        r.stroke(r.scene.deEscalationZone, r.style.zone, width: r.style.zoneWidth, dash: r.style.zoneDash)
        guard let zone = r.theatre.description.sites?.zoneLabel else { return [] }
        return [.entry(zone, .line(r.style.zone, r.style.zoneWidth, dash: r.style.zoneDash, under: r.style.panel))]
    }
}

/// Distance rings the user asked for (--buffer).
struct RingsLayer: MapLayer {
    let name = "rings"
    func draw(_ r: MapRenderer, _ labels: inout LabelBoard) -> [LegendItem] {
        for (_, shapes) in r.scene.buffers {
            r.fill(shapes, r.style.ring.alpha(0.08))
            r.stroke(shapes, r.style.ring, width: 2, dash: [2, 4])
        }
        return r.scene.buffers.isEmpty ? [] : [.entry("Requested distance ring", .line(r.style.ring, 2, dash: [2, 4]))]
    }
}

/// Where each site may be (a circle, a wedge, a band along a road).
struct SiteUncertaintyLayer: MapLayer {
    let name = "site-uncertainty"
    func draw(_ r: MapRenderer, _ labels: inout LabelBoard) -> [LegendItem] {
        var drew = false
        for p in r.situation.posts {
            guard let shapes = r.scene.postUncertainty[p.post.id] else { continue }
            r.fill(shapes, r.style.uncertainty)
            drew = true
        }
        return drew ? [.entry("Where a post may be (round its town, a wedge for \"west of…\", a band along a road)",
                              .swatch(r.style.uncertainty, nil))] : []
    }
}

/// The front line between the theatre's front-line pairs, on a white casing.
struct FrontLineLayer: MapLayer {
    let name = "front-line"
    func draw(_ r: MapRenderer, _ labels: inout LabelBoard) -> [LegendItem] {
        guard !r.scene.frontLine.isEmpty else { return [] }
        r.stroke(r.scene.frontLine, r.style.panel, width: r.style.frontLineWidth + 2.7)
        r.stroke(r.scene.frontLine, r.style.frontLine, width: r.style.frontLineWidth)
        return [.entry("Front line (boundary between the two areas)", .line(r.style.frontLine, r.style.frontLineWidth, under: r.style.panel))]
    }
}
