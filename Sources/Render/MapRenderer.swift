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
        canvas.save()
        canvas.evenOddFill()
        path(g)
        canvas.clipPath()
        canvas.color(h.color)
        canvas.lineWidth(h.width)
        Self.hatchLines(in: layout.map, angle: h.angle, spacing: h.spacing * layout.unit, canvas: canvas)
        canvas.stroke()
        canvas.restore()
    }

    /// Parallel lines across `r` at `angle` degrees (45: rising to the right), `spacing` px apart.
    static func hatchLines(in r: Rect, angle: Double, spacing: Double, canvas: Canvas) {
        if angle == 45 {
            // The original construction, kept so that 45° hatches draw exactly as before.
            var x = r.minX - r.height
            while x < r.maxX {
                canvas.move(XY(x, r.maxY)); canvas.line(XY(x + r.height, r.minY))
                x += spacing
            }
            return
        }
        let a = angle * Double.pi / 180
        let d = XY(cos(a), -sin(a)), n = XY(sin(a), cos(a))
        let c = r.center
        let reach = (r.width + r.height)
        var k = -reach
        while k <= reach {
            let o = c + n * k
            canvas.move(o - d * reach); canvas.line(o + d * reach)
            k += max(spacing, 0.5)
        }
    }
}
