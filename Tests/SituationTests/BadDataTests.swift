import Foundation
import XCTest
@testable import Geo
@testable import Situation

/// Data that used to crash mapgen, or was silently taken with a made-up value, now gives an
/// error naming the file and line, with the fix. Each test loads a copy of the shipped data with
/// one file changed.
final class BadDataTests: XCTestCase {
    /// Loads a copy of the shipped data with `file` (relative to the root) rewritten by `edit`;
    /// returns the error the load throws (failing the test when it loads).
    func loadError(_ file: String, bytes edit: ([UInt8]) -> [UInt8], line: UInt = #line) throws -> DataError? {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mapgen-bad-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for dir in ["Gazetteer", "Reports", "Styles", "theatre.yaml"] {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: repoRoot.appendingPathComponent(dir), to: root.appendingPathComponent(dir))
        }
        let url = root.appendingPathComponent(file)
        try Data(edit([UInt8](try Data(contentsOf: url)))).write(to: url)
        do {
            _ = try Theatre.load(from: root)
            XCTFail("\(file): loaded without an error", line: line)
            return nil
        } catch let e as DataError {
            XCTAssertTrue(e.file.hasSuffix(file), "the error names \(e.file), not \(file)", line: line)
            XCTAssertNotNil(e.fix, "\(e)", line: line)
            return e
        }
    }

    func loadError(_ file: String, _ edit: @escaping (String) -> String, line: UInt = #line) throws -> DataError? {
        try loadError(file, bytes: { Array(edit(String(decoding: $0, as: UTF8.self)).utf8) }, line: line)
    }

    /// Replaces field `column` (0-based) of the first row after the header.
    func settingField(_ column: Int, to value: String, row: Int = 1) -> (String) -> String {
        { text in
            var lines = text.components(separatedBy: "\n")
            let data = lines.indices.filter { !lines[$0].hasPrefix("#") && !lines[$0].isEmpty }
            var fields = lines[data[row]].components(separatedBy: "\t")
            fields[column] = value
            lines[data[row]] = fields.joined(separator: "\t")
            return lines.joined(separator: "\n")
        }
    }

    func testANegativeAreaBufferIsAnErrorNotACrash() throws {
        let e = try loadError("Reports/areas.tsv", settingField(4, to: "-5"))
        XCTAssertEqual(e?.line, 2)
        XCTAssertTrue(e?.message.contains("buffer_km") ?? false, "\(String(describing: e))")
    }

    func testAHullOfOneRepeatedTownIsAnErrorNotACrash() throws {
        let e = try loadError("Reports/areas.tsv", settingField(3, to: "Saraqib|Saraqib|Saraqib|Saraqeb"))
        XCTAssertEqual(e?.line, 2)
        XCTAssertTrue(e?.message.contains("3 different hull towns") ?? false, "\(String(describing: e))")
        let line = try loadError("Reports/areas.tsv", { self.settingField(4, to: "0")(self.settingField(3, to: "Idlib|Idlib|Saraqib|Saraqib")($0)) })
        XCTAssertTrue(line?.message.contains("3 different") ?? false, "\(String(describing: line))")
    }

    func testAnAreaBufferThatIsNotANumberIsAnError() throws {
        let e = try loadError("Reports/areas.tsv", settingField(4, to: "abc"))
        XCTAssertEqual(e?.line, 2)
        XCTAssertTrue(e?.message.contains("\"abc\"") ?? false)
    }

    func testDeepYAMLNestingIsRefusedBeforeTheParser() throws {
        let deep = "\n- id: deep\n  date: '2020-02-01'\n  figures:\n    x: " + String(repeating: "[", count: 5_000)
            + String(repeating: "]", count: 5_000) + "\n"
        let e = try loadError("Reports/events.yaml", { $0 + deep })
        XCTAssertTrue(e?.message.contains("nested more than") ?? false, "\(String(describing: e))")
        XCTAssertEqual(e?.line, 1_926 + 5)
        var block = "\n- id: deep\n  figures:\n"
        for level in 0..<5_000 { block += String(repeating: " ", count: 4 + level) + "k:\n" }
        XCTAssertTrue(try loadError("Reports/events.yaml", { $0 + block })?.message.contains("nested") ?? false)
    }

    func testAYAMLSyntaxErrorGivesItsLineOnOneLine() throws {
        let e = try loadError("Reports/events.yaml", { $0 + "- id: x\n  date: [\n" })
        XCTAssertEqual(e?.line, 1_929)
        XCTAssertTrue(e?.message.hasPrefix("not valid YAML") ?? false, "\(String(describing: e))")
        XCTAssertFalse(e?.message.contains("\n") ?? true)
    }

    func testTheNestingBoundNeverRefusesTheShippedEventsAndAllowsModestNesting() throws {
        let text = try readText(repoRoot.appendingPathComponent("Reports/events.yaml"))
        XCTAssertNil(YAMLNesting.firstLineTooDeep(in: text))
        XCTAssertNil(YAMLNesting.firstLineTooDeep(in: "a: " + String(repeating: "[", count: 50) + String(repeating: "]", count: 50)))
        XCTAssertNil(YAMLNesting.firstLineTooDeep(in: "summary: 'a [quoted' [plain] bracket\nname: Qal'at [x\n"))
        XCTAssertEqual(YAMLNesting.firstLineTooDeep(in: "a: 1\nb: " + String(repeating: "{c: ", count: 300)), 2)
    }

    func testLettersInNumericColumnsAreErrors() throws {
        // Each used to fall back silently (a place at the anchor, population 0, rank 2, buffer 0).
        let cases: [(String, Int, String)] = [
            ("Gazetteer/places.tsv", 4, "latitude"), ("Gazetteer/places.tsv", 14, "population"),
            ("Gazetteer/places.tsv", 20, "rank"), ("Gazetteer/sites.tsv", 9, "lat"),
            ("Gazetteer/sites.tsv", 8, "offset_km"), ("Gazetteer/highways.tsv", 1, "seq"),
            ("Gazetteer/arabic.tsv", 2, "lon"),
        ]
        for (file, column, name) in cases {
            let e = try loadError(file, settingField(column, to: "abc"))
            XCTAssertTrue(e?.message.contains(name) ?? false, "\(file): \(String(describing: e))")
            XCTAssertNotNil(e?.line, file)
        }
    }

    func testAnEmptyOrGeometrylessBasemapLayerNamesTheFile() throws {
        let empty = #"{"type": "FeatureCollection", "features": []}"#
        for layer in ["land", "border", "sea", "rivers", "admin1"] {
            let e = try loadError("Gazetteer/basemap/\(layer).geojson", { _ in empty })
            XCTAssertTrue(e?.message.contains("no geometry") ?? false, "\(layer): \(String(describing: e))")
        }
        // Points where the border line should be: the wrong kind of geometry.
        let points = #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [36.5, 36.2]}}]}"#
        XCTAssertTrue(try loadError("Gazetteer/basemap/border.geojson", { _ in points })?.message.contains("no lines") ?? false)
        // A border that does not cross the land would make Turkey Syrian.
        let stub = #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[36.5, 36.2], [36.51, 36.21]]}}]}"#
        XCTAssertTrue(try loadError("Gazetteer/basemap/border.geojson", { _ in stub })?.message.contains("cut") ?? false)
    }

    func testBrokenGeoJSONSaysWhereWithoutGEOSInternals() throws {
        let e = try loadError("Gazetteer/basemap/lakes.geojson", { String($0.prefix(200)) })
        XCTAssertTrue(e?.message.hasPrefix("not valid GeoJSON") ?? false, "\(String(describing: e))")
        XCTAssertNotNil(e?.line)
        let ring = #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[36, 35], [36.1, 35.1], [36, 35]]]}}]}"#
        let bad = try loadError("Gazetteer/basemap/lakes.geojson", { _ in ring })
        XCTAssertTrue(bad?.message.hasPrefix("has an invalid polygon") ?? false, "\(String(describing: bad))")
        XCTAssertFalse(bad?.message.contains("Exception") ?? true, "\(String(describing: bad))")
    }

    func testInvalidUTF8InAnyDataFileNamesTheLine() throws {
        // "Hama" with a Latin-1 é (0xE9) on line 10 of control.tsv, as an editor saving in Latin-1 would.
        let e = try loadError("Reports/control.tsv", bytes: { b in
            var nth = 0
            guard let at = b.indices.first(where: { b[$0] == UInt8(ascii: "\n") && { nth += 1; return nth == 9 }() }) else { return b }
            var out = b
            out.insert(contentsOf: [0x48, 0xE9], at: at + 1)
            return out
        })
        XCTAssertEqual(e?.line, 10)
        XCTAssertEqual(e?.fix, "save the file as UTF-8")
    }

    func testARingBeyondReasonIsATypedErrorNotATrap() throws {
        let s = try Situation(at: day("2020-02-08"), in: shipped)
        let idlib = try XCTUnwrap(shipped.gazetteer.resolve("Idlib"))
        for km in [1e19, .infinity, .nan, 0, -3] {
            XCTAssertThrowsError(try Analysis(situation: s, rings: [(idlib, km)])) { e in
                guard case .ringRadius(let place, _)? = e as? AnalysisProblem else { return XCTFail("\(e)") }
                XCTAssertEqual(place, "Idlib")
            }
        }
    }
}
