import Foundation
import Geo
import Situation

/// The map's point symbols, drawn the same way on the map and in the legend.
enum Symbol {
    case city, town(Int), post(PostLook), changed(Side)
    /// An event kind's mark (`symbol: star` / `arrow` in the event kinds file), in its colour.
    case star(Color), arrow(Color)
}

/// How an observation post looks: its status on the date.
struct PostLook: Hashable {
    var encircledReported: Bool
    /// Computed encircled (inside the threat side's area or cut off) with no report yet.
    var computedOnly: Bool
    var isNew: Bool
}

extension Canvas {
    func draw(_ symbol: Symbol, at p: XY, style: MapStyle) {
        let u = unit
        switch symbol {
        case .city:
            circle(p, 5.5 * u); color(style.panel); fillPreserve()
            color(style.town); lineWidth(2); stroke()
            circle(p, 2.2 * u); fill()
        case .town(let rank):
            circle(p, (style.townDot[rank] ?? 2) * u)
            color(style.town); fill()
        case .post(let look):
            let s = style.postSize * u
            if look.isNew {
                circle(p, s * 1.25); color(style.postNew); fill()
            }
            if look.encircledReported || look.computedOnly {
                circle(p, s * 1.05)
                color(style.postEncircled)
                lineWidth(2.6)
                if look.computedOnly && !look.encircledReported { dash([3, 2.5]) }
                stroke(); noDash()
            }
            rect(Rect(x: p.x - s * 0.62, y: p.y - s * 0.62, width: s * 1.24, height: s * 1.24))
            color(style.post); fillPreserve()
            color(style.panel); lineWidth(1.2); stroke()
            // A small white bar marks it as a military post rather than a town.
            rect(Rect(x: p.x - s * 0.32, y: p.y - s * 0.1, width: s * 0.64, height: s * 0.2))
            color(style.panel); fill()
        case .star(let fill):
            let r1 = 8 * u, r0 = 3.4 * u
            for i in 0..<16 {
                let a = Double(i) * Double.pi / 8 - Double.pi / 2
                let r = i % 2 == 0 ? r1 : r0
                let q = XY(p.x + cos(a) * r, p.y + sin(a) * r)
                i == 0 ? move(q) : line(q)
            }
            close()
            color(fill); fillPreserve()
            color(style.panel); lineWidth(1); stroke()
        case .changed(let side):
            circle(p, 9 * u)
            color(style.sideLine[side] ?? style.changed)
            lineWidth(2.4); dash([4, 2]); stroke(); noDash()
        case .arrow(let ink):
            arrow(from: XY(p.x - 16 * u, p.y + 5 * u), to: XY(p.x + 16 * u, p.y - 5 * u), style: style, bend: 0, color: ink)
        }
    }

    /// A curved arrow; `bend` shifts the curve's control point sideways (fraction of length).
    func arrow(from a: XY, to b: XY, style: MapStyle, bend: Double = 0.18, color ink: Color) {
        let d = b - a
        let len = d.length
        guard len > 1 else { return }
        let n = XY(-d.y / len, d.x / len)
        let c = (a + b) * 0.5 + n * (len * bend)
        let head = 13 * unit
        // Stop the shaft short of the tip so the head stays sharp.
        let tipDir = (b - c) * (1 / max(1, (b - c).length))
        let shaftEnd = b - tipDir * (head * 0.8)
        color(style.panel.alpha(0.9)); lineWidth(6.5)
        move(a); quadratic(from: a, control: c, to: shaftEnd); stroke()
        color(ink); lineWidth(3.6)
        move(a); quadratic(from: a, control: c, to: shaftEnd); stroke()
        let side = XY(-tipDir.y, tipDir.x)
        let base = b - tipDir * head
        move(b); line(base + side * (head * 0.5)); line(base - side * (head * 0.5)); close()
        color(ink); fillPreserve()
        color(style.panel); lineWidth(1); stroke()
    }

    /// Points along the same curve, for keeping labels off it.
    static func arrowSamples(from a: XY, to b: XY, bend: Double = 0.18, count: Int = 9) -> [XY] {
        let d = b - a
        let len = d.length
        guard len > 1 else { return [a] }
        let n = XY(-d.y / len, d.x / len)
        let c = (a + b) * 0.5 + n * (len * bend)
        return (0...count).map { i in
            let t = Double(i) / Double(count)
            return a * ((1 - t) * (1 - t)) + c * (2 * t * (1 - t)) + b * (t * t)
        }
    }
}
