import Geo
import Situation

/// One kind of area or line on the map (in the spirit of Mapnik's layers): it takes what it
/// needs from the prepared scene, draws it, and records what it drew in `used`, from which the
/// legend lists its entries. A new kind of mark is a new type here and one name in a theatre's
/// `layers:` list (theatre.yaml); without that list, `MapLayers.standard` is drawn.
protocol MapLayer: Sendable {
    /// The name a theatre's `layers:` list uses.
    var name: String { get }
    func draw(_ r: MapRenderer, _ used: inout MapRenderer.Used)
}

enum MapLayers {
    /// Every layer by name, bottom first: the default order.
    static let standard: [any MapLayer] = [
        LandLayer(), ControlLayer(), GainsLayer(), LakesLayer(), ProvincesLayer(), RiversLayer(), CoastLayer(),
        BorderLayer(), HighwaysLayer(), ZoneLayer(), RingsLayer(), SiteUncertaintyLayer(), FrontLineLayer(),
    ]

    /// The layers a theatre lists, in its order; an unknown name is an error naming theatre.yaml.
    static func named(_ names: [String]?, theatre: TheatreDescription) throws -> [any MapLayer] {
        guard let names else { return standard }
        return try names.map { n in
            guard let layer = standard.first(where: { $0.name == n }) else {
                throw DataError(file: theatre.folder.appendingPathComponent(TheatreDescription.fileName).relativeDisplay,
                                "layers: unknown layer \"\(n)\"", fix: "one of: \(standard.map(\.name).joined(separator: ", "))")
            }
            return layer
        }
    }
}

/// Land beyond the theatre's country, then the country's land.
struct LandLayer: MapLayer {
    let name = "land"
    func draw(_ r: MapRenderer, _ used: inout MapRenderer.Used) {
        r.fill(r.scene.land, r.style.foreignLand)
        r.fill(r.scene.home, r.style.homeLand)
    }
}

/// Each side's area, tinted and patterned; faded on a change map so that the changes stand out.
struct ControlLayer: MapLayer {
    let name = "control"
    func draw(_ r: MapRenderer, _ used: inout MapRenderer.Used) {
        let fade = r.scene.diffFrom == nil ? 1.0 : r.style.diffFade
        for side in r.theatre.sides {
            guard let area = r.scene.areas[side] else { continue }
            let f = r.style.fill(side)
            r.fill(area, f.alpha(f.a * fade))
            if var h = r.style.sidePattern[side] {
                h.color = h.color.alpha(h.color.a * fade)   // faded with the fill, so that gains' hatching stands out
                r.hatch(area, h)
            }
            used.sides.insert(side)
        }
    }
}

/// On a change map: the ground each side gained, hatched in its colour.
struct GainsLayer: MapLayer {
    let name = "gains"
    func draw(_ r: MapRenderer, _ used: inout MapRenderer.Used) {
        for side in r.theatre.sides {
            guard let gain = r.scene.gains[side], !side.contested else { continue }
            r.hatch(gain, r.style.line(side))
            r.stroke(gain, r.style.line(side), width: r.style.gainWidth)
            used.gains.insert(side)
        }
    }
}

struct LakesLayer: MapLayer {
    let name = "lakes"
    func draw(_ r: MapRenderer, _ used: inout MapRenderer.Used) { r.fill(r.scene.lakes, r.style.sea) }
}

struct ProvincesLayer: MapLayer {
    let name = "provinces"
    func draw(_ r: MapRenderer, _ used: inout MapRenderer.Used) {
        guard !r.scene.provinces.isEmpty else { return }
        r.stroke(r.scene.provinces, r.style.province, width: r.style.provinceWidth, dash: r.style.provinceDash)
        used.provinces = true
    }
}

struct RiversLayer: MapLayer {
    let name = "rivers"
    func draw(_ r: MapRenderer, _ used: inout MapRenderer.Used) {
        guard !r.scene.rivers.isEmpty else { return }
        r.stroke(r.scene.rivers, r.style.river, width: r.style.riverWidth)
        used.rivers = true
    }
}

struct CoastLayer: MapLayer {
    let name = "coast"
    func draw(_ r: MapRenderer, _ used: inout MapRenderer.Used) { r.stroke(r.scene.coast, r.style.river, width: r.style.coastWidth) }
}

/// The international border, on a white casing.
struct BorderLayer: MapLayer {
    let name = "border"
    func draw(_ r: MapRenderer, _ used: inout MapRenderer.Used) {
        r.stroke(r.scene.border, r.style.panel, width: r.style.borderWidth + 2.7)
        r.stroke(r.scene.border, r.style.border, width: r.style.borderWidth, dash: r.style.borderDash)
        used.border = !r.scene.border.isEmpty
    }
}

/// Highways drawn schematically through the towns they pass.
struct HighwaysLayer: MapLayer {
    let name = "highways"
    func draw(_ r: MapRenderer, _ used: inout MapRenderer.Used) {
        let c = r.canvas, s = r.style
        for road in r.scene.highways {
            let pts = road.map(r.layout.px)
            c.color(s.panel); c.lineWidth(s.highwayWidth + 2); c.polyline(pts); c.stroke()
            c.color(s.highway); c.lineWidth(s.highwayWidth); c.dash(s.highwayDash); c.polyline(pts); c.stroke(); c.noDash()
            used.highways = true
        }
    }
}

/// The hull of the sites of a `zone_hull` kind (Theatres/README.md).
struct ZoneLayer: MapLayer {
    let name = "zone"
    func draw(_ r: MapRenderer, _ used: inout MapRenderer.Used) {
        guard !r.scene.deEscalationZone.isEmpty else { return }
        r.stroke(r.scene.deEscalationZone, r.style.panel, width: r.style.zoneWidth + 2)
        r.stroke(r.scene.deEscalationZone, r.style.zone, width: r.style.zoneWidth, dash: r.style.zoneDash)
        used.zone = true
    }
}

/// Distance rings the user asked for (--buffer).
struct RingsLayer: MapLayer {
    let name = "rings"
    func draw(_ r: MapRenderer, _ used: inout MapRenderer.Used) {
        for (_, shapes) in r.scene.buffers {
            r.fill(shapes, r.style.ring.alpha(0.08))
            r.stroke(shapes, r.style.ring, width: 2, dash: [2, 4])
            used.rings = true
        }
    }
}

/// Where each site may be (a circle, a wedge, a band along a road).
struct SiteUncertaintyLayer: MapLayer {
    let name = "site-uncertainty"
    func draw(_ r: MapRenderer, _ used: inout MapRenderer.Used) {
        for p in r.situation.posts {
            guard let shapes = r.scene.postUncertainty[p.post.id] else { continue }
            r.fill(shapes, r.style.uncertainty)
            used.uncertainty = true
        }
    }
}

/// The front line between the theatre's front-line pairs, on a white casing.
struct FrontLineLayer: MapLayer {
    let name = "front-line"
    func draw(_ r: MapRenderer, _ used: inout MapRenderer.Used) {
        guard !r.scene.frontLine.isEmpty else { return }
        r.stroke(r.scene.frontLine, r.style.panel, width: r.style.frontLineWidth + 2.7)
        r.stroke(r.scene.frontLine, r.style.frontLine, width: r.style.frontLineWidth)
        used.frontLine = true
    }
}
