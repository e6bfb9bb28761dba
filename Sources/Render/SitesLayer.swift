import Geo
import Situation

/// The theatre's sites (e.g. observation posts) by status on the date: reported encircled,
/// computed encircled with no report yet, new within the window; labelled with their short names.
struct SitesLayer: MapLayer {
    let name = "sites"

    func draw(_ r: MapRenderer, _ labels: inout LabelBoard) -> [LegendItem] {
        let style = r.style, u = r.layout.unit
        var looks = Set<PostLook>()
        for p in r.situation.posts.sorted(by: { $0.post.id < $1.post.id }) {
            let xy = r.layout.px(p.point)
            guard r.layout.map.contains(xy) else { continue }
            let look = PostLook(encircledReported: p.reportedEncircled != nil, computedOnly: p.computedOnlyEncircled, isNew: p.isNew)
            r.canvas.draw(.post(look), at: xy, style: style)
            looks.insert(look)
            let rad = style.postSize * 1.3 * u
            labels.block(Rect(x: xy.x - rad, y: xy.y - rad, width: 2 * rad, height: 2 * rad))
            var text = p.post.shortName
            if p.isNew { text += " (new)" }
            if let d = p.reportedEncircled { text += "\nencircled since \(d.shortDescription)" }
            labels.offer(.around(texts: [text], font: style.postFont, color: style.post, anchor: xy, gap: style.postSize * 1.4 * u, far: true),
                         priority: style.priority("site"))
        }
        guard let sites = r.theatre.description.sites else { return [] }
        func sample(reported: Bool = false, computed: Bool = false, new: Bool = false) -> LegendSample {
            .symbol(.post(PostLook(encircledReported: reported, computedOnly: computed, isNew: new)))
        }
        var items: [LegendItem] = [.head(sites.legendHead)]
        if looks.contains(where: { !$0.encircledReported && !$0.computedOnly }) { items.append(.entry(sites.labelOther, sample())) }
        if looks.contains(where: \.encircledReported) { items.append(.entry(sites.labelReported, sample(reported: true))) }
        if looks.contains(where: \.computedOnly) { items.append(.entry(sites.labelComputed, sample(computed: true))) }
        if looks.contains(where: \.isNew) { items.append(.entry(sites.labelNew, sample(new: true))) }
        return items
    }
}
