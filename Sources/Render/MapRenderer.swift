import Foundation
import Geo
import Situation

/// Draws a situation onto a canvas: basemap, control, posts, movements, labels and the
/// furniture (title, legend, scale bar, north arrow, locator, credits). One routine for
/// every output format.
struct MapRenderer {
    let situation: Situation
    let style: MapStyle
    let layout: PageLayout
    let canvas: Canvas
    let scene: MapScene
    /// The area and line layers, bottom first.
    var layers: [any MapLayer] = MapLayers.standard

    var theatre: Theatre { situation.theatre }

    /// What was drawn, so the legend lists exactly the symbols used.
    struct Used {
        var sides: Set<Side> = []
        var frontLine = false
        var postLooks: Set<PostLook> = []
        var convoys = false
        var strikes = false
        var changes: Set<Side> = []
        var highways = false
        var rivers = false
        var provinces = false
        var border = false
        var zone = false
        var uncertainty = false
        var rings = false
        var gains: Set<Side> = []
        var imported = false
    }

    func draw() -> Used {
        var used = Used()
        var clock = Stopwatch()
        let c = canvas
        c.color(style.panel); c.rect(Rect(x: 0, y: 0, width: layout.size.width, height: layout.size.height)); c.fill()

        c.save()
        c.clip(layout.map)
        // Beyond the land lies the sea, unless the theatre has none (then it is the map's edge).
        c.color(theatre.basemap.sea.isEmpty ? style.foreignLand : style.sea); c.rect(layout.map); c.fill()
        // The fills and lines, in the theatre's layer order (MapLayers.swift); marks and labels follow.
        for layer in layers { layer.draw(self, &used) }

        used.imported = drawImportedEvents()
        clock.lap("    basemap, control, lines")
        var labels = LabelPlacer(bounds: layout.map.insetBy(4 * layout.unit))
        // Corners hold the furniture; keep labels out of them.
        let furniture = Furniture(style: style, layout: layout, canvas: canvas)
        for r in furniture.mapCornerRects() { labels.block(r) }

        // Symbols first (they block labels), then labels by priority.
        let keyIDs = keyPlaceIDs()
        // Towns of the theatre's country (and the largest cities beyond its border) are drawn.
        let towns = theatre.gazetteer.places.filter { p in
            p.country == theatre.country || p.rank >= style.cityRank ? (p.rank >= style.minTownRank || keyIDs.contains(p.id)) : false
        }
        var townPoints: [(Place, XY)] = []
        for p in towns {
            guard let m = scene.placeXY[p.id] else { continue }
            let xy = layout.px(m)
            guard layout.map.insetBy(2).contains(xy) else { continue }
            townPoints.append((p, xy))
        }
        for (p, xy) in townPoints {
            c.draw(p.rank >= 5 ? .city : .town(p.rank), at: xy, style: style)
            let r = (p.rank >= 5 ? 6.0 : 3.5) * layout.unit
            labels.block(Rect(x: xy.x - r, y: xy.y - r, width: 2 * r, height: 2 * r))
        }
        for ch in situation.changes {
            let xy = layout.px(ch.point)
            c.draw(.changed(ch.claim.holder), at: xy, style: style)
            used.changes.insert(ch.claim.holder)
        }
        var strikePoints: [(Strike, XY)] = []
        for s in situation.strikes {
            let xy = layout.px(s.point)
            guard layout.map.contains(xy) else { continue }
            c.draw(.strike, at: xy, style: style)
            labels.block(Rect(x: xy.x - 8 * layout.unit, y: xy.y - 8 * layout.unit, width: 16 * layout.unit, height: 16 * layout.unit))
            strikePoints.append((s, xy))
            used.strikes = true
        }
        var arrowPoints: [(Movement, XY, XY, Double)] = []
        for (i, m) in situation.movements.enumerated() {
            let a = layout.px(m.from), b = layout.px(m.to)
            // Alternate the bend so arrows sharing a route stay apart.
            let bend = 0.18 * (i % 2 == 0 ? 1 : -1) * (1 + Double(i / 2) * 0.6)
            c.arrow(from: a, to: b, style: style, bend: bend)
            arrowPoints.append((m, a, b, bend))
            used.convoys = true
        }
        var postPoints: [(PostStatus, XY)] = []
        for p in situation.posts.sorted(by: { $0.post.id < $1.post.id }) {
            let xy = layout.px(p.point)
            guard layout.map.contains(xy) else { continue }
            let look = PostLook(encircledReported: p.reportedEncircled != nil,
                                computedOnly: p.computedOnlyEncircled,
                                isNew: p.isNew)
            c.draw(.post(look), at: xy, style: style)
            used.postLooks.insert(look)
            let r = style.postSize * 1.3 * layout.unit
            labels.block(Rect(x: xy.x - r, y: xy.y - r, width: 2 * r, height: 2 * r))
            postPoints.append((p, xy))
        }

        clock.lap("    symbols")
        // Arrowheads and the last stretch of each arrow stay clear of every label.
        for (_, a, b, bend) in arrowPoints {
            for s in Canvas.arrowSamples(from: a, to: b, bend: bend, count: 16).suffix(3) {
                labels.block(Rect(x: s.x - 5 * layout.unit, y: s.y - 5 * layout.unit, width: 10 * layout.unit, height: 10 * layout.unit))
            }
        }
        // Labels, most important first.
        for (p, xy) in townPoints where p.rank >= 5 { label(place: p, at: xy, important: true, into: &labels) }
        for (p, xy) in townPoints where keyIDs.contains(p.id) && p.rank < 5 { label(place: p, at: xy, important: true, into: &labels) }
        // Each arrow's label keeps off the other arrows; once placed, all arrows block later labels.
        func arrowBlocks(_ a: XY, _ b: XY, _ bend: Double) -> [Rect] {
            Canvas.arrowSamples(from: a, to: b, bend: bend, count: 16).map {
                Rect(x: $0.x - 4 * layout.unit, y: $0.y - 4 * layout.unit, width: 8 * layout.unit, height: 8 * layout.unit)
            }
        }
        for (i, (m, a, b, bend)) in arrowPoints.enumerated() {
            var trial = labels
            for (j, other) in arrowPoints.enumerated() where j != i {
                for r in arrowBlocks(other.1, other.2, other.3) { trial.block(r) }
            }
            let text = movementLabel(m.event)
            let size = c.measure(text, style.noteFont)
            let samples = Canvas.arrowSamples(from: a, to: b, bend: bend, count: 10)
            let d = b - a
            let n = XY(-d.y, d.x) * (1 / max(1, d.length))
            let off = size.height / 2 + 8 * layout.unit
            let centres = [5, 3, 7, 2, 8].flatMap { k in [samples[k] + n * off, samples[k] - n * off] }
                + [a - XY(0, off + 4 * layout.unit), a + XY(0, off + 4 * layout.unit)]
            if let at = trial.place(size: size, centres: centres) ?? trial.place(size: size, around: a, gap: 10 * layout.unit) {
                labels.block(Rect(x: at.x, y: at.y, width: size.width, height: size.height))
                c.text(text, style.noteFont, at: at, color: style.convoy, halo: style.halo)
            } else {
                placeLabel(text, style.noteFont, color: style.convoy, anchor: samples[5], gap: 14 * layout.unit, into: &labels)
            }
        }
        for (_, a, b, bend) in arrowPoints {
            for r in arrowBlocks(a, b, bend) { labels.block(r) }
        }
        for (p, xy) in postPoints {
            var text = p.post.shortName
            if p.isNew { text += " (new)" }
            if let d = p.reportedEncircled { text += "\nencircled since \(d.shortDescription)" }
            placeLabel(text, style.postFont, color: style.post, anchor: xy, gap: style.postSize * 1.4 * layout.unit, into: &labels)
        }
        for (s, xy) in strikePoints {
            placeLabel(strikeLabel(s.event, at: s.place), style.noteFont, color: style.strike, anchor: xy, gap: 10 * layout.unit, into: &labels)
        }
        for rank in [4, 3] {
            for (p, xy) in townPoints where p.rank == rank && !keyIDs.contains(p.id) {
                label(place: p, at: xy, important: false, into: &labels)
            }
        }
        clock.lap("    labels")
        c.restore()

        furniture.drawMapFurniture(scene, theatre: theatre.description)
        clock.lap("    map furniture")
        return used
    }

