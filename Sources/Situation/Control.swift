import Foundation
import Geo

/// One report of who holds a place from a date on.
public struct ControlClaim: Sendable {
    public enum Role: String, Sendable { case state, claim }
    public enum Confidence: String, Sendable { case high, medium, low, assessed }

    public let date: Day
    public let placeID: Int
    public let placeName: String
    public let holder: Side
    /// `state` claims decide the map; `claim` rows are conflicting reports kept for the record.
    public let role: Role
    public let confidence: Confidence
    public let source: Source
    public let note: String
    public let line: Int
}

/// Every control claim, ordered by date: answers "who held this place on day D?".
public struct ControlLog: Sendable {
    public let claims: [ControlClaim]
    /// The first day any claim exists for, so that a map before it can say so (a slice of the
    /// log read from the report store keeps the whole history's).
    public let firstDay: Day?

    public init(claims: [ControlClaim], firstDay: Day? = nil) {
        self.claims = claims.sorted { ($0.date, $0.line) < ($1.date, $1.line) }
        self.firstDay = firstDay ?? self.claims.first?.date
    }

    static let columns = ["date", "place", "place_id", "holder", "role", "confidence", "outlet", "published",
                          "attributed_to", "url", "note"]

    public static func parse(_ text: String, file: String, gazetteer: Gazetteer, sides: [Side]) throws -> ControlLog {
        let rows = tsvRows(text)
        guard let header = rows.first, header.fields.map(String.init).prefix(columns.count) == columns[...] else {
            throw DataError(file: file, line: rows.first?.line ?? 1, "header must be: \(columns.joined(separator: " "))",
                            fix: "restore the header line (tab-separated)")
        }
        var out: [ControlClaim] = []
        for (line, f) in rows.dropFirst() {
            guard f.count >= 10 else {
                throw DataError(file: file, line: line, "expected \(columns.count) tab-separated columns, found \(f.count)",
                                fix: "check for spaces used instead of tabs")
            }
            guard let date = Day(f[0]) else {
                throw DataError(file: file, line: line, "bad date \"\(f[0])\"", fix: "write dates as YYYY-MM-DD")
            }
            guard let id = Int(f[2]), let place = gazetteer.place(id: id) else {
                let hint = gazetteer.resolve(String(f[1])).map { "use place_id \($0.id) (\($0.name))" }
                throw DataError(file: file, line: line, "unknown place_id \"\(f[2])\" for \"\(f[1])\"",
                                fix: hint ?? "add the place to Gazetteer/places.tsv or correct the id")
            }
            guard let holder = sides.first(where: { $0.id == f[3] }) else {
                throw DataError(file: file, line: line, "unknown holder \"\(f[3])\"",
                                fix: "one of the theatre's sides: \(sides.map(\.id).joined(separator: ", "))")
            }
            guard let role = ControlClaim.Role(rawValue: String(f[4])),
                  let confidence = ControlClaim.Confidence(rawValue: String(f[5])) else {
                throw DataError(file: file, line: line, "bad role \"\(f[4])\" or confidence \"\(f[5])\"",
                                fix: "role is state or claim; confidence is high, medium, low or assessed")
            }
            out.append(ControlClaim(date: date, placeID: id, placeName: place.name, holder: holder, role: role,
                                    confidence: confidence,
                                    source: Source(outlet: String(f[6]), published: String(f[7]),
                                                   attributedTo: String(f[8]), url: f[9].isEmpty ? nil : String(f[9])),
                                    note: f.count > 10 ? String(f[10]) : "", line: line))
        }
        return ControlLog(claims: out)
    }

    /// Area claims (`areas.tsv`): "as of DATE a side holds everything inside the hull of
    /// towns A, B, C…", the way sources summarise an offensive. Each becomes an assessed claim
    /// for every place inside the hull; a later town-level report still overrides it.
    public static func parseAreas(_ text: String, file: String, gazetteer: Gazetteer,
                                  projection: MapProjection, sides: [Side], country: String) throws -> (claims: [ControlClaim], rows: Int) {
        let rows = tsvRows(text)
        let expected = ["id", "date", "holder", "hull_towns", "buffer_km", "outlet", "published", "attributed_to", "url", "note"]
        guard let header = rows.first, header.fields.map(String.init).prefix(expected.count) == expected[...] else {
            throw DataError(file: file, line: rows.first?.line ?? 1, "header must be: \(expected.joined(separator: " "))",
                            fix: "restore the header line (tab-separated)")
        }
        let projected = try gazetteer.places.map { try projection.project($0.location) }
        var out: [ControlClaim] = []
        for (line, f) in rows.dropFirst() {
            guard f.count >= 9, let date = Day(f[1]), let holder = sides.first(where: { $0.id == f[2] }) else {
                throw DataError(file: file, line: line, "expected id, a YYYY-MM-DD date, a holder (\(sides.map(\.id).joined(separator: ", "))), …",
                                fix: "see Reports/README.md for areas.tsv")
            }
            // Empty means no margin round the hull; a negative or huge margin is a mistake.
            let bufferKm = try DataField(file: file, line: line)
                .optionalDouble(f[4], "buffer_km", in: 0...50, example: "1.0") ?? 0
            let names = f[3].split(separator: "|").map(\.trimmingWhitespace)
            var towns: [XY] = []
            for name in names {
                let xy = try projection.project(try gazetteer.resolve(name, file: file, line: line).location)
                if !towns.contains(xy) { towns.append(xy) }
            }
            guard towns.count >= 3 else {
                throw DataError(file: file, line: line, "an area needs at least 3 different hull towns, found \(towns.count)",
                                fix: "list 3 or more places separated by |")
            }
            let hullGeometry = try Geometry.multiPoint(towns).convexHull().buffer(bufferKm * 1000)
            guard let box = try hullGeometry.envelope, hullGeometry.area > 0 else {
                throw DataError(file: file, line: line, "the hull towns lie on one line, so the area encloses nothing",
                                fix: "add a town off that line, or give buffer_km")
            }
            let hull = try PreparedGeometry(hullGeometry)
            let source = Source(outlet: String(f[5]), published: String(f[6]), attributedTo: String(f[7]),
                                url: f[8].isEmpty ? nil : String(f[8]))
            for (i, p) in gazetteer.places.enumerated() where p.country == country && box.contains(projected[i]) {
                guard try hull.contains(projected[i]) else { continue }
                out.append(ControlClaim(date: date, placeID: p.id, placeName: p.name, holder: holder, role: .state,
                                        confidence: .assessed, source: source,
                                        note: "inside area \(f[0])", line: line - 1_000_000))
            }
        }
        return (out, rows.count - 1)
    }

    /// Who holds each place as of `day`: the last `state` claim on or before it.
    public func holders(asOf day: Day) -> [Int: ControlClaim] {
        var out = [Int: ControlClaim]()
        for c in claims where c.role == .state {
            if c.date > day { break }
            out[c.placeID] = c
        }
        return out
    }
}
