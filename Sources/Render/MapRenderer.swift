import Foundation
import Geo
import Situation

/// Draws a situation onto a canvas: the theatre's layers in order (areas, lines, marks; see
/// MapLayers.swift), the labels they offered, and the map's corners (scale bar, north arrow,
/// locator). One routine for every output format; the title, legend and credits around the map
/// are `Furniture`'s.
struct MapRenderer {
    let situation: Situation
    let style: MapStyle
    let layout: PageLayout
    let canvas: Canvas
    let scene: MapScene
    /// The layers, bottom first.
    var layers: [any MapLayer] = MapLayers.standard

    var theatre: Theatre { situation.theatre }

    /// Draws the map; returns the legend items of the layers drawn, in legend order.
    func draw() -> [LegendItem] {
        var clock = Stopwatch()
        let c = canvas
        c.color(style.panel); c.rect(Rect(x: 0, y: 0, width: layout.size.width, height: layout.size.height)); c.fill()

        c.save()
        c.clip(layout.map)
        // Beyond the land lies the sea, unless the theatre has none (then it is the map's edge).
        c.color(theatre.basemap.sea.isEmpty ? style.foreignLand : style.sea); c.rect(layout.map); c.fill()
        var labels = LabelBoard(bounds: layout.map.insetBy(4 * layout.unit))
        // Corners hold the furniture; keep labels out of them.
        let furniture = Furniture(style: style, layout: layout, canvas: canvas)
        for r in furniture.mapCornerRects() { labels.block(r) }
        // Every layer draws (marks block the room they take), then the labels they offered are placed.
        var drawn: [(name: String, items: [LegendItem])] = []
        for layer in layers { drawn.append((layer.name, layer.draw(self, &labels))) }
        clock.lap("    layers")
        labels.placeAll(on: canvas, style: style)
        clock.lap("    labels")
        c.restore()

        furniture.drawMapFurniture(scene, theatre: theatre.description)
        clock.lap("    map furniture")
        return MapLayers.legend(drawn, order: theatre.description.legend)
    }

    // MARK: geometry drawing

    func path(_ shapes: [Shape]) {
        for s in shapes {
            switch s {
            case .polygon(let rings):
                for r in rings { canvas.polyline(r.map(layout.px), closed: true) }
            case .line(let pts):
                canvas.polyline(pts.map(layout.px))
            case .point:
                break
            }
        }
    }

    func fill(_ g: [Shape], _ color: Color) {
        canvas.save()
        canvas.evenOddFill()
        path(g)
        canvas.color(color)
        canvas.fill()
        canvas.restore()
    }

    func stroke(_ g: [Shape], _ color: Color, width: Double, dash: [Double]? = nil) {
        path(g)
        canvas.color(color)
        canvas.lineWidth(width)
        if let dash { canvas.dash(dash) }
        canvas.stroke()
        canvas.noDash()
    }

    /// The 45° hatch of gained ground (and of a side styled so), in the side's line colour.
    func hatch(_ g: [Shape], _ color: Color) {
        hatch(g, MapStyle.Hatch(color: color.alpha(0.8), angle: 45, spacing: 7, width: 1.2))
    }

    func hatch(_ g: [Shape], _ h: MapStyle.Hatch) {
        // The lines cut to the area here, not by a clip path (which cost ~60 ms to rasterise
        // for one side: ~900 page-long lines through a clip of ~600 vertices); flat ends, so
        // that they stop at the area's edge. The PNG fills the area from a tile of the same lines.
        let rings = g.flatMap { s -> [[XY]] in
            switch s { case .polygon(let r): return r.map { $0.map(layout.px) }; case .line, .point: return [] }
        }
        guard let box = Self.bounds(rings) else { return }
        let r = layout.map
        let spacing = Self.hatchSpacing(angle: h.angle, spacing: h.spacing * layout.unit)
        var lines: [(XY, XY)] = []
        for (a, b) in Self.hatchSegments(in: r, angle: h.angle, spacing: spacing, within: box) {
            lines += Self.inside(a, b, rings: rings, width: 0, margin: 0)
        }
        let width = h.width * layout.unit
        var tile: HatchTile?
        if h.angle == 45 {
            // Lines x + y = minX − height + maxY + i·spacing (the construction in hatchSegments).
            tile = HatchTile(period: Int(spacing), rising: true, phase: r.minX - r.height + r.maxY, width: width, color: h.color)
        } else if h.angle == 135 {
            // Lines x − y = cx − cy + √2·k, k = −reach + i·spacing.
            let reach = r.width + r.height
            tile = HatchTile(period: Int((spacing * 2.0.squareRoot()).rounded()), rising: false,
                             phase: r.center.x - r.center.y - 2.0.squareRoot() * reach, width: width, color: h.color)
        }
        canvas.color(h.color)
        canvas.lineWidth(h.width)
        canvas.hatch(area: rings, lines: lines, tile: tile)
    }

