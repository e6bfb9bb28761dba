import ArgumentParser
import Foundation
import Geo
import Render
import Situation
import Synchronization

struct WebCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web",
        abstract: "An offline interactive map over a date range (Leaflet, opens from a file).",
        discussion: """
        Writes OUT/web-FROM_TO/index.html with Leaflet (from Debian's libjs-leaflet, copied beside \
        the page with its licence) and every date's layers inlined in data.js: control areas, front \
        line, posts by status, towns that changed hands, and the events of the window with popups \
        showing their sources and links. A date slider, ◀ ▶ buttons and the ← → keys move between \
        dates; #date=YYYY-MM-DD in the address opens a date. No network is needed.

        Example:
          mapgen web --from 2020-02-01 --to 2020-03-05
        """)

    @OptionGroup var range: DateRangeOptions
    var from: Day { range.from }
    var to: Day { range.to }

    @OptionGroup var windowOptions: WindowOptions

    @Option(help: ArgumentHelp("Output folder; the page goes into a folder web-FROM_TO inside it.", valueName: "dir"))
    var out: String = "Output"

    @Option(help: ArgumentHelp("Folder holding leaflet.js, leaflet.css and images/ (Debian's libjs-leaflet by default).", valueName: "dir"))
    var leaflet: String = WebMap.debianLeaflet.path

    @Option(help: ArgumentHelp("Dates computed at once (default: the number of cores).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs \(jobs): give between 1 and 64") }
    }

    func run() throws {
        let days = range.days()
        try reportingErrors {
            let dir = try prepareOutputFolder(out).appendingPathComponent("web-\(from)_\(to)", isDirectory: true)
            let leafletDir = URL(fileURLWithPath: leaflet, isDirectory: true)
            guard FileManager.default.fileExists(atPath: leafletDir.appendingPathComponent("leaflet.js").path) else {
                throw WebMap.MissingLeaflet(path: leafletDir.path)
            }
            try checkOutputs([dir.appendingPathComponent("index.html"), dir.appendingPathComponent("data.js")], option: "--out")
            // Every date's window: from the first date's window to the last date.
            let description = try dataOptions.description()
            let theatre = try Theatre.load(description, showing: DayWindow(last: to, days: to.days(since: from) + windowOptions.days(description)))
            if let first = theatre.control.firstDay, from < first {
                throw ValidationError("--from \(from): the shipped reports and control data start on \(first); choose a later --from")
            }
            theatre.warnIfAfterData(to, option: "--to")
            var timeline = ControlTimeline(theatre: theatre)
            let states = try timeline.states(for: days, jobs: jobs)
            let progress = Progress(total: days.count, what: "date")
            let layers = Mutex([WebMap.DateLayers?](repeating: nil, count: days.count))
            let window = windowOptions.days(theatre.description)
            try Parallel.forEach(count: days.count, jobs: jobs, worker: { () }) { i, _ in
                let s = try Situation(at: days[i], in: theatre, windowDays: window, control: states[i])
                let l = WebMap.DateLayers(date: days[i].description, title: "Situation as of \(days[i].longDescription)",
                                          control: try s.webControlLayer(), overlay: try s.webOverlayLayer())
                layers.withLock { $0[i] = l }
                progress.step(days[i].description)
            }
            let page = WebMap(title: "\(theatre.description.title), \(from.longDescription) – \(to.longDescription)",
                              view: try theatre.viewLonLat(), basemap: try theatre.webBasemap(),
                              dates: layers.withLock { $0 }.compactMap { $0 }, windowDays: window,
                              credits: "Made with mapgen from sourced reports; control is assessed from town-level reports and every post position is approximate. " + theatre.description.credits.joined(separator: " "),
                              sides: theatre.description.sides.compactMap { side in
                                  theatre.description.sideStyles[side.id].map { WebMap.SideKey(id: side.id, label: side.label, fill: $0.fill) }
                              })
            let files = try page.files(leaflet: leafletDir).map { (dir.appendingPathComponent($0.0), $0.1) }
            try AtomicFile.write(files)
            print("wrote \(dir.appendingPathComponent("index.html").relativeDisplay) (\(days.count) dates; open it in a browser, no network needed)")
        }
    }
}
