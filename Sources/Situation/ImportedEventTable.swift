import Foundation
import Geo

/// `Reports/acled.tsv`: events imported from ACLED, one row per ACLED event, sorted by date
/// then id. Written by `mapgen import acled` (which replaces rows by `event_id_cnty`, so a
/// re-import changes nothing) and read with the theatre. Plain text, so a reviewer can read
/// and correct it (the `type` column is mapgen's type, mapped from ACLED's).
public enum ImportedEventTable {
    public static let fileName = "acled.tsv"
    public static let columns = [
        "event_id_cnty", "event_date", "time_precision", "type", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "civilian_targeting", "country", "admin1", "admin2",
        "location", "latitude", "longitude", "geo_precision", "fatalities", "source", "source_scale", "published",
    ]

    /// One row: values by column name. Tabs and line breaks are turned into spaces.
    public static func line(_ values: [String: String]) -> String {
        columns.map { c in
            let v = values[c] ?? ""
            // Byte check first: Foundation's replacing costs microseconds a call.
            guard v.utf8.contains(where: { $0 == 9 || $0 == 10 || $0 == 13 }) else { return v }
            return String(decoding: v.utf8.map { $0 == 9 || $0 == 10 || $0 == 13 ? 32 : $0 }, as: UTF8.self)
        }.joined(separator: "\t")
    }

    public static var header: String { columns.joined(separator: "\t") }

    /// The table's lines with their id and date (for merging a new import into the table),
    /// without splitting every field: a re-import of 100,000 rows only needs the first two.
    public static func rows(_ text: String, file: String) throws -> [(id: String, date: String, line: String)] {
        var out: [(String, String, String)] = []
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if lineNumber == 1 {
                guard line == header else {
                    throw DataError(file: file, line: 1, "header must be: \(columns.joined(separator: " "))",
                                    fix: "restore the header line, or delete the file and import again")
                }
                continue
            }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let head = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard head.count == 3 else {
                throw DataError(file: file, line: lineNumber, "expected \(columns.count) tab-separated columns",
                                fix: "import the ACLED file again rather than editing by hand")
            }
            out.append((String(head[0]), String(head[1]), String(line)))
        }
        return out
    }


    /// The events of the table.
    public static func parse(_ text: String, file: String, kinds: EventKinds) throws -> [Event] {
        let rows = tsvRows(text)
        guard let first = rows.first, first.fields.map(String.init) == columns else {
            throw DataError(file: file, line: rows.first?.line ?? 1, "header must be: \(columns.joined(separator: " "))",
                            fix: "restore the header line, or delete the file and import again")
        }
        var out: [Event] = []
        out.reserveCapacity(rows.count)
        for (line, f) in rows.dropFirst() { out.append(try event(f, line: line, file: file, kinds: kinds)) }
        return out
    }

    /// The event of one row (its fields, as `tsvRows` splits them), numbered as line `line` of `file`.
    static func event(_ f: [Substring], line: Int, file: String, kinds: EventKinds) throws -> Event {
        guard f.count == columns.count else {
            throw DataError(file: file, line: line, "expected \(columns.count) tab-separated columns, found \(f.count)",
                            fix: "import the ACLED file again rather than editing by hand")
        }
        func col(_ i: Int) -> String { String(f[i]) }
        guard let date = Day(f[1]) else {
            throw DataError(file: file, line: line, "bad event_date \"\(f[1])\"", fix: "write YYYY-MM-DD")
        }
        let kind = try kinds.kind(col(3), file: file, line: line)
        guard let lat = Double(f[16]), let lon = Double(f[17]), (-90...90).contains(lat), (-180...180).contains(lon) else {
            throw DataError(file: file, line: line, "bad latitude/longitude \"\(f[16])\", \"\(f[17])\"",
                            fix: "decimal degrees, latitude -90…90, longitude -180…180")
        }
        let timePrecision = Int(f[2]) ?? 1, geoPrecision = Int(f[18]) ?? 1, fatalities = Int(f[19]) ?? 0
        let published = col(22).isEmpty ? "undated" : col(22)
        // ACLED's `source` names the outlets it coded the event from: one source each,
        // published by ACLED and attributed to that outlet.
        let names = f[20].split(separator: ";").map(\.trimmingWhitespace).filter { !$0.isEmpty }
        let sources = (names.isEmpty ? ["ACLED"] : names).map {
            Source(outlet: "ACLED", published: published, attributedTo: $0, url: "https://acleddata.com/")
        }
        let actor = col(7), against = col(9)
        var summary = "\(col(6).isEmpty ? col(5) : col(6)) at \(col(15))"
        if !against.isEmpty { summary += ": \(actor) vs \(against)" } else if !actor.isEmpty { summary += ": \(actor)" }
        var event = Event(id: "acled-\(col(0))", date: date, time: nil,
                          precision: ["day", "week", "month"][min(2, max(0, timePrecision - 1))],
                          kind: kind, actor: actor, places: [], origin: nil, destination: nil, summary: summary,
                          figures: fatalities > 0 ? ["fatalities": String(fatalities)] : [:], figuresByPlace: [:],
                          claims: [], sources: sources, conflictsWith: [], line: line)
        event.imported = ImportedRecord(dataset: "ACLED", externalID: col(0), location: LonLat(lon: lon, lat: lat),
                                        geoPrecision: geoPrecision, timePrecision: timePrecision,
                                        eventType: col(5), subEventType: col(6), placeName: col(15),
                                        admin1: col(13), fatalities: fatalities)
        return event
    }
}
