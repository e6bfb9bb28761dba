import Foundation
import Geo
import Yams

/// What a theatre holds from `Reports/`: every event and control claim, or only the slice of them
/// a map of one window shows (the claims that decide its holders plus everything dated in it).
struct TheatreReports {
    var events: [Event]
    var control: ControlLog
    var controlRows: Int
    var areaRows: Int
    /// The last day any event or claim is dated, over the whole history (a slice keeps it too).
    var lastDay: Day?
}

/// Where the reports come from: the text files (the edited, reviewed source of truth), or the
/// SQLite store compiled from them (`<data>/.mapgen-cache/reports.sqlite`), which answers "claims as
/// of D" and "events in the window" (those of `events.yaml` and of an ACLED import, `acled.tsv`)
/// without reading the whole history. The store is keyed by a
/// hash of the source files: an edit rebuilds it; a missing, stale or corrupt store is rebuilt;
/// a data folder that cannot be written falls back to parsing, silently.
enum ReportSource {
    static let storePath = ".mapgen-cache/reports.sqlite"

    static func load(root: URL, gazetteer: Gazetteer, projection: MapProjection, sides: [Side], country: String,
                     kinds: EventKinds, showing window: DayWindow?) throws -> TheatreReports {
        let repDir = root.appendingPathComponent("Reports")
        guard let window, ProcessInfo.processInfo.environment["MAPGEN_NO_STORE"] == nil else {
            return try parse(repDir, gazetteer: gazetteer, projection: projection, sides: sides, country: country, kinds: kinds).reports
        }
        var clock = Stopwatch()
        let store = root.appendingPathComponent(storePath)
        let key = ReportStore.fingerprint(sourceFiles(root))
        clock.lap("  store key")
        let eventsFile = repDir.appendingPathComponent("events.yaml").relativeDisplay
        let importedFile = repDir.appendingPathComponent(ImportedEventTable.fileName).relativeDisplay
        do {
            if let slice = try ReportStore.read(store, key: key, window: window, gazetteer: gazetteer, kinds: kinds, sides: sides,
                                                 eventsFile: eventsFile, importedFile: importedFile) {
                clock.lap("  store query")
                return slice
            }
        } catch {
            clock.lap("  store unreadable, rebuilding: \(error)")
        }
        let (reports, eventNodes, importedRows) = try parse(repDir, gazetteer: gazetteer, projection: projection, sides: sides,
                                                            country: country, kinds: kinds)
        clock.lap("  parse reports")
        do {
            try ReportStore.write(reports, eventNodes: eventNodes, importedRows: importedRows, key: key, to: store)
            clock.lap("  store build")
        } catch {
            // A read-only data folder, a full disk: the map is still made, from the text.
            clock.lap("  store not written: \(error)")
        }
        return reports
    }

    /// The files the store is compiled from: the reports and the gazetteer tables they resolve against.
    static func sourceFiles(_ root: URL) -> [URL] {
        let rep = root.appendingPathComponent("Reports"), gaz = root.appendingPathComponent("Gazetteer")
        let tables = ((try? FileManager.default.contentsOfDirectory(atPath: gaz.path)) ?? [])
            .filter { $0.hasSuffix(".tsv") }.sorted().map { gaz.appendingPathComponent($0) }
        // theatre.yaml sets the projection, the sides and the country that area claims expand to.
        return [root.appendingPathComponent("theatre.yaml")]
            + ["events.yaml", "control.tsv", "areas.tsv", ImportedEventTable.fileName].map { rep.appendingPathComponent($0) } + tables
    }

    /// Every event and claim, parsed from the text files.
    static func parse(_ repDir: URL, gazetteer: Gazetteer, projection: MapProjection, sides: [Side],
                      country: String, kinds: EventKinds) throws -> (reports: TheatreReports, eventNodes: [(event: Event, node: Node)],
                                                                     importedRows: [ReportStore.ImportedRow]) {
        var clock = Stopwatch()
        func text(_ name: String) throws -> (String, String) {
            let url = repDir.appendingPathComponent(name)
            return (try readText(url), url.relativeDisplay)
        }
        let (eventsText, eventsFile) = try text("events.yaml")
        let items = try EventFile.parseItems(eventsText, file: eventsFile, gazetteer: gazetteer, kinds: kinds)
        var events = items.map(\.event)
        // Events imported from ACLED (`mapgen import acled`), when there are any.
        let importedURL = repDir.appendingPathComponent(ImportedEventTable.fileName)
        var importedRows: [ReportStore.ImportedRow] = []
        if FileManager.default.fileExists(atPath: importedURL.path) {
            let importedText = try readText(importedURL)
            let imported = try ImportedEventTable.parse(importedText, file: importedURL.relativeDisplay, kinds: kinds)
            events = (events + imported).sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            // The rows as the store keeps them: the parsed events give their line and date.
            let rows = Dictionary(tsvRows(importedText).map { ($0.line, $0.fields) }, uniquingKeysWith: { a, _ in a })
            importedRows = imported.map { e in
                ReportStore.ImportedRow(date: e.date.ordinal, line: e.line, text: (rows[e.line] ?? []).joined(separator: "\t"))
            }
        }
        clock.lap("  events")
        let (controlText, controlFile) = try text("control.tsv")
        var control = try ControlLog.parse(controlText, file: controlFile, gazetteer: gazetteer, sides: sides)
        let controlRows = control.claims.count
        clock.lap("  control")
        let areasURL = repDir.appendingPathComponent("areas.tsv")
        var areaRows = 0
        if FileManager.default.fileExists(atPath: areasURL.path) {
            let areas = try ControlLog.parseAreas(readText(areasURL), file: areasURL.relativeDisplay,
                                                  gazetteer: gazetteer, projection: projection, sides: sides, country: country)
            control = ControlLog(claims: control.claims + areas.claims)
            areaRows = areas.rows
        }
        clock.lap("  areas")
        let lastDay = (events.map(\.date) + control.claims.map(\.date)).max()
        return (TheatreReports(events: events, control: control, controlRows: controlRows, areaRows: areaRows,
                               lastDay: lastDay), items, importedRows)
    }
}