    /// Places a label near a symbol; one pushed out by crowding gets a thin leader line back to it.
    @discardableResult
    func placeLabel(_ text: String, _ font: Font, color: Color, anchor: XY, gap: Double, far: Bool = true,
                    into labels: inout LabelPlacer) -> Bool {
        let size = canvas.measure(text, font)
        guard let at = labels.place(size: size, around: anchor, gap: gap, far: far) else { return false }
        let r = Rect(x: at.x, y: at.y, width: size.width, height: size.height)
        let nearest = XY(min(max(anchor.x, r.minX), r.maxX), min(max(anchor.y, r.minY), r.maxY))
        if (nearest - anchor).length > gap * 1.8 {
            canvas.color(style.halo); canvas.lineWidth(2.6); canvas.move(anchor); canvas.line(nearest); canvas.stroke()
            canvas.color(color.alpha(0.8)); canvas.lineWidth(0.9); canvas.move(anchor); canvas.line(nearest); canvas.stroke()
        }
        canvas.text(text, font, at: at, color: color, halo: style.halo)
        return true
    }

    /// Places the reports of the window talk about: their labels come before other towns'.
    func keyPlaceIDs() -> Set<Int> {
        var ids = Set<Int>()
        for e in situation.reported {
            for p in e.places + [e.origin, e.destination].compactMap({ $0 }) { ids.insert(p.id) }
        }
        for ch in situation.changes { ids.insert(ch.claim.placeID) }
        return ids
    }

