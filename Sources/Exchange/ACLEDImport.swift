import Foundation
import Geo
import Situation

/// `mapgen import acled FILE.csv`: ACLED's export columns into `Reports/acled.tsv`. Every row
/// is checked before anything is written: one bad row (a missing column, a bad date, a
/// coordinate out of range) refuses the whole file with its file:line:column, and the table is
/// left as it was. Rows are keyed by `event_id_cnty`, so importing the same file twice changes
/// nothing and a newer export replaces the older rows.
public enum ACLEDImport {
    /// The columns of ACLED's export, in its order.
    public static let columns = [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ]

    public struct Summary: Equatable, Sendable {
        public let read: Int, added: Int, replaced: Int, unchanged: Int
        public init(read: Int, added: Int, replaced: Int, unchanged: Int) {
            self.read = read; self.added = added; self.replaced = replaced; self.unchanged = unchanged
        }
    }

    /// mapgen's type (an event kind id of Styles/event-kinds.yaml) for an ACLED event and
    /// sub-event type. Stored in the table's `type` column, where a reviewer may correct it;
    /// reading the table checks it against the theatre's event kinds.
    public static func kind(eventType: String, subEventType: String) -> String? {
        switch eventType.lowercased() {
        case "battles": return "clash"
        case "explosions/remote violence":
            return subEventType.lowercased().hasPrefix("shelling") ? "shelling" : "strike"
        case "violence against civilians": return "casualties"
        case "riots": return "clash"
        case "protests": return "statement"
        case "strategic developments":
            switch subEventType.lowercased() {
            case "agreement": return "talks"
            case "non-violent transfer of territory": return "control-change"
            case "headquarters or base established": return "post-established"
            default: return "statement"
            }
        default: return nil
        }
    }

