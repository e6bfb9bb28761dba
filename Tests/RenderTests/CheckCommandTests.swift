import Foundation
import XCTest

/// `mapgen check` on the shipped data: one line whose counts agree with the files themselves.
final class CheckCommandTests: XCTestCase {
    func lines(_ file: String) throws -> [Substring] {
        try String(decoding: Data(contentsOf: repoRoot.appendingPathComponent(file)), as: UTF8.self)
            .split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }

    func testCheckSummarisesTheShippedData() throws {
        let r = try MapgenProcess.run(["check"])
        XCTAssertEqual(r.status, 0, r.err)
        let grouped = { (n: Int) in n.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US"))) }
        let expected = "ok: \(grouped(try lines("Gazetteer/places.tsv").count)) places, "
            + "\(try lines("Gazetteer/sites.tsv").count - 1) posts, "
            + "\(try lines("Reports/events.yaml").filter { $0.hasPrefix("- id:") }.count) events, "
            + "\(grouped(try lines("Reports/control.tsv").count - 1)) control claims, "
            + "\(try lines("Reports/areas.tsv").count - 1) area claims, basemap 8 layers, "
            + "reading: \(try lines("Reading/parties.tsv").count - 1) parties\n"
        XCTAssertEqual(r.out, expected)
        XCTAssertEqual(r.err, "")
    }

    func testCheckNamesTheFileLineAndFixOfAProblem() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mapgen-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for dir in ["Gazetteer", "Reports", "Styles", "theatre.yaml"] {
            try FileManager.default.copyItem(at: repoRoot.appendingPathComponent(dir), to: root.appendingPathComponent(dir))
        }
        let areas = root.appendingPathComponent("Reports/areas.tsv")
        var rows = String(decoding: try Data(contentsOf: areas), as: UTF8.self).components(separatedBy: "\n")
        var fields = rows[1].components(separatedBy: "\t")
        fields[4] = "-3"
        rows[1] = fields.joined(separator: "\t")
        try Data(rows.joined(separator: "\n").utf8).write(to: areas)
        let r = try MapgenProcess.run(["check"], data: root)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.out, "")
        XCTAssertTrue(r.err.hasPrefix("error: "), r.err)
        XCTAssertTrue(r.err.contains("Reports/areas.tsv:2: buffer_km is \"-3\""), r.err)
        XCTAssertTrue(r.err.contains("\n  fix: "), r.err)

        // The event kinds file is checked too: a colour no style has, at its line.
        try FileManager.default.removeItem(at: areas)
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("Reports/areas.tsv"), to: areas)
        let kinds = root.appendingPathComponent("Styles/event-kinds.yaml")
        let text = String(decoding: try Data(contentsOf: kinds), as: UTF8.self)
        try Data(text.replacingOccurrences(of: "colour: convoy}", with: "colour: convoi}").utf8).write(to: kinds)
        let k = try MapgenProcess.run(["check"], data: root)
        XCTAssertEqual(k.status, 1, k.out)
        XCTAssertTrue(k.err.contains("Styles/event-kinds.yaml:"), k.err)
        XCTAssertTrue(k.err.contains("event kind \"convoy\": colour \"convoi\" is not a style colour key"), k.err)
    }

    func testCheckRefusesAPartyHoldingForNoSide() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mapgen-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for dir in ["Gazetteer", "Reports", "Styles", "theatre.yaml", "Lexicon", "Reading"] {
            try FileManager.default.copyItem(at: repoRoot.appendingPathComponent(dir), to: root.appendingPathComponent(dir))
        }
        let parties = root.appendingPathComponent("Reading/parties.tsv")
        let text = String(decoding: try Data(contentsOf: parties), as: UTF8.self)
        try Data(text.replacingOccurrences(of: "\nopposition\topposition", with: "\nopposition\trebels").utf8).write(to: parties)
        let r = try MapgenProcess.run(["check"], data: root)
        XCTAssertEqual(r.status, 1, r.out)
        XCTAssertTrue(r.err.hasPrefix("error: ") && r.err.contains("Reading/parties.tsv: party opposition holds for \"rebels\", which is not a side of theatre.yaml"), r.err)
        XCTAssertTrue(r.err.contains("fix: use one of: government, opposition"), r.err)
    }
}
