import Geo
import Situation

/// Towns that changed hands within the window: a dashed ring in the new holder's line colour.
/// (Their labels say who took them: `TownsLayer`.)
struct ControlChangesLayer: MapLayer {
    let name = "changes"

    func draw(_ r: MapRenderer, _ labels: inout LabelBoard) -> [LegendItem] {
        var holders = Set<Side>()
        for ch in r.situation.changes {
            r.canvas.draw(.changed(ch.claim.holder), at: r.layout.px(ch.point), style: r.style)
            holders.insert(ch.claim.holder)
        }
        return holders.sorted().map { side in .entry("Changed hands in the window (\(side.rawValue))", .symbol(.changed(side))) }
    }
}