    func label(place p: Place, at xy: XY, important: Bool, into labels: inout LabelPlacer) {
        let font = p.rank >= 5 ? style.cityFont : p.rank >= 4 ? style.townFont : style.villageFont
        let name = p.name + (p.rank >= 4 ? p.arabic.map { "  \($0)" } ?? "" : "")
        var variants = [name]
        if let h = situation.holders[p.id], situation.changes.contains(where: { $0.claim.placeID == p.id }) {
            let status = h.holder.contested ? h.holder.id : "taken by \(h.holder.rawValue)"
            variants = ["\(name)\n(\(status) \(h.date.shortDescription))", "\(p.name) (\(status) \(h.date.shortDescription))", p.name]
        } else if name != p.name {
            variants.append(p.name)
        }
        // Only the places in the news may be pushed out to a leader line; other towns go unlabelled.
        // A crowded spot gets a shorter form of the label before none at all.
        for text in variants {
            if placeLabel(text, font, color: style.text, anchor: xy, gap: (p.rank >= 5 ? 7.5 : 5.0) * layout.unit,
                          far: important, into: &labels) { return }
        }
    }

    func movementLabel(_ e: Event) -> String {
        var parts: [String] = []
        let f = e.figures
        if let v = f["vehicles"] { parts.append("\(v) vehicles") }
        for (k, name) in [("tanks", "tanks"), ("apcs", "APCs"), ("armoured_vehicles", "armoured veh.")] {
            if let v = f[k] { parts.append("\(v) \(name)") }
        }
        let to = e.destination.map { " to \($0.name)" } ?? ""
        let head = "\(theatre.description.texts.convoy)\(to), \(e.date.shortDescription)"
        return parts.isEmpty ? head : "\(head):\n" + parts.joined(separator: ", ")
    }

