import Geo
import Situation

/// Nothing on the map: in the legend, if room remains, the window's other reports in brief
/// (the event kinds declared `brief: true`: talks, statements, new posts…).
struct AlsoReportedLayer: MapLayer {
    let name = "also-reported"

    func draw(_ r: MapRenderer, _ labels: inout LabelBoard) -> [LegendItem] {
        let others = r.situation.windowEvents.filter(\.kind.brief)
        return [.brief(head: "Also reported", lines: others.map { "\($0.date.shortDescription): \($0.summary)" })]
    }
}
