import Geo
import Situation

/// Strikes, shelling and casualty reports at their places (events whose kind draws as a
/// strike), labelled with the deaths reported.
struct StrikesLayer: MapLayer {
    let name = "strikes"

    func draw(_ r: MapRenderer, _ labels: inout LabelBoard) -> [LegendItem] {
        let u = r.layout.unit
        var drawn = false
        for s in r.situation.strikes {
            let xy = r.layout.px(s.point)
            guard r.layout.map.contains(xy) else { continue }
            r.canvas.draw(.strike, at: xy, style: r.style)
            labels.block(Rect(x: xy.x - 8 * u, y: xy.y - 8 * u, width: 16 * u, height: 16 * u))
            labels.offer(.around(texts: [label(s.event, at: s.place, r)], font: r.style.noteFont, color: r.style.strike,
                                 anchor: xy, gap: 10 * u, far: true), priority: LabelPriority.strike)
            drawn = true
        }
        guard drawn else { return [] }
        return [.head("Reported in the window"), .entry("Air strike or shelling, with reported deaths", .symbol(.strike))]
    }

    func label(_ e: Event, at place: Place, _ r: MapRenderer) -> String {
        let texts = r.theatre.description.texts
        let killed = e.figure(texts.killedFigures ?? ["civilians_killed", "killed", "soldiers_killed"], at: place)
        let what = e.kind == .shelling ? "shelling" : e.kind == .strike ? "strike" : "attack"
        guard let low = killed.first, let high = killed.last else { return "\(what) (\(e.date.shortDescription))" }
        return killed.count == 1 ? "\(what): \(low) killed (\(e.date.shortDescription))"
            : "\(what): \(low)–\(high) killed, reports differ (\(e.date.shortDescription))"
    }
}
