import Geo
import Situation

/// Nothing on the map: in the legend, if room remains, the window's other reports in brief
/// (talks, statements, new posts… : the event kinds that are not drawn as marks).
struct AlsoReportedLayer: MapLayer {
    let name = "also-reported"

    func draw(_ r: MapRenderer, _ labels: inout LabelBoard) -> [LegendItem] {
        let others = r.situation.windowEvents.filter { [.talks, .postEstablished, .postEncircled, .displacement, .statement].contains($0.kind) }
        return [.brief(head: "Also reported", lines: others.map { "\($0.date.shortDescription): \($0.summary)" })]
    }
}
