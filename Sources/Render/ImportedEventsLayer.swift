import Geo
import Situation

/// Events imported from ACLED, drawn as their own layer under mapgen's own symbols (they can be
/// many, and another project coded them): a small violet diamond at an exact place; where ACLED
/// gives only a district or region (geo_precision 2 or 3), a faint dashed circle of the
/// uncertainty radius instead, so an approximate place never looks exact.
struct ImportedEventsLayer: MapLayer {
    let name = "imported-events"
    static let color = Color(0x7B3FA0)

    func draw(_ r: MapRenderer, _ labels: inout LabelBoard) -> [LegendItem] {
        let c = r.canvas, layout = r.layout
        var drew = false
        for m in r.situation.imported {
            let xy = layout.px(m.point)
            if let km = m.record.uncertaintyKm {
                let rad = (layout.px(m.point + XY(km * 1000, 0)) - xy).length
                guard layout.map.insetBy(-rad).contains(xy) else { continue }
                c.circle(xy, rad)
                c.color(Self.color.alpha(0.05)); c.fillPreserve()
                c.color(Self.color.alpha(0.55)); c.lineWidth(1); c.dash([3, 3]); c.stroke(); c.noDash()
            } else {
                guard layout.map.contains(xy) else { continue }
                Self.drawSymbol(at: xy, canvas: c, unit: layout.unit)
            }
            drew = true
        }
        guard drew else { return [] }
        return [.entry("Event from ACLED (dashed circle: place known only to 10–25 km)",
                       LegendSample { f, at in Self.drawSymbol(at: at, canvas: f.canvas, unit: f.u) })]
    }

    static func drawSymbol(at p: XY, canvas c: Canvas, unit u: Double) {
        let r = 5 * u
        c.polyline([XY(p.x, p.y - r), XY(p.x + r, p.y), XY(p.x, p.y + r), XY(p.x - r, p.y)], closed: true)
        c.color(color.alpha(0.85)); c.fillPreserve()
        c.color(Color(0xFFFFFF)); c.lineWidth(0.8); c.stroke()
    }
}
