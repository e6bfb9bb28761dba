import Foundation
import Geo
import Situation

/// Title, legend, credits, scale bar, north arrow and locator inset.
struct Furniture {
    let style: MapStyle
    let layout: PageLayout
    let canvas: Canvas
    var u: Double { layout.unit }

    var insetRect: Rect { Rect(x: layout.map.minX + 12 * u, y: layout.map.minY + 12 * u, width: 190 * u, height: 150 * u) }
    var scaleRect: Rect { Rect(x: layout.map.minX + 12 * u, y: layout.map.maxY - 52 * u, width: 250 * u, height: 40 * u) }
    var northRect: Rect { Rect(x: layout.map.maxX - 58 * u, y: layout.map.minY + 12 * u, width: 46 * u, height: 64 * u) }

    func mapCornerRects() -> [Rect] { [insetRect, scaleRect, northRect] }

    func drawMapFurniture(_ scene: MapScene, theatre: TheatreDescription) {
        drawInset(scene, theatre: theatre)
        drawScaleBar()
        drawNorthArrow()
        canvas.color(style.frame); canvas.lineWidth(1.2); canvas.rect(layout.map); canvas.stroke()
    }

    // MARK: map corners

    func drawScaleBar() {
        let r = scaleRect
        let metresPerPx = 1 / layout.scale
        let target = 180 * u * metresPerPx / 1000
        let km = [5.0, 10, 20, 25, 50, 100].last { $0 <= target } ?? 5
        let w = km * 1000 / metresPerPx
        canvas.color(style.panel.alpha(0.85)); canvas.rect(Rect(x: r.minX, y: r.minY, width: w + 24 * u, height: r.height)); canvas.fill()
        let y = r.minY + 24 * u, x0 = r.minX + 10 * u
        for i in 0..<4 {
            let seg = Rect(x: x0 + Double(i) * w / 4, y: y, width: w / 4, height: 6 * u)
            canvas.rect(seg)
            canvas.color(i % 2 == 0 ? style.text : style.panel); canvas.fillPreserve()
            canvas.color(style.text); canvas.lineWidth(0.8); canvas.stroke()
        }
        for (t, x) in [("0", x0), ("\(Int(km / 2))", x0 + w / 2), ("\(Int(km)) km", x0 + w)] {
            let s = canvas.measure(t, style.smallFont)
            canvas.text(t, style.smallFont, at: XY(x - (t == "0" ? 0 : s.width / 2), r.minY + 6 * u), color: style.text)
        }
    }

    func drawNorthArrow() {
        let r = northRect
        let c = XY(r.center.x, r.minY + 38 * u)
        canvas.move(XY(c.x, c.y - 26 * u)); canvas.line(XY(c.x + 10 * u, c.y + 10 * u))
        canvas.line(XY(c.x, c.y + 3 * u)); canvas.line(XY(c.x - 10 * u, c.y + 10 * u)); canvas.close()
        canvas.color(style.text); canvas.fillPreserve(); canvas.color(style.panel); canvas.lineWidth(1); canvas.stroke()
        let s = canvas.measure("N", style.legendHeadFont)
        canvas.text("N", style.legendHeadFont, at: XY(c.x - s.width / 2, r.minY - 4 * u), color: style.text, halo: style.halo)
    }

