import Geo

/// A label a layer offers to the shared placer.
enum LabelOffer {
    /// Beside a mark: the first of `texts` (longest form first) that fits around `anchor`, a
    /// mark of radius `gap`; with `far`, a crowded label may move further out on a leader line.
    case around(texts: [String], font: Font, color: Color, anchor: XY, gap: Double, far: Bool)
    /// Along a line (an arrow): centred at the first free point of `centres`, else around
    /// `start`, keeping clear of `avoiding` (for this label only); else beside `fallback`.
    case along(text: String, font: Font, color: Color, centres: [XY], start: XY, startGap: Double,
               avoiding: [Rect], fallback: XY, fallbackGap: Double)
    /// Room later labels must leave free (a line, once its own labels are placed).
    case block([Rect])
}

/// The one label placer every layer shares, so that labels of different layers avoid each
/// other and every mark. Layers block the room of their marks while they draw and offer their
/// labels with a priority; once every layer has drawn, `placeAll` places the offers by
/// priority, and offers of one priority in the order they came (layer order, then the layer's
/// own order): the same inputs give the same map.
struct LabelBoard {
    private(set) var placer: LabelPlacer
    private var offers: [(priority: Int, offer: LabelOffer)] = []

    init(bounds: Rect) { placer = LabelPlacer(bounds: bounds) }

    /// Room a mark takes: no label goes there.
    mutating func block(_ r: Rect) { placer.block(r) }

    mutating func offer(_ o: LabelOffer, priority: Int) { offers.append((priority, o)) }

    /// Places and draws every offered label, most important first.
    mutating func placeAll(on canvas: Canvas, style: MapStyle) {
        let ordered = offers.enumerated().sorted { ($0.element.priority, $0.offset) < ($1.element.priority, $1.offset) }
        offers = []
        for (_, item) in ordered {
            switch item.offer {
            case let .around(texts, font, color, anchor, gap, far):
                for text in texts {
                    if place(text, font, color: color, anchor: anchor, gap: gap, far: far, canvas: canvas, style: style) { break }
                }
            case let .along(text, font, color, centres, start, startGap, avoiding, fallback, fallbackGap):
                var trial = placer
                for r in avoiding { trial.block(r) }
                let size = canvas.measure(text, font)
                if let at = trial.place(size: size, centres: centres) ?? trial.place(size: size, around: start, gap: startGap) {
                    placer.block(Rect(x: at.x, y: at.y, width: size.width, height: size.height))
                    canvas.text(text, font, at: at, color: color, halo: style.halo)
                } else {
                    place(text, font, color: color, anchor: fallback, gap: fallbackGap, far: true, canvas: canvas, style: style)
                }
            case .block(let rects):
                for r in rects { placer.block(r) }
            }
        }
    }

    /// Places a label near a symbol; one pushed out by crowding gets a thin leader line back to it.
    @discardableResult
    private mutating func place(_ text: String, _ font: Font, color: Color, anchor: XY, gap: Double, far: Bool,
                                canvas: Canvas, style: MapStyle) -> Bool {
        let size = canvas.measure(text, font)
        guard let at = placer.place(size: size, around: anchor, gap: gap, far: far) else { return false }
        let r = Rect(x: at.x, y: at.y, width: size.width, height: size.height)
        let nearest = XY(min(max(anchor.x, r.minX), r.maxX), min(max(anchor.y, r.minY), r.maxY))
        if (nearest - anchor).length > gap * 1.8 {
            canvas.color(style.halo); canvas.lineWidth(2.6); canvas.move(anchor); canvas.line(nearest); canvas.stroke()
            canvas.color(color.alpha(0.8)); canvas.lineWidth(0.9); canvas.move(anchor); canvas.line(nearest); canvas.stroke()
        }
        canvas.text(text, font, at: at, color: color, halo: style.halo)
        return true
    }
}