    /// The spacing hatch lines are drawn at: 45° and 135° hatches repeat every whole number of
    /// pixels along the axes (≤ 0.5 px from the style's spacing there), so that a raster can
    /// fill them from a tile.
    static func hatchSpacing(angle: Double, spacing: Double) -> Double {
        switch angle {
        case 45: return max(2, spacing.rounded())
        case 135: return max(2, (spacing * 2.0.squareRoot()).rounded()) / 2.0.squareRoot()
        default: return spacing
        }
    }

    /// Parallel lines across `r` at `angle` degrees (45: rising to the right), `spacing` px apart.
    static func hatchLines(in r: Rect, angle: Double, spacing: Double, canvas: Canvas) {
        for (a, b) in hatchSegments(in: r, angle: angle, spacing: spacing) { canvas.move(a); canvas.line(b) }
    }

    /// The hatch lines as segments; with `within`, only the parts inside that box.
    static func hatchSegments(in r: Rect, angle: Double, spacing: Double, within: Rect? = nil) -> [(XY, XY)] {
        var out: [(XY, XY)] = []
        func add(_ a: XY, _ b: XY) {
            if let box = within {
                if let part = segment(a, b, clippedTo: box) { out.append(part) }
            } else {
                out.append((a, b))
            }
        }
        if angle == 45 {
            // The original construction, kept so that 45° hatches fall where they always did.
            var x = r.minX - r.height
            while x < r.maxX {
                add(XY(x, r.maxY), XY(x + r.height, r.minY))
                x += spacing
            }
            return out
        }
        let a = angle * Double.pi / 180
        let d = XY(cos(a), -sin(a)), n = XY(sin(a), cos(a))
        let c = r.center
        let reach = (r.width + r.height)
        var k = -reach
        while k <= reach {
            let o = c + n * k
            add(o - d * reach, o + d * reach)
            k += max(spacing, 0.5)
        }
        return out
    }

    /// The stretches of segment a–b that a stroke `width` px wide draws inside the rings
    /// (even–odd, as the areas are filled): where its centre line or either edge is inside, each
    /// stretch lengthened by `margin` px at both ends and merged where they then overlap.
    static func inside(_ a: XY, _ b: XY, rings: [[XY]], width: Double, margin: Double) -> [(XY, XY)] {
        let d = b - a
        let len = (d.x * d.x + d.y * d.y).squareRoot()
        guard len > 0 else { return [] }
        let u = d * (1 / len), n = XY(-u.y, u.x)
        let m = margin / len
        var spans: [(Double, Double)] = []
        for offset in width > 0 ? [0, width / 2, -width / 2] : [0] {
            let o = a + n * offset
            // Where this line crosses the rings' edges, as a parameter along a–b.
            var ts: [Double] = []
            for ring in rings where ring.count > 1 {
                var p = ring[ring.count - 1]
                for q in ring {
                    let sp = u.x * (p.y - o.y) - u.y * (p.x - o.x), sq = u.x * (q.y - o.y) - u.y * (q.x - o.x)
                    if (sp > 0) != (sq > 0) {
                        let x = p + (q - p) * (sp / (sp - sq))
                        ts.append(((x.x - o.x) * u.x + (x.y - o.y) * u.y) / len)
                    }
                    p = q
                }
            }
            ts.sort()
            var i = 0
            while i + 1 < ts.count {
                let lo = max(0, ts[i] - m), hi = min(1, ts[i + 1] + m)
                if lo < hi { spans.append((lo, hi)) }
                i += 2
            }
        }
        spans.sort { $0.0 < $1.0 }
        var merged: [(Double, Double)] = []
        for s in spans {
            if let last = merged.last, s.0 <= last.1 { merged[merged.count - 1].1 = max(last.1, s.1) } else { merged.append(s) }
        }
        return merged.map { (a + d * $0.0, a + d * $0.1) }
    }

    /// The part of segment a–b inside `box` (Liang–Barsky), nil when none.
    static func segment(_ a: XY, _ b: XY, clippedTo box: Rect) -> (XY, XY)? {
        let d = b - a
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-d.x, a.x - box.minX), (d.x, box.maxX - a.x), (-d.y, a.y - box.minY), (d.y, box.maxY - a.y)] {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let t = q / p
                if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 > t1 { return nil }
            }
        }
        return (a + d * t0, a + d * t1)
    }

    /// The box round some point lists, nil when they hold none.
    static func bounds(_ lists: [[XY]]) -> Rect? {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for pts in lists {
            for p in pts { minX = min(minX, p.x); minY = min(minY, p.y); maxX = max(maxX, p.x); maxY = max(maxY, p.y) }
        }
        return minX <= maxX ? Rect(minX: minX, minY: minY, maxX: maxX, maxY: maxY) : nil
    }
}