    /// "YYYY-MM-DD" without String(format:), which costs microseconds a call (Day.description uses it).
    static func iso(_ d: Day) -> String {
        let c = d.components
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
        let y = String(c.year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + two(c.month) + "-" + two(c.day)
    }

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"]

    /// ACLED dates: "2020-02-08" (current exports) or "08 February 2020" (older ones).
    static func day(_ text: String) -> Day? {
        if let d = Day(text), text.count == 10 { return d }
        let p = text.split(separator: " ")
        guard p.count == 3, let d = Int(p[0]), let y = Int(p[2]), p[2].count == 4,
              let m = months.firstIndex(of: p[1].lowercased()) else { return nil }
        let iso = String(format: "%04d-%02d-%02d", y, m + 1, d)
        return Day(iso)
    }

    /// Validated rows of the ACLED file, as `acled.tsv` lines; throws the first problem with
    /// file:line:column. Streams the records: 100,000 rows never sit in memory as 3 million strings.
    public static func rows(_ bytes: [UInt8], file: String) throws -> [(id: String, date: Day, line: String)] {
        var clock = Stopwatch()
        var index = [String: Int]()
        var columnCount = 0
        var headerLine = 0
        var out: [(String, Day, String)] = []
        var seen = Set<String>()
        try CSVReader.forEachRecord(bytes) { r in
            if headerLine == 0 {
                headerLine = r.line
                let names = r.fields.map { $0.trimmedSpaces }
                columnCount = names.count
                for (i, n) in names.enumerated() where index[n] == nil { index[n] = i }
                if let missing = columns.first(where: { index[$0] == nil }) {
                    throw DataError(file: file, line: r.line, "missing column \"\(missing)\"",
                                    fix: "export with ACLED's standard columns: \(columns.joined(separator: ","))")
                }
                return
            }
            func fail(_ column: String, _ message: String, fix: String) -> DataError {
                let c = index[column].map { $0 + 1 } ?? 0
                return DataError(file: file, line: r.line, "column \(c) (\(column)): \(message)", fix: fix)
            }
            guard r.fields.count == columnCount else {
                throw DataError(file: file, line: r.line, "expected \(columnCount) columns, found \(r.fields.count)",
                                fix: "check the quoting on that line (a field with a comma must be in double quotes)")
            }
            func v(_ c: String) -> String { r.fields[index[c]!].trimmedSpaces }
            let id = v("event_id_cnty")
            guard !id.isEmpty else { throw fail("event_id_cnty", "empty", fix: "every ACLED row has an id such as SYR12345") }
            guard seen.insert(id).inserted else {
                throw fail("event_id_cnty", "\"\(id)\" appears twice", fix: "keep one row per ACLED event")
            }
            guard let date = day(v("event_date")) else {
                throw fail("event_date", "bad date \"\(v("event_date"))\"", fix: "write YYYY-MM-DD (or ACLED's \"08 February 2020\")")
            }
            func precision(_ c: String) throws -> Int {
                guard let p = Int(v(c)), (1...3).contains(p) else {
                    throw fail(c, "\"\(v(c))\" is not 1, 2 or 3", fix: "ACLED precision codes are 1, 2 or 3")
                }
                return p
            }
            let timePrecision = try precision("time_precision"), geoPrecision = try precision("geo_precision")
            guard let lat = Double(v("latitude")), (-90...90).contains(lat) else {
                throw fail("latitude", "\"\(v("latitude"))\" is not a latitude", fix: "decimal degrees between -90 and 90")
            }
            guard let lon = Double(v("longitude")), (-180...180).contains(lon) else {
                throw fail("longitude", "\"\(v("longitude"))\" is not a longitude", fix: "decimal degrees between -180 and 180")
            }
            guard let fatalities = Int(v("fatalities")), fatalities >= 0 else {
                throw fail("fatalities", "\"\(v("fatalities"))\" is not a count", fix: "a whole number, 0 or more")
            }
            guard let kind = kind(eventType: v("event_type"), subEventType: v("sub_event_type")) else {
                throw fail("event_type", "unknown event type \"\(v("event_type"))\"",
                           fix: "one of Battles, Explosions/Remote violence, Violence against civilians, Protests, Riots, Strategic developments")
            }
            // ACLED's timestamp is when the row was last uploaded (Unix seconds): the date ACLED
            // published this version of the event.
            var published = ""
            if let t = Int(v("timestamp")) {
                published = iso(Day(ordinal: Int((Double(t) / 86_400).rounded(.down))))
            } else if let d = Day(v("timestamp")) {
                published = iso(d)
            }
            out.append((id, date, ImportedEventTable.line([
                "event_id_cnty": id, "event_date": iso(date), "time_precision": String(timePrecision),
                "type": kind, "disorder_type": v("disorder_type"), "event_type": v("event_type"),
                "sub_event_type": v("sub_event_type"), "actor1": v("actor1"), "assoc_actor_1": v("assoc_actor_1"),
                "actor2": v("actor2"), "assoc_actor_2": v("assoc_actor_2"), "civilian_targeting": v("civilian_targeting"),
                "country": v("country"), "admin1": v("admin1"), "admin2": v("admin2"), "location": v("location"),
                "latitude": v("latitude"), "longitude": v("longitude"), "geo_precision": String(geoPrecision),
                "fatalities": String(fatalities), "source": v("source"), "source_scale": v("source_scale"),
                "published": published,
            ])))
        }
        guard headerLine > 0 else {
            throw DataError(file: file, line: 1, "empty file", fix: "export the events from ACLED as CSV, with the header row")
        }
        clock.lap("  \(out.count) rows read and checked")
        return out
    }

    /// Imports `csv` into `<root>/Reports/acled.tsv` (all or nothing), merging by event_id_cnty.
    public static func run(csv: URL, root: URL) throws -> Summary {
        let file = csv.relativeDisplay
        let data: Data
        do { data = try Data(contentsOf: csv) } catch {
            throw DataError(file: file, "cannot read the file", fix: "check the path")
        }
        let incoming = try rows([UInt8](data), file: file)
        let table = root.appendingPathComponent("Reports").appendingPathComponent(ImportedEventTable.fileName)
        var existing: [String: (date: String, line: String)] = [:]
        if FileManager.default.fileExists(atPath: table.path) {
            let text = try readText(table)
            for r in try ImportedEventTable.rows(text, file: table.relativeDisplay) { existing[r.id] = (r.date, r.line) }
        }
        var clock = Stopwatch()
        var added = 0, replaced = 0, unchanged = 0
        for (id, date, line) in incoming {
            switch existing[id]?.line {
            case nil: added += 1
            case line?: unchanged += 1
            default: replaced += 1
            }
            existing[id] = (iso(date), line)
        }
        clock.lap("  merged")
        let sorted = existing.sorted { ($0.value.date, $0.key) < ($1.value.date, $1.key) }
        let text = ([ImportedEventTable.header] + sorted.map(\.value.line)).joined(separator: "\n") + "\n"
        try AtomicFile.write(Data(text.utf8), to: table)
        clock.lap("  sorted, written")
        return Summary(read: incoming.count, added: added, replaced: replaced, unchanged: unchanged)
    }
}

extension String {
    /// Without leading and trailing spaces and tabs. Checks the ends first: Foundation's
    /// trimming costs microseconds a call, and 100,000 ACLED rows have 3 million fields.
    var trimmedSpaces: String {
        guard let f = utf8.first, let l = utf8.last, f == 32 || f == 9 || l == 32 || l == 9 else { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}
