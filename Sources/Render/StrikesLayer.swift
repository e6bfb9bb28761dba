import Geo
import Situation

/// Strikes, shelling and casualty reports at their places (events whose kind `draws: strike`),
/// each in its kind's symbol and colour, labelled with the deaths reported.
struct StrikesLayer: MapLayer {
    let name = "strikes"

    func draw(_ r: MapRenderer, _ labels: inout LabelBoard) -> [LegendItem] {
        let u = r.layout.unit
        var kinds = Set<EventKind>()
        for s in r.situation.strikes {
            let xy = r.layout.px(s.point)
            guard r.layout.map.contains(xy) else { continue }
            let colour = Self.colour(s.event.kind, r.style)
            r.canvas.draw(.star(colour), at: xy, style: r.style)
            labels.block(Rect(x: xy.x - 8 * u, y: xy.y - 8 * u, width: 16 * u, height: 16 * u))
            labels.offer(.around(texts: [label(s.event, at: s.place, r)], font: r.style.noteFont, color: colour,
                                 anchor: xy, gap: 10 * u, far: true), priority: r.style.priority("strike"))
            kinds.insert(s.event.kind)
        }
        guard !kinds.isEmpty else { return [] }
        // One line per legend text, in the kinds file's order (strike, shelling and casualties share one).
        var items: [LegendItem] = [.head("Reported in the window")]
        var seen = Set<String>()
        for k in r.theatre.description.eventKinds.kinds where kinds.contains(k) && seen.insert(k.legend).inserted {
            items.append(.entry(k.legend, .symbol(.star(Self.colour(k, r.style)))))
        }
        return items
    }

    /// The kind's colour (its style key), the style's strike colour if it names none.
    static func colour(_ k: EventKind, _ style: MapStyle) -> Color {
        k.colour.flatMap(style.colour(key:)) ?? style.strike
    }

    /// "shelling: 4 killed (5 Feb)", the kind's `map_label` first.
    func label(_ e: Event, at place: Place, _ r: MapRenderer) -> String {
        let texts = r.theatre.description.texts
        let killed = e.figure(texts.killedFigures ?? ["civilians_killed", "killed", "soldiers_killed"], at: place)
        let what = e.kind.mapLabel ?? e.kind.id
        guard let low = killed.first, let high = killed.last else { return "\(what) (\(e.date.shortDescription))" }
        return killed.count == 1 ? "\(what): \(low) killed (\(e.date.shortDescription))"
            : "\(what): \(low)–\(high) killed, reports differ (\(e.date.shortDescription))"
    }
}
