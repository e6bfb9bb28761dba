import Geo
import Situation

/// Towns and cities as dots, with their names. Places the window's reports talk about are
/// labelled before other towns of their size, and may be pushed out to a leader line; other
/// towns go unlabelled where there is no room.
struct TownsLayer: MapLayer {
    let name = "towns"

    func draw(_ r: MapRenderer, _ labels: inout LabelBoard) -> [LegendItem] {
        let theatre = r.theatre, style = r.style, layout = r.layout
        let keyIDs = Self.placesInTheNews(r.situation)
        // Towns of the theatre's country (and the largest cities beyond its border) are drawn.
        let towns = theatre.gazetteer.places.filter { p in
            p.country == theatre.country || p.rank >= style.cityRank ? (p.rank >= style.minTownRank || keyIDs.contains(p.id)) : false
        }
        var townPoints: [(Place, XY)] = []
        for p in towns {
            guard let m = r.scene.placeXY[p.id] else { continue }
            let xy = layout.px(m)
            guard layout.map.insetBy(2).contains(xy) else { continue }
            townPoints.append((p, xy))
        }
        for (p, xy) in townPoints {
            r.canvas.draw(p.rank >= 5 ? .city : .town(p.rank), at: xy, style: style)
            let rad = (p.rank >= 5 ? 6.0 : 3.5) * layout.unit
            labels.block(Rect(x: xy.x - rad, y: xy.y - rad, width: 2 * rad, height: 2 * rad))
        }
        for (p, xy) in townPoints {
            let key = keyIDs.contains(p.id)
            let priority = p.rank >= 5 ? "city" : key ? "place_in_the_news" : p.rank == 4 ? "town" : p.rank == 3 ? "village" : nil
            guard let priority else { continue }
            labels.offer(label(p, at: xy, important: p.rank >= 5 || key, r), priority: style.priority(priority))
        }
        let u = layout.unit
        return [.head("Base map"), .entry("City / town", LegendSample { f, c in
            f.canvas.draw(.city, at: XY(c.x - 8 * u, c.y), style: f.style); f.canvas.draw(.town(4), at: XY(c.x + 9 * u, c.y), style: f.style)
        })]
    }

    /// Places the reports of the window talk about: their labels come before other towns'.
    static func placesInTheNews(_ situation: Situation) -> Set<Int> {
        var ids = Set<Int>()
        for e in situation.reported {
            for p in e.places + [e.origin, e.destination].compactMap({ $0 }) { ids.insert(p.id) }
        }
        for ch in situation.changes { ids.insert(ch.claim.placeID) }
        return ids
    }

    /// A town's name (with its name in the theatre's second script for larger towns) and, for a
    /// town that changed hands in the window, who took it when; a crowded spot gets a shorter form.
    func label(_ p: Place, at xy: XY, important: Bool, _ r: MapRenderer) -> LabelOffer {
        let style = r.style, situation = r.situation
        let font = p.rank >= 5 ? style.cityFont : p.rank >= 4 ? style.townFont : style.villageFont
        let name = p.name + (p.rank >= 4 ? p.arabic.map { "  \($0)" } ?? "" : "")
        var variants = [name]
        if let h = situation.holders[p.id], situation.changes.contains(where: { $0.claim.placeID == p.id }) {
            let status = h.holder.contested ? h.holder.id : "taken by \(h.holder.rawValue)"
            variants = ["\(name)\n(\(status) \(h.date.shortDescription))", "\(p.name) (\(status) \(h.date.shortDescription))", p.name]
        } else if name != p.name {
            variants.append(p.name)
        }
        return .around(texts: variants, font: font, color: style.text, anchor: xy,
                       gap: (p.rank >= 5 ? 7.5 : 5.0) * r.layout.unit, far: important)
    }
}
