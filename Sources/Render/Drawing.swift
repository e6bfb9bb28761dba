import CCairo
import Geo

/// One drawing instruction, in page pixels. Plain values, so a drawing can be made on one
/// thread and replayed on several.
enum DrawOp: Sendable {
    case lineJoinRound
    /// Flat line ends, for strokes already cut to where they show.
    case lineCapButt
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
        for op in ops {
            switch op {
            case .lineJoinRound:
                cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
                cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
            case .lineCapButt: cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
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
            case .text(let s, let f, let at, let width):
                cairo_move_to(cr, at.x, at.y)
                shaper.show(s, f, width: width, on: cr)
            }
        }
    }
}
