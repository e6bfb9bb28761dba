import Foundation
import XCTest
import Situation
@testable import Ingest

/// --apply on a scratch copy of the project's data: candidates merge into Reports/ and the
/// result loads with the project's loader; a bad candidate changes nothing.
final class ApplyTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("ingest-apply-\(UUID().uuidString)")
        try fm.createDirectory(at: root.appendingPathComponent("Reports"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(at: root.appendingPathComponent("Gazetteer"), withDestinationURL: packageRoot.appendingPathComponent("Gazetteer"))
        for item in ["theatre.yaml", "Styles"] {   // the default theatre's description and style
            try fm.createSymbolicLink(at: root.appendingPathComponent(item), withDestinationURL: packageRoot.appendingPathComponent(item))
        }
        for f in ["events.yaml", "control.tsv", "areas.tsv"] {
            try fm.copyItem(at: packageRoot.appendingPathComponent("Reports/\(f)"), to: root.appendingPathComponent("Reports/\(f)"))
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    func read(_ f: String) throws -> String { try String(contentsOf: root.appendingPathComponent("Reports/\(f)"), encoding: .utf8) }

    /// Candidates as a reviewer keeps them: written by ingest, read back.
    func candidates(_ text: String, outlet: String, published: String) throws -> Candidates {
        let r = Shared.ingester.ingest(text, meta: ArticleMeta(outlet: outlet, published: published, url: "https://example.org/a"))
        let yaml = CandidateFile.write(r.candidates)
        return try CandidateReader.read(yaml, file: "c.yaml")
    }

    func testNewEventsAndControlRowsAreAddedAndTheTheatreLoads() throws {
        let c = try candidates("""
        Syrian government forces took control of the town of Kafr Nabl on Tuesday, the Syrian Observatory for Human Rights said.

        Russian warplanes struck Ariha on Monday, killing at least 12 civilians, according to the White Helmets.
        """, outlet: "Test Wire", published: "2020-02-27")
        XCTAssertTrue(c.events.contains { $0.type == "strike" && $0.places == ["Ariha"] && $0.date.description == "2020-02-24" })
        XCTAssertTrue(c.control.contains { $0.place == "Kafr Nabl" && $0.holder == "government" })
        let before = try read("events.yaml")
        let result = try ReportsMerge.apply(c, dataRoot: root)
        XCTAssertTrue(result.log.contains { $0.hasPrefix("added event 2020-02-24-strike-ariha") }, result.log.joined(separator: "\n"))
        XCTAssertTrue(result.log.contains { $0.hasPrefix("added control row: Kafr Nabl government on 2020-02-25") })
        let after = try read("events.yaml")
        XCTAssertTrue(after.contains("- id: 2020-02-24-strike-ariha\n  date: '2020-02-24'\n  time: null\n  precision: day\n  type: strike"))
        XCTAssertTrue(after.hasPrefix(before.components(separatedBy: "\n- id:")[0]))   // header kept
        let theatre = try Theatre.load(from: root)
        let e = try XCTUnwrap(theatre.events.first { $0.id == "2020-02-24-strike-ariha" })
        XCTAssertEqual(e.figures["civilians_killed"], "12")
        XCTAssertEqual(e.sources.first?.attributedTo, "White Helmets")
        // Applying again adds nothing.
        let again = try ReportsMerge.apply(c, dataRoot: root)
        XCTAssertFalse(again.log.contains { $0.hasPrefix("added") })
    }

    func testASecondOutletBecomesASourceAndDisagreeingFiguresBecomeClaims() throws {
        // The 6 Feb strikes on Idlib city are in Reports/ with 10 civilians killed (The New Arab).
        let c = try candidates("Russian air strikes on Idlib city on Thursday killed 14 civilians, SOHR said.",
                               outlet: "Second Outlet", published: "2020-02-07")
        let result = try ReportsMerge.apply(c, dataRoot: root)
        XCTAssertTrue(result.log.contains { $0.hasPrefix("merged into 2020-02-06-russian-strikes-idlib-city") && $0.contains("claim civilians_killed 14 beside 10") },
                      result.log.joined(separator: "\n"))
        let theatre = try Theatre.load(from: root)
        let e = try XCTUnwrap(theatre.events.first { $0.id == "2020-02-06-russian-strikes-idlib-city" })
        XCTAssertEqual(e.sources.map(\.outlet), ["The New Arab", "Second Outlet"])
        XCTAssertNil(e.figures["civilians_killed"])
        XCTAssertEqual(Set(e.claims.compactMap { $0.figures["civilians_killed"] }), ["10", "14"])
    }

    func testAnInvalidCandidateChangesNothing() throws {
        let before = try read("events.yaml"), controlBefore = try read("control.tsv")
        var c = try candidates("Russian warplanes struck Ariha on Monday.", outlet: "Test Wire", published: "2020-02-27")
        XCTAssertFalse(c.events.isEmpty)
        c.events[0].places = ["Saraqep Nowhere"]
        XCTAssertThrowsError(try ReportsMerge.apply(c, dataRoot: root)) { e in
            XCTAssertTrue("\(e)".contains("unknown place \"Saraqep Nowhere\""), "\(e)")
        }
        c = try candidates("Russian warplanes struck Ariha on Monday.", outlet: "Test Wire", published: "2020-02-27")
        c.events[0].date = Day("2020-03-01")!
        XCTAssertThrowsError(try ReportsMerge.apply(c, dataRoot: root)) { e in
            XCTAssertTrue("\(e)".contains("after its source was published"), "\(e)")
        }
        XCTAssertEqual(try read("events.yaml"), before)
        XCTAssertEqual(try read("control.tsv"), controlBefore)
    }

    func testRejectedCandidatesAreLeftOut() throws {
        let text = """
        events:
        - id: 2020-02-24-strike-ariha
          date: '2020-02-24'
          precision: day
          type: strike
          actor: Russian aircraft
          places:
          - Ariha
          summary: Air strikes at Ariha.
          sources:
          - outlet: Test Wire
            published: '2020-02-27'
            attributed_to: SOHR
          status: rejected
        control: []
        """
        let c = try CandidateReader.read(text, file: "c.yaml")
        XCTAssertTrue(c.events.isEmpty)
    }
}