    /// A locator: the theatre's country and its neighbours with the theatre's box.
    func drawInset(_ scene: MapScene, theatre: TheatreDescription) {
        let r = insetRect
        let e = theatre.inset.extent
        let lon0 = e.west, lon1 = e.east, lat0 = e.south, lat1 = e.north
        let k = cos((theatre.inset.aspectLat ?? (lat0 + lat1) / 2) * Double.pi / 180)
        let sx = r.width / ((lon1 - lon0) * k), sy = r.height / (lat1 - lat0)
        let s = min(sx, sy)
        func px(_ lon: Double, _ lat: Double) -> XY {
            XY(r.minX + (lon - lon0) * k * s, r.maxY - (lat - lat0) * s)
        }
        canvas.save()
        canvas.clip(r)
        canvas.color(style.sea); canvas.rect(r); canvas.fill()
        for (isHome, shapes) in scene.inset {
            for shape in shapes {
                guard case .polygon(let rings) = shape else { continue }
                for ring in rings { canvas.polyline(ring.map { px($0.x, $0.y) }, closed: true) }
            }
            canvas.color(isHome ? style.insetHighlight : style.foreignLand); canvas.fillPreserve()
            canvas.color(style.province); canvas.lineWidth(0.6); canvas.stroke()
        }
        let v = theatre.view
        let a = px(v.west, v.north), b = px(v.east, v.south)
        canvas.rect(Rect(minX: a.x, minY: a.y, maxX: b.x, maxY: b.y))
        canvas.color(style.insetBox); canvas.lineWidth(1.8); canvas.stroke()
        for l in theatre.inset.labels ?? [] {
            canvas.text(l.text, style.smallFont, at: px(l.lon, l.lat), color: style.mutedText)
        }
        canvas.restore()
        canvas.color(style.frame); canvas.lineWidth(1); canvas.rect(r); canvas.stroke()
    }

    // MARK: title, legend, credits

    func drawTitle(_ situation: Situation, changesSince: Day? = nil) {
        let t = layout.title
        let theatre = situation.theatre.description
        if let from = changesSince {
            canvas.text("\(theatre.title): changes \(from.longDescription) → \(situation.date.longDescription)", style.titleFont,
                        at: XY(t.minX + 18 * u, t.minY + 8 * u), color: style.text)
            let sub = from == situation.date
                ? "Both dates are the same: no changes. The map shows the state on \(situation.date)."
                : "The state on \(situation.date) faded; ground that changed hands hatched; posts, convoys and strikes reported after \(from) highlighted."
            canvas.text(sub, style.subtitleFont, at: XY(t.minX + 18 * u, t.minY + 48 * u), color: style.mutedText)
            canvas.color(style.frame); canvas.lineWidth(1)
            canvas.move(XY(t.minX, t.maxY - 0.5)); canvas.line(XY(t.maxX, t.maxY - 0.5)); canvas.stroke()
            return
        }
        canvas.text("\(theatre.title): situation as of \(situation.date.longDescription)", style.titleFont,
                    at: XY(t.minX + 18 * u, t.minY + 8 * u), color: style.text)
        let w = situation.window
        let sub = "\(theatre.texts.shows); reports of \(w.first.shortDescription)–\(w.last.longDescription) (window \(situation.windowDays) days). Nothing dated after \(situation.date) is shown."
        canvas.text(sub, style.subtitleFont, at: XY(t.minX + 18 * u, t.minY + 48 * u), color: style.mutedText)
        canvas.color(style.frame); canvas.lineWidth(1)
        canvas.move(XY(t.minX, t.maxY - 0.5)); canvas.line(XY(t.maxX, t.maxY - 0.5)); canvas.stroke()
    }

