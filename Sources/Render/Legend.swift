import Geo
import Situation

/// What a layer puts in the legend: a heading, an entry with a sample of its mark, or a brief
/// list of texts shown only if room remains (after every heading and entry).
enum LegendItem {
    /// A heading; skipped when the heading just above is the same (two layers of one group).
    case head(String)
    case entry(String, LegendSample)
    case brief(head: String, lines: [String])

    /// The text of a heading or entry (for tests and checks).
    var text: String {
        switch self {
        case .head(let s), .entry(let s, _): return s
        case .brief(let head, _): return head
        }
    }
}

/// A legend entry's sample: drawn centred at a point of the legend, the way the map draws the mark.
struct LegendSample {
    let draw: (Furniture, XY) -> Void

    static func symbol(_ s: Symbol) -> LegendSample {
        LegendSample { f, at in f.canvas.draw(s, at: at, style: f.style) }
    }

    /// A box of `fill` on the country's land, edged in `line`; hatched like gains, or in a side's own pattern.
    static func swatch(_ fill: Color, _ line: Color?, hatch: Bool = false, pattern: MapStyle.Hatch? = nil) -> LegendSample {
        LegendSample { f, c in
            let canvas = f.canvas, style = f.style, u = f.u
            let box = Rect(x: c.x - 16 * u, y: c.y - 8 * u, width: 32 * u, height: 16 * u)
            canvas.color(style.homeLand); canvas.rect(box); canvas.fill()
            canvas.color(fill); canvas.rect(box); canvas.fill()
            if let pattern, pattern.angle != 45 || pattern.spacing != 7 {
                // A side's own pattern, as on the map.
                canvas.save(); canvas.clip(box); canvas.color(pattern.color); canvas.lineWidth(pattern.width)
                MapRenderer.hatchLines(in: box, angle: pattern.angle,
                                       spacing: MapRenderer.hatchSpacing(angle: pattern.angle, spacing: pattern.spacing * u), canvas: canvas)
                canvas.stroke(); canvas.restore()
            } else if hatch || pattern != nil {
                canvas.save(); canvas.clip(box); canvas.color(line ?? fill); canvas.lineWidth(1)
                var hx = box.minX - box.height
                while hx < box.maxX { canvas.move(XY(hx, box.maxY)); canvas.line(XY(hx + box.height, box.minY)); hx += 5 * u }
                canvas.stroke(); canvas.restore()
            }
            if let line { canvas.color(line); canvas.lineWidth(1); canvas.rect(box); canvas.stroke() }
        }
    }

    /// A short stretch of line, optionally on a casing.
    static func line(_ color: Color, _ width: Double, dash: [Double]? = nil, under: Color? = nil) -> LegendSample {
        LegendSample { f, c in
            let canvas = f.canvas, u = f.u
            if let under { canvas.color(under); canvas.lineWidth(width + 2.5); canvas.move(XY(c.x - 16 * u, c.y)); canvas.line(XY(c.x + 16 * u, c.y)); canvas.stroke() }
            canvas.color(color); canvas.lineWidth(width); if let dash { canvas.dash(dash) }
            canvas.move(XY(c.x - 16 * u, c.y)); canvas.line(XY(c.x + 16 * u, c.y)); canvas.stroke(); canvas.noDash()
        }
    }
}

extension Furniture {
    /// The legend panel: the items of the layers drawn, in legend order (`MapLayers.legend`).
    /// The legend knows no layer: a new layer's items appear without an edit here.
    func drawLegend(_ items: [LegendItem]) {
        let r = layout.legend
        var y = r.minY + 14 * u
        let x = r.minX + 16 * u
        let textX = x + 44 * u
        let textW = r.maxX - textX - 12 * u
        func head(_ s: String) {
            y += 6 * u
            canvas.text(s, style.legendHeadFont, at: XY(x, y), color: style.text)
            y += canvas.measure(s, style.legendHeadFont).height + 4 * u
        }
        var lastHead: String?
        for item in items {
            switch item {
            case .head(let s):
                if s != lastHead { head(s); lastHead = s }
            case .entry(let s, let sample):
                let h = canvas.measure(s, style.legendFont, width: textW).height
                sample.draw(self, XY(x + 18 * u, y + max(h, 18 * u) / 2))
                canvas.text(s, style.legendFont, at: XY(textX, y), color: style.text, width: textW)
                y += max(h, 18 * u) + 5 * u
            case .brief:
                continue
            }
        }
        // What else was reported in the window, in brief, if room remains.
        for case let .brief(title, lines) in items where !lines.isEmpty && y < r.maxY - 90 * u {
            head(title)
            for s in lines {
                let h = canvas.measure(s, style.smallFont, width: r.maxX - x - 12 * u).height
                if y + h > r.maxY - 8 * u { break }
                canvas.text(s, style.smallFont, at: XY(x, y), color: style.mutedText, width: r.maxX - x - 12 * u)
                y += h + 3 * u
            }
        }
        canvas.color(style.frame); canvas.lineWidth(1)
        canvas.move(XY(r.minX + 0.5, r.minY)); canvas.line(XY(r.minX + 0.5, r.maxY)); canvas.stroke()
    }
}
