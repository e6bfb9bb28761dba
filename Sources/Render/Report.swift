import Foundation
import Geo
import Situation

/// A self-contained report over a date range: maps, the events of each day with their outlets and
/// attributed sources, the posts' proximity table, and the claims that conflict.
public struct Report {
    public enum Format: String, CaseIterable, Sendable { case html, md }

    public let theatre: Theatre
    public let from: Day
    public let to: Day
    /// Ranges longer than this get the change map only, not a map per day.
    public static let mapsPerDayLimit = 7

    public init(theatre: Theatre, from: Day, to: Day) {
        self.theatre = theatre; self.from = from; self.to = to
    }

    var days: [Day] { (0...to.days(since: from)).map { from.adding(days: $0) } }

    /// A map of the report: its caption, file name and PNG bytes.
    struct MapFile {
        let title: String
        let name: String
        let png: Data
    }

    /// The report's own name, which its map files share so they never replace `map`'s files.
    var baseName: String { "report-\(from)_\(to)" }

    /// The files a report writes: the report, and for Markdown its maps.
    public func fileNames(_ format: Format) -> [String] {
        var names = ["\(baseName).\(format.rawValue)"]
        if format == .md {
            if days.count <= Self.mapsPerDayLimit { names += days.map { "\(baseName)-\($0).png" } }
            if from < to { names.append("\(baseName)-changes.png") }
        }
        return names
    }

    /// Writes the report (and, for Markdown, its maps beside it) into `dir`: every file is made
    /// first, then all are renamed into place together. `progress` hears about each map.
    public func write(_ format: Format, into dir: URL, progress: (String) -> Void = { _ in }) throws -> URL {
        let diff = try SituationDiff(from: from, to: to, in: theatre)
        var maps: [MapFile] = []
        let perDay = days.count <= Self.mapsPerDayLimit ? days : []
        let total = perDay.count + (from < to ? 1 : 0)
        for (i, d) in perDay.enumerated() {
            progress("map \(i + 1)/\(total): \(d)")
            let png = try MapDocument(situation: try Situation(at: d, in: theatre, windowDays: 1)).render([.png])[.png] ?? Data()
            maps.append(MapFile(title: "Situation as of \(d.longDescription) (reports of that day)", name: "\(baseName)-\(d).png", png: png))
        }
        if from < to {
            progress("map \(total)/\(total): changes \(from) → \(to)")
            let png = try MapDocument(diff: diff).render([.png])[.png] ?? Data()
            maps.append(MapFile(title: "Changes \(from.longDescription) → \(to.longDescription)", name: "\(baseName)-changes.png", png: png))
        }
        let text = format == .html ? html(diff: diff, maps: maps) : markdown(diff: diff, maps: maps)
        let url = dir.appendingPathComponent("\(baseName).\(format.rawValue)")
        var files = [(url, Data(text.utf8))]
        if format == .md { files += maps.map { (dir.appendingPathComponent($0.name), $0.png) } }
        try AtomicFile.write(files)
        return url
    }

    func eventsByDay() -> [(Day, [Event])] {
        days.map { d in (d, theatre.events.filter { $0.date == d }) }
    }

    /// The places an event names, each once, in order.
    func placeNames(_ e: Event) -> [String] {
        var names: [String] = []
        for p in e.places + [e.origin, e.destination].compactMap({ $0 }) where !names.contains(p.name) { names.append(p.name) }
        return names
    }

    /// Events whose sources disagree, and control claims kept but not applied, within the range.
    func conflicts() -> (events: [Event], control: [ControlClaim]) {
        (theatre.events.filter { $0.date >= from && $0.date <= to && !$0.claims.isEmpty },
         theatre.control.claims.filter { $0.role == .claim && $0.date >= from && $0.date <= to })
    }

    func sourceText(_ s: Source) -> String {
        s.attributedTo.isEmpty || s.attributedTo == s.outlet ? "\(s.outlet) (\(s.published.prefix(10)))"
            : "\(s.outlet) (\(s.published.prefix(10))), citing \(s.attributedTo)"
    }

    func claimText(_ c: Event.Claim) -> String {
        c.figures.sorted { $0.key < $1.key }.map { "\($0.key.replacingOccurrences(of: "_", with: " ")) \($0.value)" }.joined(separator: ", ")
            + " — " + c.sources.map(sourceText).joined(separator: "; ")
    }

    // MARK: Markdown

    func markdown(diff: SituationDiff, maps: [MapFile]) -> String {
        func esc(_ s: String) -> String { s.markdownEscaped }
        var md = "# \(theatre.description.title), \(from.longDescription) – \(to.longDescription)\n\n"
        md += "Made with mapgen from the encoded reports. Control is assessed from town-level reports\(theatre.description.sites == nil ? "" : "; every observation-post position is approximate").\n\n"
        md += "## Maps\n\n"
        for m in maps { md += "### \(esc(m.title))\n\n![\(esc(m.title))](\(m.name))\n\n" }
        md += "## Events by day\n\n"
        for (d, events) in eventsByDay() {
            md += "### \(d.longDescription)\n\n"
            if events.isEmpty { md += "No events encoded for this day.\n\n"; continue }
            md += "| type | what | places | sources |\n|---|---|---|---|\n"
            for e in events {
                md += "| \(e.kind.rawValue) | \(esc(e.summary)) | \(esc(placeNames(e).joined(separator: ", "))) | \(esc(e.sources.map(sourceText).joined(separator: "; "))) |\n"
            }
            md += "\n"
        }
        md += "## Observation posts on \(to)\n\n| post | \(diff.to.threatSide?.id ?? "threat") area km | front line km | computed | reported encircled | agree |\n|---|---:|---:|---|---|---|\n"
        for p in diff.to.posts {
            let x = p.proximity
            md += "| \(esc(p.post.id)) \(esc(p.post.shortName)) | \(x.threatAreaKm.map { String(format: "%.1f", $0) } ?? "–") | \(x.frontLineKm.map { String(format: "%.1f", $0) } ?? "–") | \(x.computed.code(threat: diff.to.threatSide)) | \(p.reportedEncircled.map { "since \($0)" } ?? "no") | \(x.agrees(withReported: p.reportedEncircled != nil) ? "yes" : "**no**") |\n"
        }
        md += "\n## Conflicting claims\n\n"
        let (disputed, control) = conflicts()
        if disputed.isEmpty && control.isEmpty { md += "None in the range.\n" }
        for e in disputed {
            md += "- **\(esc(e.summary))** (\(e.date))\n"
            for c in e.claims { md += "  - \(esc(claimText(c)))\n" }
        }
        for c in control { md += "- \(esc(c.placeName)): \(c.holder.rawValue) on \(c.date) per \(esc(sourceText(c.source))) — kept, not applied\n" }
        return md
    }

