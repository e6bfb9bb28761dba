import CCairo
import Geo

/// One drawing instruction, in page pixels. Plain values, so a drawing can be made on one
/// thread and replayed on several.
enum DrawOp: Sendable {
    case lineJoinRound
    case color(Color)
    case lineWidth(Double)
    case dash([Double])
    case move(XY), line(XY), curve(XY, XY, XY), close, newSubPath
    case rect(Rect)
    case arc(XY, Double, Double, Double)
    case fill, fillPreserve, stroke, clip, evenOdd
    case save, restore
    /// A text with its top-left at the point, in a font already scaled to pixels, wrapped at the width.
    case text(String, Font, XY, Double?)
    /// Hatch lines already cut to an area. A raster fills the area (even–odd) with the tile
    /// instead, when there is one: the same lines, repeated, at a fraction of the cost.
    case hatch(area: [[XY]], lines: [(XY, XY)], tile: HatchTile?)
}

/// One period of a 45° or 135° hatch: lines `x + y` (rising) or `x − y` (falling) ≡ `phase`
/// modulo `period` whole pixels, so that a period × period image repeats them exactly. Drawn
/// through a clip, the ~900 lines of one side's hatch cost ~60 ms to rasterise, cut to the
/// area ~30 ms; filled from the tile ~3 ms.
struct HatchTile: Sendable {
    let period: Int
    let rising: Bool
    let phase: Double
    let width: Double
    let color: Color

    /// Fills the current path of `cr` (even–odd) with the tile; the path is consumed.
    func fill(on cr: OpaquePointer) {
        let p = Double(period)
        guard let tile = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(period), Int32(period)) else { return }
        defer { cairo_surface_destroy(tile) }
        if let t = cairo_create(tile) {
            cairo_set_source_rgba(t, color.r, color.g, color.b, color.a)
            cairo_set_line_width(t, width)
            cairo_set_line_cap(t, CAIRO_LINE_CAP_BUTT)
            let f = phase - (phase / p).rounded(.down) * p
            for j in -3...3 {
                // The line through (f + j·p, 0), over a few periods either side of the tile.
                let c = f + Double(j) * p
                if rising {
                    cairo_move_to(t, c + 3 * p, -3 * p); cairo_line_to(t, c - 3 * p, 3 * p)
                } else {
                    cairo_move_to(t, c - 3 * p, -3 * p); cairo_line_to(t, c + 3 * p, 3 * p)
                }
            }
            cairo_stroke(t)
            cairo_destroy(t)
        }
        guard let pattern = cairo_pattern_create_for_surface(tile) else { return }
        defer { cairo_pattern_destroy(pattern) }
        cairo_pattern_set_extend(pattern, CAIRO_EXTEND_REPEAT)
        cairo_pattern_set_filter(pattern, CAIRO_FILTER_NEAREST)
        cairo_save(cr)
        cairo_set_source(cr, pattern)
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD)
        cairo_fill(cr)
        cairo_restore(cr)
    }
}

/// A text as placed on the page: its string and its logical box.
public struct PlacedText: Hashable, Sendable {
    public let text: String
    public let box: Rect
}

/// A map page drawn once (label placement and text measurement included) and replayed on every
/// surface: the SVG, PNG and PDF of one page size are the same picture.
public struct Drawing: Sendable {
    public let width: Double
    public let height: Double
    let ops: [DrawOp]
    /// Every text on the page (labels, legend, title, credits), in drawing order.
    public let texts: [PlacedText]

    /// Replays the drawing on a Cairo context. `shaper` must belong to the calling thread.
    func replay(on cr: OpaquePointer, shaper: TextShaper) {
        let raster = cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE
        for op in ops {
            switch op {
            case .lineJoinRound:
                cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
                cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
            case .color(let c): cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a)
            case .lineWidth(let w): cairo_set_line_width(cr, w)
            case .dash(let d): d.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32(d.count), 0) }
            case .move(let p): cairo_move_to(cr, p.x, p.y)
            case .line(let p): cairo_line_to(cr, p.x, p.y)
            case .curve(let a, let b, let c): cairo_curve_to(cr, a.x, a.y, b.x, b.y, c.x, c.y)
            case .close: cairo_close_path(cr)
            case .newSubPath: cairo_new_sub_path(cr)
            case .rect(let r): cairo_rectangle(cr, r.minX, r.minY, r.width, r.height)
            case .arc(let c, let r, let a0, let a1): cairo_arc(cr, c.x, c.y, r, a0, a1)
            case .fill: cairo_fill(cr)
            case .fillPreserve: cairo_fill_preserve(cr)
            case .stroke: cairo_stroke(cr)
            case .clip: cairo_clip(cr)
            case .evenOdd: cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD)
            case .save: cairo_save(cr)
            case .restore: cairo_restore(cr)
            case .hatch(let area, let lines, let tile):
                cairo_new_path(cr)
                if raster, let tile {
                    for ring in area where ring.count > 1 {
                        cairo_move_to(cr, ring[0].x, ring[0].y)
                        for p in ring.dropFirst() { cairo_line_to(cr, p.x, p.y) }
                        cairo_close_path(cr)
                    }
                    tile.fill(on: cr)
                } else {
                    cairo_save(cr)
                    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
                    for (a, b) in lines { cairo_move_to(cr, a.x, a.y); cairo_line_to(cr, b.x, b.y) }
                    cairo_stroke(cr)
                    cairo_restore(cr)
                }
            case .text(let s, let f, let at, let width):
                cairo_move_to(cr, at.x, at.y)
                shaper.show(s, f, width: width, on: cr)
            }
        }
    }
}
