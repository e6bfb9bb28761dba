import Geo
import Situation

/// Reported movements with both ends known (events whose kind `draws: movement`): curved
/// arrows in their kind's colour, labelled along their length with what moved and its size.
struct MovementsLayer: MapLayer {
    let name = "movements"

    func draw(_ r: MapRenderer, _ labels: inout LabelBoard) -> [LegendItem] {
        let c = r.canvas, style = r.style, u = r.layout.unit
        var arrows: [(Movement, XY, XY, Double)] = []
        for (i, m) in r.situation.movements.enumerated() {
            let a = r.layout.px(m.from), b = r.layout.px(m.to)
            // Alternate the bend so arrows sharing a route stay apart.
            let bend = 0.18 * (i % 2 == 0 ? 1 : -1) * (1 + Double(i / 2) * 0.6)
            c.arrow(from: a, to: b, style: style, bend: bend, color: Self.colour(m.event.kind, style))
            arrows.append((m, a, b, bend))
        }
        // Arrowheads and the last stretch of each arrow stay clear of every label.
        for (_, a, b, bend) in arrows {
            for s in Canvas.arrowSamples(from: a, to: b, bend: bend, count: 16).suffix(3) {
                labels.block(Rect(x: s.x - 5 * u, y: s.y - 5 * u, width: 10 * u, height: 10 * u))
            }
        }
        // Each arrow's label keeps off the other arrows; once placed, all arrows block later labels.
        func arrowBlocks(_ a: XY, _ b: XY, _ bend: Double) -> [Rect] {
            Canvas.arrowSamples(from: a, to: b, bend: bend, count: 16).map {
                Rect(x: $0.x - 4 * u, y: $0.y - 4 * u, width: 8 * u, height: 8 * u)
            }
        }
        for (i, (m, a, b, bend)) in arrows.enumerated() {
            let others = arrows.enumerated().filter { $0.offset != i }.flatMap { arrowBlocks($0.element.1, $0.element.2, $0.element.3) }
            let text = label(m.event, r)
            let size = c.measure(text, style.noteFont)
            let samples = Canvas.arrowSamples(from: a, to: b, bend: bend, count: 10)
            let d = b - a
            let n = XY(-d.y, d.x) * (1 / max(1, d.length))
            let off = size.height / 2 + 8 * u
            let centres = [5, 3, 7, 2, 8].flatMap { k in [samples[k] + n * off, samples[k] - n * off] }
                + [a - XY(0, off + 4 * u), a + XY(0, off + 4 * u)]
            labels.offer(.along(text: text, font: style.noteFont, color: Self.colour(m.event.kind, style), centres: centres, start: a, startGap: 10 * u,
                                avoiding: others, fallback: samples[5], fallbackGap: 14 * u), priority: style.priority("movement"))
        }
        labels.offer(.block(arrows.flatMap { arrowBlocks($0.1, $0.2, $0.3) }), priority: style.priority("movement"))
        guard !arrows.isEmpty else { return [] }
        // One line per legend text (the theatre's convoy_legend, else the kind's), in the kinds file's order.
        let drawn = Set(arrows.map(\.0.event.kind))
        var items: [LegendItem] = [.head("Reported in the window")]
        var seen = Set<String>()
        for k in r.theatre.description.eventKinds.kinds where drawn.contains(k) {
            let text = r.theatre.description.texts.convoyLegend ?? k.legend
            if seen.insert(text).inserted { items.append(.entry(text, .symbol(.arrow(Self.colour(k, style))))) }
        }
        return items
    }

    /// The kind's colour (its style key), the style's convoy colour if it names none.
    static func colour(_ k: EventKind, _ style: MapStyle) -> Color {
        k.colour.flatMap(style.colour(key:)) ?? style.convoy
    }

    /// "Convoy to X, 8 Feb: 150 vehicles, 20 tanks".
    func label(_ e: Event, _ r: MapRenderer) -> String {
        var parts: [String] = []
        let f = e.figures
        if let v = f["vehicles"] { parts.append("\(v) vehicles") }
        for (k, name) in [("tanks", "tanks"), ("apcs", "APCs"), ("armoured_vehicles", "armoured veh.")] {
            if let v = f[k] { parts.append("\(v) \(name)") }
        }
        let to = e.destination.map { " to \($0.name)" } ?? ""
        let head = "\(r.theatre.description.texts.convoy)\(to), \(e.date.shortDescription)"
        return parts.isEmpty ? head : "\(head):\n" + parts.joined(separator: ", ")
    }
}