    // MARK: HTML

    func html(diff: SituationDiff, maps: [MapFile]) -> String {
        func esc(_ s: String) -> String { s.xmlEscaped }
        var h = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>\(esc(theatre.description.title)), \(from) – \(to)</title>
        <style>
        body { font-family: "Noto Sans", sans-serif; margin: 2em auto; max-width: 1100px; color: #1a1a1a; line-height: 1.4; }
        h1 { font-size: 1.7em; margin-bottom: .2em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #ccc; }
        figure { margin: 1em 0; } figure img { width: 100%; border: 1px solid #999; } figcaption { color: #555; font-size: .9em; }
        table { border-collapse: collapse; width: 100%; font-size: .88em; margin: .5em 0 1em; }
        th, td { border: 1px solid #ccc; padding: .3em .5em; vertical-align: top; text-align: left; }
        th { background: #f0ede6; } td.n { text-align: right; } .no { color: #b8322b; font-weight: bold; }
        .note { color: #555; font-size: .9em; }
        </style></head><body>
        <h1>\(esc(theatre.description.title)), \(esc(from.longDescription)) – \(esc(to.longDescription))</h1>
        <p class="note">Made with mapgen from the encoded reports. Control is assessed from town-level reports (Voronoi cells); every observation-post position is approximate.</p>
        <h2>Maps</h2>

        """
        for m in maps {
            h += "<figure><img alt=\"\(esc(m.title))\" src=\"data:image/png;base64,\(m.png.base64EncodedString())\"><figcaption>\(esc(m.title))</figcaption></figure>\n"
        }
        h += "<h2>Events by day</h2>\n"
        for (d, events) in eventsByDay() {
            h += "<h3>\(esc(d.longDescription))</h3>\n"
            if events.isEmpty { h += "<p class=\"note\">No events encoded for this day.</p>\n"; continue }
            h += "<table><tr><th>type</th><th>what</th><th>places</th><th>outlet, date, attributed to</th></tr>\n"
            for e in events {
                h += "<tr><td>\(esc(e.kind.rawValue))</td><td>\(esc(e.summary))</td><td>\(esc(placeNames(e).joined(separator: ", ")))</td><td>\(e.sources.map { esc(sourceText($0)) }.joined(separator: "<br>"))</td></tr>\n"
            }
            h += "</table>\n"
        }
        h += "<h2>Observation posts on \(esc(to.longDescription))</h2>\n<table><tr><th>post</th><th>to \(esc(diff.to.threatSide?.id ?? "threat")) area, km</th><th>to front line, km</th><th>computed</th><th>reported encircled</th><th>agree</th><th>towns within 5 km</th></tr>\n"
        for p in diff.to.posts {
            let x = p.proximity
            let agree = x.agrees(withReported: p.reportedEncircled != nil)
            h += "<tr><td>\(esc(p.post.id)) \(esc(p.post.shortName))</td><td class=\"n\">\(x.threatAreaKm.map { String(format: "%.1f", $0) } ?? "–")</td><td class=\"n\">\(x.frontLineKm.map { String(format: "%.1f", $0) } ?? "–")</td><td>\(esc(x.computed.code(threat: diff.to.threatSide)))</td><td>\(p.reportedEncircled.map { "since \($0)" } ?? "no")</td><td\(agree ? "" : " class=\"no\"")>\(agree ? "yes" : "no")</td><td>\(esc(x.nearby.prefix(6).map { "\($0.place.name) (\($0.holder?.rawValue ?? "?"))" }.joined(separator: ", ")))</td></tr>\n"
        }
        h += "</table>\n<h2>Conflicting claims</h2>\n"
        let (disputed, control) = conflicts()
        if disputed.isEmpty && control.isEmpty { h += "<p class=\"note\">None in the range.</p>\n" }
        h += "<ul>\n"
        for e in disputed {
            h += "<li><b>\(esc(e.summary))</b> (\(e.date))<ul>" + e.claims.map { "<li>\(esc(claimText($0)))</li>" }.joined() + "</ul></li>\n"
        }
        for c in control { h += "<li>\(esc(c.placeName)): \(c.holder.rawValue) on \(c.date) per \(esc(sourceText(c.source))) — kept, not applied</li>\n" }
        h += "</ul>\n<p class=\"note\">\(esc(theatre.description.credits.joined(separator: " ")))</p>\n</body></html>\n"
        return h
    }
}

extension String {
    /// Safe as Markdown text, table cells included: no raw HTML, no emphasis, links or cell
    /// breaks from the data, and everything on one line.
    var markdownEscaped: String {
        var out = ""
        for ch in self {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "#": out += "\\\(ch)"
            case "\n", "\r", "\r\n", "\u{2028}", "\u{2029}": out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}
