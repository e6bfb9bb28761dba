import Foundation
import Geo
import Yams

/// The reports compiled into one SQLite file, indexed by date, so that a map reads only what its
/// date shows: per place the last `state` claim before the window, every claim in the window, and
/// the window's events (each kept as its own YAML text and parsed again by the same parser, so a
/// map from the store is the map from the text).
enum ReportStore {
    /// Bump when the schema or what is stored changes: old stores are then rebuilt.
    static let format = "mapgen-reports-2"

    /// A 64-bit FNV-1a hash over the files' names, sizes and bytes, read in 1 MB chunks (a
    /// 100 MB history never sits in memory). Change detection, not security.
    static func fingerprint(_ files: [URL]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ v: UInt64) { h = (h ^ v) &* 0x0000_0100_0000_01b3 }
        func mix(_ s: String) { for b in s.utf8 { mix(UInt64(b)) } }
        mix(format)
        for url in files {
            mix(url.lastPathComponent)
            guard let handle = try? FileHandle(forReadingFrom: url) else { mix("absent"); continue }
            defer { try? handle.close() }
            var size: UInt64 = 0
            while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                size += UInt64(chunk.count)
                chunk.withUnsafeBytes { raw in
                    // Eight bytes at a time: the same change detection at a fraction of the cost.
                    var i = 0
                    while i + 8 <= raw.count {
                        mix(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                        i += 8
                    }
                    while i < raw.count { mix(UInt64(raw[i])); i += 1 }
                }
            }
            mix(size)
        }
        return String(h, radix: 16)
    }

    private static let claimColumns =
        "date, place_id, place_name, holder, role, confidence, outlet, published, attributed_to, url, note, line"

    /// The slice of the reports a window shows, or nil when there is no store or it was built
    /// from other files. Throws when the file is not a sound store (the caller rebuilds it).
    static func read(_ url: URL, key: String, window: DayWindow, gazetteer: Gazetteer, kinds: EventKinds, sides: [Side],
                     eventsFile: String, importedFile: String) throws -> TheatreReports? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let db = try SQLiteDatabase(path: url.path, readOnly: true)
        var meta = [String: String]()
        let m = try db.prepare("SELECT key, value FROM meta")
        while try m.step() { meta[m.text(0)] = m.text(1) }
        guard meta["key"] == key else { return nil }
        guard let controlRows = meta["control_rows"].flatMap({ Int($0) }),
              let areaRows = meta["area_rows"].flatMap({ Int($0) }) else {
            throw SQLiteDatabase.Failure(description: "store has no row counts")
        }
        let first = window.first.ordinal, last = window.last.ordinal
        var claims: [ControlClaim] = []
        // Each place's last state claim before the window: one index probe per place.
        let before = try db.prepare("""
            SELECT \(claimColumns.split(separator: ",").map { "c." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", "))
              FROM places p JOIN claims c ON c.ord = (SELECT ord FROM claims
              WHERE role = 'state' AND place_id = p.place_id AND date < ?1 ORDER BY ord DESC LIMIT 1)
            """)
        try before.bind([.int(first)])
        while try before.step() { claims.append(try claim(before, sides)) }
        let inWindow = try db.prepare("SELECT \(claimColumns) FROM claims WHERE date >= ?1 AND date <= ?2")
        try inWindow.bind([.int(first), .int(last)])
        while try inWindow.step() { claims.append(try claim(inWindow, sides)) }

        var events: [Event] = []
        let ev = try db.prepare("SELECT line, text FROM events WHERE date >= ?1 AND date <= ?2")
        try ev.bind([.int(first), .int(last)])
        while try ev.step() {
            events += try EventFile.parse(ev.text(1), file: eventsFile, gazetteer: gazetteer, kinds: kinds, lineOffset: ev.int(0) - 1)
        }
        let imported = try db.prepare("SELECT line, text FROM imported WHERE date >= ?1 AND date <= ?2")
        try imported.bind([.int(first), .int(last)])
        while try imported.step() {
            let fields = imported.text(1).split(separator: "\t", omittingEmptySubsequences: false)
            events.append(try ImportedEventTable.event(fields, line: imported.int(0), file: importedFile, kinds: kinds))
        }
        events.sort { ($0.date, $0.id) < ($1.date, $1.id) }
        return TheatreReports(events: events,
                              control: ControlLog(claims: claims, firstDay: meta["first_day"].flatMap { Day($0) }),
                              controlRows: controlRows, areaRows: areaRows, lastDay: meta["last_day"].flatMap { Day($0) })
    }

    private static func claim(_ s: SQLiteDatabase.Statement, _ sides: [Side]) throws -> ControlClaim {
        let holderID = s.text(3)
        guard let holder = sides.first(where: { $0.id == holderID }), let role = ControlClaim.Role(rawValue: s.text(4)),
              let confidence = ControlClaim.Confidence(rawValue: s.text(5)) else {
            throw SQLiteDatabase.Failure(description: "store has a claim with an unknown holder, role or confidence")
        }
        return ControlClaim(date: Day(ordinal: s.int(0)), placeID: s.int(1), placeName: s.text(2), holder: holder,
                            role: role, confidence: confidence,
                            source: Source(outlet: s.text(6), published: s.text(7), attributedTo: s.text(8),
                                           url: s.isNull(9) ? nil : s.text(9)),
                            note: s.text(10), line: s.int(11))
    }

    /// Compiles the reports into a new store beside `url` and renames it into place: a reader
    /// sees the old store or the new one, never half of one.
    /// A row of `acled.tsv`: its fields joined by tabs, its line and its date's ordinal.
    struct ImportedRow {
        let date: Int
        let line: Int
        let text: String
    }

    static func write(_ reports: TheatreReports, eventNodes: [(event: Event, node: Node)], importedRows: [ImportedRow] = [],
                      key: String, to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let temp = dir.appendingPathComponent("\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try? FileManager.default.removeItem(at: temp)
        do {
            try fill(temp, reports, eventNodes: eventNodes, importedRows: importedRows, key: key)
            // rename(2) swaps the file in one step, also over an old store a reader still has open.
            guard rename(temp.path, url.path) == 0 else {
                throw SQLiteDatabase.Failure(description: "cannot rename \(temp.path) to \(url.path): errno \(errno)")
            }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw error
        }
    }

    private static func fill(_ temp: URL, _ reports: TheatreReports, eventNodes: [(event: Event, node: Node)],
                             importedRows: [ImportedRow], key: String) throws {
        let db = try SQLiteDatabase(path: temp.path, readOnly: false)
        try db.execute("""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE claims (ord INTEGER PRIMARY KEY, date INTEGER NOT NULL, place_id INTEGER NOT NULL,
              place_name TEXT NOT NULL, holder TEXT NOT NULL, role TEXT NOT NULL, confidence TEXT NOT NULL,
              outlet TEXT NOT NULL, published TEXT NOT NULL, attributed_to TEXT NOT NULL, url TEXT,
              note TEXT NOT NULL, line INTEGER NOT NULL);
            CREATE TABLE places (place_id INTEGER PRIMARY KEY);
            CREATE TABLE events (id TEXT PRIMARY KEY, date INTEGER NOT NULL, line INTEGER NOT NULL, text TEXT NOT NULL);
            CREATE TABLE imported (line INTEGER PRIMARY KEY, date INTEGER NOT NULL, text TEXT NOT NULL);
            BEGIN;
            """)
        // `ord` is the claim's place in the log's (date, line) order: "last before D" is the largest.
        let insertClaim = try db.prepare("INSERT INTO claims (ord, \(claimColumns)) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
        for (i, c) in reports.control.claims.enumerated() {
            try insertClaim.run([.int(i), .int(c.date.ordinal), .int(c.placeID), .text(c.placeName), .text(c.holder.rawValue),
                                 .text(c.role.rawValue), .text(c.confidence.rawValue), .text(c.source.outlet),
                                 .text(c.source.published), .text(c.source.attributedTo), c.source.url.map { .text($0) } ?? .null,
                                 .text(c.note), .int(c.line)])
        }
        try db.execute("INSERT INTO places SELECT DISTINCT place_id FROM claims WHERE role = 'state'")
        let insertEvent = try db.prepare("INSERT INTO events (id, date, line, text) VALUES (?,?,?,?)")
        // Each event as a one-item YAML list of its own (anchors and aliases resolved), parsed
        // again by `EventFile` on read.
        for (e, node) in eventNodes {
            let text = try Yams.serialize(node: Node.sequence(Node.Sequence([node])), allowUnicode: true)
            try insertEvent.run([.text(e.id), .int(e.date.ordinal), .int(e.line), .text(text)])
        }
        // Rows of an ACLED import, as they stand in `acled.tsv` (parsed again on read, by the same code).
        let insertImported = try db.prepare("INSERT INTO imported (line, date, text) VALUES (?,?,?)")
        for r in importedRows { try insertImported.run([.int(r.line), .int(r.date), .text(r.text)]) }
        let insertMeta = try db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)")
        let meta: [(String, String)] = [
            ("key", key), ("control_rows", "\(reports.controlRows)"), ("area_rows", "\(reports.areaRows)"),
            ("first_day", reports.control.firstDay.map(\.description) ?? ""), ("last_day", reports.lastDay.map(\.description) ?? ""),
        ]
        for (k, v) in meta { try insertMeta.run([.text(k), .text(v)]) }
        try db.execute("""
            CREATE INDEX claims_date ON claims (date);
            CREATE INDEX claims_state ON claims (place_id, ord) WHERE role = 'state';
            CREATE INDEX events_date ON events (date);
            CREATE INDEX imported_date ON imported (date);
            COMMIT;
            """)
    }
}
