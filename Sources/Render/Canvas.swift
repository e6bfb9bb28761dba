import CCairo
import Geo

/// An RGBA colour, components 0…1.
public struct Color: Hashable, Sendable {
    public var r, g, b, a: Double
    public init(_ hex: UInt32, alpha: Double = 1) {
        r = Double((hex >> 16) & 0xff) / 255; g = Double((hex >> 8) & 0xff) / 255; b = Double(hex & 0xff) / 255; a = alpha
    }
    public func alpha(_ a: Double) -> Color { var c = self; c.a = a; return c }
}

/// A font: Pango family, size in px at the default map size, weight.
public struct Font: Hashable, Sendable {
    public var family: String
    public var size: Double
    public var bold: Bool = false
    public var italic: Bool = false
    public init(_ family: String, _ size: Double, bold: Bool = false, italic: Bool = false) {
        self.family = family; self.size = size; self.bold = bold; self.italic = italic
    }
}

/// A Cairo drawing context with Pango text. The one drawing surface every format goes through,
/// so SVG, PNG and PDF show the same map. The Cairo and Pango pointers stay inside.
final class Canvas {
    let cr: OpaquePointer
    /// Scales every font size and line width from the 1600×1200 reference layout.
    let unit: Double
    private var layouts: [Font: OpaquePointer] = [:]

    init(cairo: OpaquePointer, unit: Double) {
        cr = cairo
        self.unit = unit
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
    }

    deinit {
        for l in layouts.values { g_object_unref(UnsafeMutableRawPointer(l)) }
    }

    // MARK: paths and paint

    func color(_ c: Color) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a) }
    func lineWidth(_ w: Double) { cairo_set_line_width(cr, w * unit) }
    func dash(_ pattern: [Double]) {
        let scaled = pattern.map { $0 * unit }
        scaled.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32(scaled.count), 0) }
    }
    func noDash() { cairo_set_dash(cr, nil, 0, 0) }
    func move(_ p: XY) { cairo_move_to(cr, p.x, p.y) }
    func line(_ p: XY) { cairo_line_to(cr, p.x, p.y) }
    func close() { cairo_close_path(cr) }
    /// A quadratic Bézier from the current point `from` through control `c` to `to`.
    func quadratic(from a: XY, control c: XY, to b: XY) {
        let c1 = a + (c - a) * (2.0 / 3), c2 = b + (c - b) * (2.0 / 3)
        cairo_curve_to(cr, c1.x, c1.y, c2.x, c2.y, b.x, b.y)
    }
    func fill() { cairo_fill(cr) }
    func fillPreserve() { cairo_fill_preserve(cr) }
    func stroke() { cairo_stroke(cr) }
    func save() { cairo_save(cr) }
    func restore() { cairo_restore(cr) }
    func rect(_ r: Rect) { cairo_rectangle(cr, r.minX, r.minY, r.width, r.height) }
    func circle(_ c: XY, _ radius: Double) {
        cairo_new_sub_path(cr)
        cairo_arc(cr, c.x, c.y, radius, 0, 2 * Double.pi)
    }
    func clip(_ r: Rect) { rect(r); cairo_clip(cr) }
    func clipPath() { cairo_clip(cr) }
    func polyline(_ pts: [XY], closed: Bool = false) {
        guard let f = pts.first else { return }
        move(f)
        for p in pts.dropFirst() { line(p) }
        if closed { close() }
    }
    func evenOddFill() { cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD) }

    // MARK: text

    private func layout(_ font: Font) -> OpaquePointer {
        if let l = layouts[font] { return l }
        let l = pango_cairo_create_layout(cr)!
        let desc = pango_font_description_new()
        pango_font_description_set_family(desc, font.family)
        pango_font_description_set_absolute_size(desc, font.size * unit * Double(PANGO_SCALE))
        pango_font_description_set_weight(desc, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(desc, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_layout_set_font_description(l, desc)
        pango_font_description_free(desc)
        layouts[font] = l
        return l
    }

    private func prepare(_ text: String, _ font: Font, width: Double?) -> OpaquePointer {
        let l = layout(font)
        pango_layout_set_text(l, text, -1)
        if let width {
            pango_layout_set_width(l, Int32(width * Double(PANGO_SCALE)))
            pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR)
        } else {
            pango_layout_set_width(l, -1)
        }
        return l
    }

    /// The pixel size of a text laid out in `font` (wrapped at `width` when given).
    func measure(_ text: String, _ font: Font, width: Double? = nil) -> (width: Double, height: Double) {
        let l = prepare(text, font, width: width)
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_pixel_extents(l, &ink, &logical)
        return (Double(logical.width), Double(logical.height))
    }

    /// Draws text with its top-left at `at`. With `halo`, a soft rounded backing keeps it readable
    /// over the map. (A stroked glyph-outline halo looked slightly nicer but made every label a
    /// long path: it tripled the SVG to 2.4 MB and cost ~100 ms of a 0.45 s run.)
    func text(_ text: String, _ font: Font, at: XY, color c: Color, halo: Color? = nil, width: Double? = nil) {
        let l = prepare(text, font, width: width)
        if let halo {
            var ink = PangoRectangle(), logical = PangoRectangle()
            pango_layout_get_pixel_extents(l, &ink, &logical)
            let pad = 1.5 * unit
            roundedRect(Rect(x: at.x + Double(ink.x) - pad, y: at.y + Double(ink.y) - pad,
                             width: Double(ink.width) + 2 * pad, height: Double(ink.height) + 2 * pad), radius: 2.5 * unit)
            color(halo)
            cairo_fill(cr)
        }
        cairo_move_to(cr, at.x, at.y)
        color(c)
        pango_cairo_show_layout(cr, l)
    }

    func roundedRect(_ r: Rect, radius: Double) {
        let rad = min(radius, r.width / 2, r.height / 2)
        cairo_new_sub_path(cr)
        cairo_arc(cr, r.maxX - rad, r.minY + rad, rad, -Double.pi / 2, 0)
        cairo_arc(cr, r.maxX - rad, r.maxY - rad, rad, 0, Double.pi / 2)
        cairo_arc(cr, r.minX + rad, r.maxY - rad, rad, Double.pi / 2, Double.pi)
        cairo_arc(cr, r.minX + rad, r.minY + rad, rad, Double.pi, 3 * Double.pi / 2)
        cairo_close_path(cr)
    }
}