    func strikeLabel(_ e: Event, at place: Place) -> String {
        let killed = e.figure(theatre.description.texts.killedFigures ?? ["civilians_killed", "killed", "soldiers_killed"], at: place)
        let what = e.kind == .shelling ? "shelling" : e.kind == .strike ? "strike" : "attack"
        guard let low = killed.first, let high = killed.last else { return "\(what) (\(e.date.shortDescription))" }
        return killed.count == 1 ? "\(what): \(low) killed (\(e.date.shortDescription))"
            : "\(what): \(low)–\(high) killed, reports differ (\(e.date.shortDescription))"
    }

    // MARK: geometry drawing

    func path(_ shapes: [Shape]) {
        for s in shapes {
            switch s {
            case .polygon(let rings):
                for r in rings { canvas.polyline(r.map(layout.px), closed: true) }
            case .line(let pts):
                canvas.polyline(pts.map(layout.px))
            case .point:
                break
            }
        }
    }

    func fill(_ g: [Shape], _ color: Color) {
        canvas.save()
        canvas.evenOddFill()
        path(g)
        canvas.color(color)
        canvas.fill()
        canvas.restore()
    }

    func stroke(_ g: [Shape], _ color: Color, width: Double, dash: [Double]? = nil) {
        path(g)
        canvas.color(color)
        canvas.lineWidth(width)
        if let dash { canvas.dash(dash) }
        canvas.stroke()
        canvas.noDash()
    }

    /// The 45° hatch of gained ground (and of a side styled so), in the side's line colour.
    func hatch(_ g: [Shape], _ color: Color) {
        hatch(g, MapStyle.Hatch(color: color.alpha(0.8), angle: 45, spacing: 7, width: 1.2))
    }

    func hatch(_ g: [Shape], _ h: MapStyle.Hatch) {
        // The lines cut to the area here, not by a clip path (which cost ~60 ms to rasterise
        // for one side: ~900 page-long lines through a clip of ~600 vertices); flat ends, so
        // that they stop at the area's edge. The PNG fills the area from a tile of the same lines.
        let rings = g.flatMap { s -> [[XY]] in
            switch s { case .polygon(let r): return r.map { $0.map(layout.px) }; case .line, .point: return [] }
        }
        guard let box = Self.bounds(rings) else { return }
        let r = layout.map
        let spacing = Self.hatchSpacing(angle: h.angle, spacing: h.spacing * layout.unit)
        var lines: [(XY, XY)] = []
        for (a, b) in Self.hatchSegments(in: r, angle: h.angle, spacing: spacing, within: box) {
            lines += Self.inside(a, b, rings: rings, width: 0, margin: 0)
        }
        let width = h.width * layout.unit
        var tile: HatchTile?
        if h.angle == 45 {
            // Lines x + y = minX − height + maxY + i·spacing (the construction in hatchSegments).
            tile = HatchTile(period: Int(spacing), rising: true, phase: r.minX - r.height + r.maxY, width: width, color: h.color)
        } else if h.angle == 135 {
            // Lines x − y = cx − cy + √2·k, k = −reach + i·spacing.
            let reach = r.width + r.height
            tile = HatchTile(period: Int((spacing * 2.0.squareRoot()).rounded()), rising: false,
                             phase: r.center.x - r.center.y - 2.0.squareRoot() * reach, width: width, color: h.color)
        }
        canvas.color(h.color)
        canvas.lineWidth(h.width)
        canvas.hatch(area: rings, lines: lines, tile: tile)
    }

    /// The spacing hatch lines are drawn at: 45° and 135° hatches repeat every whole number of
    /// pixels along the axes (≤ 0.5 px from the style's spacing there), so that a raster can
    /// fill them from a tile.
    static func hatchSpacing(angle: Double, spacing: Double) -> Double {
        switch angle {
        case 45: return max(2, spacing.rounded())
        case 135: return max(2, (spacing * 2.0.squareRoot()).rounded()) / 2.0.squareRoot()
        default: return spacing
        }
    }

    /// Parallel lines across `r` at `angle` degrees (45: rising to the right), `spacing` px apart.
    static func hatchLines(in r: Rect, angle: Double, spacing: Double, canvas: Canvas) {
        for (a, b) in hatchSegments(in: r, angle: angle, spacing: spacing) { canvas.move(a); canvas.line(b) }
    }