    func drawLegend(_ situation: Situation, used: MapRenderer.Used) {
        let r = layout.legend
        let theatre = situation.theatre.description
        var y = r.minY + 14 * u
        let x = r.minX + 16 * u
        let textX = x + 44 * u
        let textW = r.maxX - textX - 12 * u
        func head(_ s: String) {
            y += 6 * u
            canvas.text(s, style.legendHeadFont, at: XY(x, y), color: style.text)
            y += canvas.measure(s, style.legendHeadFont).height + 4 * u
        }
        func entry(_ s: String, draw: (XY) -> Void) {
            let h = canvas.measure(s, style.legendFont, width: textW).height
            draw(XY(x + 18 * u, y + max(h, 18 * u) / 2))
            canvas.text(s, style.legendFont, at: XY(textX, y), color: style.text, width: textW)
            y += max(h, 18 * u) + 5 * u
        }
        func swatch(_ fill: Color, _ line: Color?, hatch: Bool = false, pattern: MapStyle.Hatch? = nil) -> (XY) -> Void {
            { c in
                let box = Rect(x: c.x - 16 * u, y: c.y - 8 * u, width: 32 * u, height: 16 * u)
                canvas.color(style.homeLand); canvas.rect(box); canvas.fill()
                canvas.color(fill); canvas.rect(box); canvas.fill()
                if let pattern, pattern.angle != 45 || pattern.spacing != 7 {
                    // A side's own pattern, as on the map.
                    canvas.save(); canvas.clip(box); canvas.color(pattern.color); canvas.lineWidth(pattern.width)
                    MapRenderer.hatchLines(in: box, angle: pattern.angle,
                                           spacing: MapRenderer.hatchSpacing(angle: pattern.angle, spacing: pattern.spacing * u), canvas: canvas)
                    canvas.stroke(); canvas.restore()
                } else if hatch || pattern != nil {
                    canvas.save(); canvas.clip(box); canvas.color(line ?? fill); canvas.lineWidth(1)
                    var hx = box.minX - box.height
                    while hx < box.maxX { canvas.move(XY(hx, box.maxY)); canvas.line(XY(hx + box.height, box.minY)); hx += 5 * u }
                    canvas.stroke(); canvas.restore()
                }
                if let line { canvas.color(line); canvas.lineWidth(1); canvas.rect(box); canvas.stroke() }
            }
        }
        func lineSample(_ color: Color, _ width: Double, dash: [Double]? = nil, under: Color? = nil) -> (XY) -> Void {
            { c in
                if let under { canvas.color(under); canvas.lineWidth(width + 2.5); canvas.move(XY(c.x - 16 * u, c.y)); canvas.line(XY(c.x + 16 * u, c.y)); canvas.stroke() }
                canvas.color(color); canvas.lineWidth(width); if let dash { canvas.dash(dash) }
                canvas.move(XY(c.x - 16 * u, c.y)); canvas.line(XY(c.x + 16 * u, c.y)); canvas.stroke(); canvas.noDash()
            }
        }

        head("Control (assessed, approximate)")
        for side in situation.theatre.sides where used.sides.contains(side) {
            entry(side.label, draw: swatch(style.fill(side), style.line(side), pattern: style.sidePattern[side]))
        }
        for side in used.gains.sorted() {
            entry("Ground gained by the \(side.id) side between the dates", draw: swatch(style.panel, style.sideLine[side], hatch: true))
        }
        if used.frontLine { entry("Front line (boundary between the two areas)", draw: lineSample(style.frontLine, style.frontLineWidth, under: style.panel)) }
        for side in used.changes.sorted() {
            entry("Changed hands in the window (\(side.rawValue))", draw: { canvas.draw(.changed(side), at: $0, style: style) })
        }

        let looks = used.postLooks
        if let sites = theatre.sites {
        head(sites.legendHead)
        if looks.contains(where: { !$0.encircledReported && !$0.computedOnly }) {
            entry(sites.labelOther, draw: { canvas.draw(.post(PostLook(encircledReported: false, computedOnly: false, isNew: false)), at: $0, style: style) })
        }
        if looks.contains(where: \.encircledReported) {
            entry(sites.labelReported, draw: { canvas.draw(.post(PostLook(encircledReported: true, computedOnly: false, isNew: false)), at: $0, style: style) })
        }
        if looks.contains(where: \.computedOnly) {
            entry(sites.labelComputed, draw: { canvas.draw(.post(PostLook(encircledReported: false, computedOnly: true, isNew: false)), at: $0, style: style) })
        }
        if looks.contains(where: \.isNew) {
            entry(sites.labelNew, draw: { canvas.draw(.post(PostLook(encircledReported: false, computedOnly: false, isNew: true)), at: $0, style: style) })
        }
        }

        if used.uncertainty {
            entry("Where a post may be (round its town, a wedge for \"west of…\", a band along a road)", draw: swatch(style.uncertainty, nil))
        }
        if used.zone, let zone = theatre.sites?.zoneLabel {
            entry(zone, draw: lineSample(style.zone, style.zoneWidth, dash: style.zoneDash, under: style.panel))
        }
        if used.rings {
            entry("Requested distance ring", draw: lineSample(style.ring, 2, dash: [2, 4]))
        }

        if used.convoys || used.strikes {
            head("Reported in the window")
            if used.convoys { entry(theatre.texts.convoyLegend, draw: { canvas.draw(.convoy, at: $0, style: style) }) }
            if used.strikes { entry("Air strike or shelling, with reported deaths", draw: { canvas.draw(.strike, at: $0, style: style) }) }
        }
        if used.imported {
            entry("Event from ACLED (dashed circle: place known only to 10–25 km)",
                  draw: { MapRenderer.drawImportedSymbol(at: $0, canvas: canvas, unit: u) })
        }

        head("Base map")
        entry("City / town", draw: { c in
            canvas.draw(.city, at: XY(c.x - 8 * u, c.y), style: style); canvas.draw(.town(4), at: XY(c.x + 9 * u, c.y), style: style)
        })
        if used.highways, let hw = theatre.highways { entry(hw.legend, draw: lineSample(style.highway, style.highwayWidth, dash: style.highwayDash, under: style.panel)) }
        if used.border { entry("International border", draw: lineSample(style.border, style.borderWidth, dash: style.borderDash, under: style.panel)) }
        if used.provinces { entry(theatre.texts.provincesLegend, draw: lineSample(style.province, style.provinceWidth, dash: style.provinceDash)) }
        if used.rivers { entry("River", draw: lineSample(style.river, style.riverWidth)) }

        // What else was reported in the window, in brief, if room remains.
        let others = situation.windowEvents.filter { [.talks, .postEstablished, .postEncircled, .displacement, .statement].contains($0.kind) }
        if !others.isEmpty && y < r.maxY - 90 * u {
            head("Also reported")
            for e in others {
                let s = "\(e.date.shortDescription): \(e.summary)"
                let h = canvas.measure(s, style.smallFont, width: r.maxX - x - 12 * u).height
                if y + h > r.maxY - 8 * u { break }
                canvas.text(s, style.smallFont, at: XY(x, y), color: style.mutedText, width: r.maxX - x - 12 * u)
                y += h + 3 * u
            }
        }
        canvas.color(style.frame); canvas.lineWidth(1)
        canvas.move(XY(r.minX + 0.5, r.minY)); canvas.line(XY(r.minX + 0.5, r.maxY)); canvas.stroke()
    }

