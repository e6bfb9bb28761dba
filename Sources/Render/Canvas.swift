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

/// Where the map is drawn: records every path, paint and text as a `Drawing`, measuring text
/// with one surface-independent `TextShaper`. The drawing is then replayed on each format's
/// surface, so SVG, PNG (and PDF of the same page size) show the same layout, label for label.
final class Canvas {
    /// Scales every font size and line width from the 1600×1200 reference layout.
    let unit: Double
    private let shaper: TextShaper
    private(set) var ops: [DrawOp] = [.lineJoinRound]
    /// Every text drawn, with its box on the page, in drawing order.
    private(set) var texts: [PlacedText] = []

    init(unit: Double, shaper: TextShaper = TextShaper()) {
        self.unit = unit
        self.shaper = shaper
    }

    // MARK: paths and paint

    func color(_ c: Color) { ops.append(.color(c)) }
    func lineWidth(_ w: Double) { ops.append(.lineWidth(w * unit)) }
    func dash(_ pattern: [Double]) { ops.append(.dash(pattern.map { $0 * unit })) }
    func noDash() { ops.append(.dash([])) }
    /// Hatch lines cut to `area` (see `DrawOp.hatch`), in the current colour and line width.
    func hatch(area: [[XY]], lines: [(XY, XY)], tile: HatchTile?) { ops.append(.hatch(area: area, lines: lines, tile: tile)) }
    func move(_ p: XY) { ops.append(.move(p)) }
    func line(_ p: XY) { ops.append(.line(p)) }
    func close() { ops.append(.close) }
    /// A quadratic Bézier from the current point `from` through control `c` to `to`.
    func quadratic(from a: XY, control c: XY, to b: XY) {
        ops.append(.curve(a + (c - a) * (2.0 / 3), b + (c - b) * (2.0 / 3), b))
    }
    func fill() { ops.append(.fill) }
    func fillPreserve() { ops.append(.fillPreserve) }
    func stroke() { ops.append(.stroke) }
    func save() { ops.append(.save) }
    func restore() { ops.append(.restore) }
    func rect(_ r: Rect) { ops.append(.rect(r)) }
    func circle(_ c: XY, _ radius: Double) {
        ops.append(.newSubPath)
        ops.append(.arc(c, radius, 0, 2 * Double.pi))
    }
    func clip(_ r: Rect) { rect(r); ops.append(.clip) }
    func clipPath() { ops.append(.clip) }
    func polyline(_ pts: [XY], closed: Bool = false) {
        guard let f = pts.first else { return }
        move(f)
        for p in pts.dropFirst() { line(p) }
        if closed { close() }
    }
    func evenOddFill() { ops.append(.evenOdd) }

    // MARK: text

    /// The font at this canvas's scale.
    private func scaled(_ font: Font) -> Font {
        var f = font
        f.size = font.size * unit
        return f
    }

    /// The pixel size of a text laid out in `font` (wrapped at `width` when given).
    func measure(_ text: String, _ font: Font, width: Double? = nil) -> (width: Double, height: Double) {
        let logical = shaper.extents(text, scaled(font), width: width).logical
        // Whole pixels, rounded outwards, as the label placement has always used.
        return ((logical.maxX).rounded(.up) - logical.minX.rounded(.down), logical.maxY.rounded(.up) - logical.minY.rounded(.down))
    }

    /// Draws text with its top-left at `at`. With `halo`, a soft rounded backing keeps it readable
    /// over the map. (A stroked glyph-outline halo looked slightly nicer but made every label a
    /// long path: it tripled the SVG to 2.4 MB and cost ~100 ms of a 0.45 s run.)
    func text(_ text: String, _ font: Font, at: XY, color c: Color, halo: Color? = nil, width: Double? = nil) {
        let f = scaled(font)
        let (ink, logical) = shaper.extents(text, f, width: width)
        if let halo {
            let pad = 1.5 * unit
            roundedRect(Rect(x: at.x + ink.minX - pad, y: at.y + ink.minY - pad,
                             width: ink.width + 2 * pad, height: ink.height + 2 * pad), radius: 2.5 * unit)
            color(halo)
            fill()
        }
        color(c)
        ops.append(.text(text, f, at, width))
        texts.append(PlacedText(text: text, box: Rect(x: at.x + logical.minX, y: at.y + logical.minY,
                                                     width: logical.width, height: logical.height)))
    }

    func roundedRect(_ r: Rect, radius: Double) {
        let rad = min(radius, r.width / 2, r.height / 2)
        ops.append(.newSubPath)
        ops.append(.arc(XY(r.maxX - rad, r.minY + rad), rad, -Double.pi / 2, 0))
        ops.append(.arc(XY(r.maxX - rad, r.maxY - rad), rad, 0, Double.pi / 2))
        ops.append(.arc(XY(r.minX + rad, r.maxY - rad), rad, Double.pi / 2, Double.pi))
        ops.append(.arc(XY(r.minX + rad, r.minY + rad), rad, Double.pi, 3 * Double.pi / 2))
        close()
    }

    /// What was recorded, ready to replay on any surface of this page size.
    func drawing(width: Double, height: Double) -> Drawing {
        Drawing(width: width, height: height, ops: ops, texts: texts)
    }
}
