import Geo
import Situation

/// Events imported from ACLED, drawn as their own layer under mapgen's own symbols (they can be
/// many, and another project coded them): a small violet diamond at an exact place; where ACLED
/// gives only a district or region (geo_precision 2 or 3), a faint dashed circle of the
/// uncertainty radius instead, so an approximate place never looks exact.
extension MapRenderer {
    static let importedColor = Color(0x7B3FA0)

    /// Draws the layer; true when anything showed (for the legend).
    func drawImportedEvents() -> Bool {
        let c = canvas
        var drew = false
        for m in situation.imported {
            let xy = layout.px(m.point)
            if let km = m.record.uncertaintyKm {
                let r = (layout.px(m.point + XY(km * 1000, 0)) - xy).length
                guard layout.map.insetBy(-r).contains(xy) else { continue }
                c.circle(xy, r)
                c.color(Self.importedColor.alpha(0.05)); c.fillPreserve()
                c.color(Self.importedColor.alpha(0.55)); c.lineWidth(1); c.dash([3, 3]); c.stroke(); c.noDash()
            } else {
                guard layout.map.contains(xy) else { continue }
                Self.drawImportedSymbol(at: xy, canvas: c, unit: layout.unit)
            }
            drew = true
        }
        return drew
    }

    static func drawImportedSymbol(at p: XY, canvas c: Canvas, unit u: Double) {
        let r = 5 * u
        c.polyline([XY(p.x, p.y - r), XY(p.x + r, p.y), XY(p.x, p.y + r), XY(p.x - r, p.y)], closed: true)
        c.color(importedColor.alpha(0.85)); c.fillPreserve()
        c.color(Color(0xFFFFFF)); c.lineWidth(0.8); c.stroke()
    }
}