    func drawCredits(_ situation: Situation) {
        let f = layout.footer
        var byOutlet = [String: Set<String>]()
        for s in situation.windowSources { byOutlet[s.outlet, default: []].insert(s.attributedTo == s.outlet ? "" : s.attributedTo) }
        let outlets = byOutlet.keys.sorted().map { o -> String in
            let who = (byOutlet[o] ?? []).filter { !$0.isEmpty }.sorted()
            return who.isEmpty ? o : "\(o) (citing \(who.prefix(3).joined(separator: "; "))\(who.count > 3 ? "…" : ""))"
        }
        let theatre = situation.theatre.description
        let fixed = (theatre.credits + [theatre.texts.approximate, "Made with mapgen."]).joined(separator: " ")
        let w = f.width - 36 * u
        func reportsLine(_ names: [String], more: Int = 0) -> String {
            names.isEmpty ? "Reports: none in the window."
                : "Reports in the window: " + names.joined(separator: ", ") + (more > 0 ? " and \(more) more" : "") + "."
        }
        // A busy window names many outlets: when the footer would overflow, whom they cite is
        // left out first, then the last outlets are counted instead of named.
        let room = f.height - 20 * u - canvas.measure(fixed, style.smallFont, width: w).height
        var reports = reportsLine(outlets)
        if canvas.measure(reports, style.smallFont, width: w).height > room {
            var names = byOutlet.keys.sorted()
            reports = reportsLine(names)
            var dropped = 0
            while canvas.measure(reports, style.smallFont, width: w).height > room, !names.isEmpty {
                names.removeLast(); dropped += 1
                reports = reportsLine(names, more: dropped)
            }
        }
        canvas.text(reports, style.smallFont, at: XY(f.minX + 18 * u, f.minY + 8 * u), color: style.text, width: w)
        let h = canvas.measure(reports, style.smallFont, width: w).height
        canvas.text(fixed, style.smallFont, at: XY(f.minX + 18 * u, f.minY + 12 * u + h), color: style.mutedText, width: w)
        canvas.color(style.frame); canvas.lineWidth(1)
        canvas.move(XY(f.minX, f.minY + 0.5)); canvas.line(XY(f.maxX, f.minY + 0.5)); canvas.stroke()
    }
}
