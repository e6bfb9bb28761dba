import Exchange
import Foundation
import Geo
import Situation
import VectorIO
import XCTest

/// ACLED import on the project's own fixture (ACLED's column layout, invented rows): mapping,
/// precision, sources, idempotence, all-or-nothing refusals with file:line:column, and the round
/// trip import → situation → export → read back with OGR.
final class ACLEDImportTests: XCTestCase {
    let fixture = fixtures.appendingPathComponent("acled-idlib-fixture.csv")

    func table(_ root: URL) -> URL { root.appendingPathComponent("Reports/acled.tsv") }
    func kinds(_ root: URL) throws -> EventKinds { try TheatreDescription.load(folder: root).eventKinds }

    func testImportMapsTypesPrecisionAndSources() throws {
        let root = try dataRoot(self)
        let s = try ACLEDImport.run(csv: fixture, root: root)
        XCTAssertEqual(s, ACLEDImport.Summary(read: 8, added: 8, replaced: 0, unchanged: 0))
        let events = try ImportedEventTable.parse(String(contentsOf: table(root), encoding: .utf8), file: "acled.tsv", kinds: try kinds(root))
        let byID = Dictionary(uniqueKeysWithValues: events.map { ($0.imported!.externalID, $0) })
        XCTAssertEqual(byID.count, 8)
        XCTAssertEqual(byID["FIX0001"]?.kind.id, "shelling")
        XCTAssertEqual(byID["FIX0002"]?.kind.id, "strike")
        XCTAssertEqual(byID["FIX0003"]?.kind.id, "clash")
        XCTAssertEqual(byID["FIX0005"]?.kind.id, "post-established")
        XCTAssertEqual(byID["FIX0006"]?.kind.id, "statement")
        XCTAssertEqual(byID["FIX0007"]?.kind.id, "casualties")
        // "07 February 2020" (older ACLED exports) reads as the 7th.
        XCTAssertEqual(byID["FIX0003"]?.date, Day("2020-02-07"))
        // Three outlets in `source`, three sources, dated by ACLED's upload timestamp.
        XCTAssertEqual(byID["FIX0002"]?.sources.map(\.attributedTo), ["SOHR", "Step News Agency", "Smart News Agency"])
        XCTAssertEqual(byID["FIX0002"]?.sources.first?.published, "2020-02-09")
        XCTAssertEqual(byID["FIX0002"]?.figures["fatalities"], "5")
        XCTAssertEqual(byID["FIX0004"]?.precision, "week")
        XCTAssertEqual(byID["FIX0004"]?.imported?.uncertaintyKm, 25)
        XCTAssertEqual(byID["FIX0003"]?.imported?.uncertaintyKm, 10)
        XCTAssertNil(byID["FIX0001"]?.imported?.uncertaintyKm)
    }

    func testReimportIsIdempotentAndReplacesByID() throws {
        let root = try dataRoot(self)
        _ = try ACLEDImport.run(csv: fixture, root: root)
        let first = try Data(contentsOf: table(root))
        XCTAssertEqual(try ACLEDImport.run(csv: fixture, root: root),
                       ACLEDImport.Summary(read: 8, added: 0, replaced: 0, unchanged: 8))
        XCTAssertEqual(try Data(contentsOf: table(root)), first, "a second import changes nothing")
        // A newer export with a corrected toll replaces the row, not adds one.
        let text = try String(contentsOf: fixture, encoding: .utf8)
            .replacingOccurrences(of: "Fixture row: the town is reported taken.,14,", with: "Fixture row: the town is reported taken.,16,")
        let newer = try scratch(self).appendingPathComponent("newer.csv")
        try text.write(to: newer, atomically: true, encoding: .utf8)
        XCTAssertEqual(try ACLEDImport.run(csv: newer, root: root), ACLEDImport.Summary(read: 8, added: 0, replaced: 1, unchanged: 7))
        let events = try ImportedEventTable.parse(String(contentsOf: table(root), encoding: .utf8), file: "acled.tsv", kinds: try kinds(root))
        XCTAssertEqual(events.count, 8)
        XCTAssertEqual(events.first { $0.imported?.externalID == "FIX0008" }?.imported?.fatalities, 16)
    }

    /// A bad row refuses the whole file, naming file:line:column; the table is untouched.
    func testBadInputIsRefusedWholeWithLineAndColumn() throws {
        let root = try dataRoot(self)
        _ = try ACLEDImport.run(csv: fixture, root: root)
        let before = try Data(contentsOf: table(root))
        let good = try String(contentsOf: fixture, encoding: .utf8)
        let dir = try scratch(self)
        let cases: [(String, String, String)] = [
            (good.replacingOccurrences(of: ",fatalities,", with: ",deaths,"), "bad.csv:1:", "missing column \"fatalities\""),
            // FIX0007 is on line 9: FIX0003's quoted note spans lines 4 and 5.
            (good.replacingOccurrences(of: "FIX0007,2020-02-09", with: "FIX0007,2020-02-31"), "bad.csv:9:",
             "column 2 (event_date): bad date \"2020-02-31\""),
            (good.replacingOccurrences(of: "36.13907,36.82504", with: "96.13907,36.82504"), "bad.csv:9:",
             "column 23 (latitude)"),
            (good.replacingOccurrences(of: "35.81374,36.60964", with: "35.81374,186.6"), "bad.csv:6:", "column 24 (longitude)"),
            (good.replacingOccurrences(of: "FIX0008,", with: "FIX0007,"), "bad.csv:10:", "\"FIX0007\" appears twice"),
        ]
        for (text, location, message) in cases {
            let bad = dir.appendingPathComponent("bad.csv")
            try text.write(to: bad, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try ACLEDImport.run(csv: bad, root: root)) { e in
                let said = "\(e)"
                XCTAssertTrue(said.contains(location) && said.contains(message), said)
            }
            XCTAssertEqual(try Data(contentsOf: table(root)), before, "nothing imported for \(message)")
        }
    }

