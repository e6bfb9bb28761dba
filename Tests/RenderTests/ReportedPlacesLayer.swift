import Geo
@testable import Render
import Situation

/// A kind of mark that exists only for `LayerListTests`: the proof that a new kind of mark is
/// one new file like this one plus one line in a theatre's `layers:` list. It marks every place
/// the window's reports name with a small teal square, labels it with its count of reports
/// through the shared label placer, and brings its own legend line.
struct ReportedPlacesLayer: MapLayer {
    let name = "reported-places"
    static let ink = Color(0x12A4A4)
    static let legendText = "Place named in the window's reports"

    func draw(_ r: MapRenderer, _ labels: inout LabelBoard) -> [LegendItem] {
        var counts = [Int: (place: Place, reports: Int)]()
        for e in r.situation.reported {
            for p in e.places { counts[p.id, default: (p, 0)].reports += 1 }
        }
        let u = r.layout.unit
        var drew = false
        for id in counts.keys.sorted() {
            guard let (p, n) = counts[id], let m = r.scene.placeXY[id] else { continue }
            let xy = r.layout.px(m)
            guard r.layout.map.contains(xy) else { continue }
            let box = Rect(x: xy.x - 4 * u, y: xy.y - 4 * u, width: 8 * u, height: 8 * u)
            r.canvas.rect(box); r.canvas.color(Self.ink); r.canvas.fill()
            labels.block(box)
            labels.offer(.around(texts: ["\(p.name): \(n) report\(n == 1 ? "" : "s")"], font: r.style.noteFont, color: Self.ink,
                                 anchor: xy, gap: 6 * u, far: true), priority: 65)   // after towns, before villages (Styles/default.yaml)
            drew = true
        }
        guard drew else { return [] }
        return [.entry(Self.legendText, LegendSample { f, c in
            f.canvas.rect(Rect(x: c.x - 4 * f.u, y: c.y - 4 * f.u, width: 8 * f.u, height: 8 * f.u)); f.canvas.color(Self.ink); f.canvas.fill()
        })]
    }
}