    /// The hatch lines as segments; with `within`, only the parts inside that box.
    static func hatchSegments(in r: Rect, angle: Double, spacing: Double, within: Rect? = nil) -> [(XY, XY)] {
        var out: [(XY, XY)] = []
        func add(_ a: XY, _ b: XY) {
            if let box = within {
                if let part = segment(a, b, clippedTo: box) { out.append(part) }
            } else {
                out.append((a, b))
            }
        }
        if angle == 45 {
            // The original construction, kept so that 45° hatches fall where they always did.
            var x = r.minX - r.height
            while x < r.maxX {
                add(XY(x, r.maxY), XY(x + r.height, r.minY))
                x += spacing
            }
            return out
        }
        let a = angle * Double.pi / 180
        let d = XY(cos(a), -sin(a)), n = XY(sin(a), cos(a))
        let c = r.center
        let reach = (r.width + r.height)
        var k = -reach
        while k <= reach {
            let o = c + n * k
            add(o - d * reach, o + d * reach)
            k += max(spacing, 0.5)
        }
        return out
    }

    /// The stretches of segment a–b that a stroke `width` px wide draws inside the rings
    /// (even–odd, as the areas are filled): where its centre line or either edge is inside, each
    /// stretch lengthened by `margin` px at both ends and merged where they then overlap.
    static func inside(_ a: XY, _ b: XY, rings: [[XY]], width: Double, margin: Double) -> [(XY, XY)] {
        let d = b - a
        let len = (d.x * d.x + d.y * d.y).squareRoot()
        guard len > 0 else { return [] }
        let u = d * (1 / len), n = XY(-u.y, u.x)
        let m = margin / len
        var spans: [(Double, Double)] = []
        for offset in width > 0 ? [0, width / 2, -width / 2] : [0] {
            let o = a + n * offset
            // Where this line crosses the rings' edges, as a parameter along a–b.
            var ts: [Double] = []
            for ring in rings where ring.count > 1 {
                var p = ring[ring.count - 1]
                for q in ring {
                    let sp = u.x * (p.y - o.y) - u.y * (p.x - o.x), sq = u.x * (q.y - o.y) - u.y * (q.x - o.x)
                    if (sp > 0) != (sq > 0) {
                        let x = p + (q - p) * (sp / (sp - sq))
                        ts.append(((x.x - o.x) * u.x + (x.y - o.y) * u.y) / len)
                    }
                    p = q
                }
            }
            ts.sort()
            var i = 0
            while i + 1 < ts.count {
                let lo = max(0, ts[i] - m), hi = min(1, ts[i + 1] + m)
                if lo < hi { spans.append((lo, hi)) }
                i += 2
            }
        }
        spans.sort { $0.0 < $1.0 }
        var merged: [(Double, Double)] = []
        for s in spans {
            if let last = merged.last, s.0 <= last.1 { merged[merged.count - 1].1 = max(last.1, s.1) } else { merged.append(s) }
        }
        return merged.map { (a + d * $0.0, a + d * $0.1) }
    }

    /// The part of segment a–b inside `box` (Liang–Barsky), nil when none.
    static func segment(_ a: XY, _ b: XY, clippedTo box: Rect) -> (XY, XY)? {
        let d = b - a
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-d.x, a.x - box.minX), (d.x, box.maxX - a.x), (-d.y, a.y - box.minY), (d.y, box.maxY - a.y)] {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let t = q / p
                if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 > t1 { return nil }
            }
        }
        return (a + d * t0, a + d * t1)
    }

    /// The box round some point lists, nil when they hold none.
    static func bounds(_ lists: [[XY]]) -> Rect? {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for pts in lists {
            for p in pts { minX = min(minX, p.x); minY = min(minY, p.y); maxX = max(maxX, p.x); maxY = max(maxY, p.y) }
        }
        return minX <= maxX ? Rect(minX: minX, minY: minY, maxX: maxX, maxY: maxY) : nil
    }
}