    /// import → Theatre → Situation → export GeoPackage → read back with OGR.
    func testRoundTripThroughExport() throws {
        let root = try dataRoot(self)
        _ = try ACLEDImport.run(csv: fixture, root: root)
        let theatre = try Theatre.load(from: root)
        let situation = try Situation(at: Day("2020-02-09")!, in: theatre, windowDays: 4)
        XCTAssertEqual(situation.importedEvents.count, 8)
        XCTAssertFalse(situation.windowEvents.contains { $0.imported != nil }, "imported events stay out of the map's brief list")
        let file = try scratch(self).appendingPathComponent("acled.gpkg")
        try VectorDataset(layers: SituationLayers(situation: situation).layers()).write(.gpkg, to: file)
        let back = try VectorDataset.read(file)
        let points = try XCTUnwrap(back.layer("events")).features.filter { $0["dataset"] == "ACLED" }
        let areas = try XCTUnwrap(back.layer("event_areas")).features
        XCTAssertEqual(points.count, 5, "geo_precision 1")
        XCTAssertEqual(areas.count, 3, "geo_precision 2 and 3 are areas, not points")
        let strike = try XCTUnwrap(points.first { $0["external_id"] == "FIX0002" })
        XCTAssertEqual(strike["date"], .date(CalendarDate(year: 2020, month: 2, day: 7)))
        XCTAssertEqual(strike["type"], "strike")
        XCTAssertEqual(strike["fatalities"], .integer(5))
        XCTAssertEqual(strike["source_count"], .integer(3))
        guard case .point(let p)? = strike.shapes.first else { return XCTFail("no point") }
        XCTAssertEqual(p.x, 36.63393, accuracy: 1e-7)
        XCTAssertEqual(p.y, 35.93062, accuracy: 1e-7)
        // The district-level shelling (precision 3) is a 25 km area round Ariha, area on the polygon.
        let district = try XCTUnwrap(areas.first { $0["external_id"] == "FIX0004" })
        XCTAssertEqual(district["radius_km"], .real(25))
        XCTAssertEqual(district["area_km2"].real ?? 0, Double.pi * 625, accuracy: 10)
        let sources = try XCTUnwrap(back.layer("event_sources")).features.filter { $0["event_id"] == "acled-FIX0002" }
        XCTAssertEqual(sources.compactMap { $0["attributed_to"].string }, ["SOHR", "Step News Agency", "Smart News Agency"])
        XCTAssertEqual(sources.first?["published"], .date(CalendarDate(year: 2020, month: 2, day: 9)))
    }

    /// The imported events appear in the diff between two dates.
    func testImportedEventsAppearInDiffAndAnalysis() throws {
        let root = try dataRoot(self)
        _ = try ACLEDImport.run(csv: fixture, root: root)
        let theatre = try Theatre.load(from: root)
        let diff = try SituationDiff(from: Day("2020-02-06")!, to: Day("2020-02-09")!, in: theatre)
        XCTAssertEqual(Set(diff.events.compactMap { $0.imported?.externalID }),
                       ["FIX0002", "FIX0003", "FIX0004", "FIX0005", "FIX0006", "FIX0007", "FIX0008"])
        let analysis = try Analysis(situation: Situation(at: Day("2020-02-09")!, in: theatre, windowDays: 3))
        XCTAssertTrue(analysis.table.contains("Imported events (ACLED) in the window"), analysis.table)
    }

    /// A folder with an import is served from the report store too: a window's events from the
    /// store are the text's, imported ones included, and an edit of `acled.tsv` rebuilds the store.
    func testImportedEventsComeFromTheStore() throws {
        let root = try dataRoot(self)
        _ = try ACLEDImport.run(csv: fixture, root: root)
        let store = root.appendingPathComponent(".mapgen-cache/reports.sqlite")
        try? FileManager.default.removeItem(at: store)
        let d = Day("2020-02-09")!, window = DayWindow(last: d, days: 3)
        let text = try Theatre.load(from: root)
        func analysis(_ t: Theatre) throws -> String { try Analysis(situation: Situation(at: d, in: t, windowDays: 3)).json.encoded(indent: 2) }
        func events(_ t: Theatre) -> [String] {
            t.events.filter { window.contains($0.date) }
                .map { "\($0.id) \($0.line) \($0.date) \($0.summary) \($0.sources.map(\.attributedTo)) \($0.imported.map { "\($0.location) \($0.fatalities)" } ?? "")" }
        }
        _ = try Theatre.load(from: root, showing: window)   // builds the store
        XCTAssertTrue(FileManager.default.fileExists(atPath: store.path))
        let stored = try Theatre.load(from: root, showing: window)
        XCTAssertFalse(stored.events.filter { $0.imported != nil }.isEmpty, "imported events come from the store")
        XCTAssertEqual(events(stored), events(text))
        XCTAssertEqual(try analysis(stored), try analysis(text))

        // Drop the imported rows dated in the window: the next load must not serve them.
        let table = table(root)
        let lines = try String(contentsOf: table, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.filter { l in !["2020-02-07", "2020-02-08", "2020-02-09"].contains(where: { l.contains("\t\($0)\t") }) }
        XCTAssertLessThan(kept.count, lines.count)
        try kept.joined(separator: "\n").write(to: table, atomically: true, encoding: .utf8)
        let edited = try Theatre.load(from: root, showing: window)
        XCTAssertEqual(edited.events.filter { $0.imported != nil && window.contains($0.date) }.map(\.id), [])
        XCTAssertEqual(events(edited), events(try Theatre.load(from: root)))
    }
}
