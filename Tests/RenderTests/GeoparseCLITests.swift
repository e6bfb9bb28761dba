import Foundation
import XCTest

/// `mapgen geoparse` and batch `resolve` as a user runs them.
extension CLITests {
    func testGeoparseMarksAndResolvesAFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("geoparse-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        let text = "Convoys left Antakya for Saraqeb; وبسراقب قصف."
        try text.write(to: file, atomically: true, encoding: .utf8)
        let r = try run(["geoparse", file.path, "--json"])
        XCTAssertEqual(r.status, 0, r.err)
        let files = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
        let mentions = try XCTUnwrap(files.first?["mentions"] as? [[String: Any]])
        XCTAssertEqual(mentions.compactMap { $0["name"] as? String }, ["Antakya", "Saraqib", "Saraqib"])
        let scalars = Array(text.unicodeScalars)
        for m in mentions {
            let s = try XCTUnwrap(m["start"] as? Int), e = try XCTUnwrap(m["end"] as? Int)
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[s..<e])), m["text"] as? String)
        }
        XCTAssertEqual(mentions.last?["text"] as? String, "سراقب", "the proclitics وب are not part of the name")

        let plain = try run(["geoparse", file.path])
        XCTAssertTrue(plain.out.contains("[[Saraqeb]]"), plain.out)
    }

    func testGeoparseBadInputGetsOneLine() throws {
        let missing = try run(["geoparse", "/nonexistent/article.txt"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.err.hasPrefix("error: /nonexistent/article.txt"), missing.err)
        let lang = try run(["geoparse", "-", "--lang", "de"])
        XCTAssertEqual(lang.status, 64)
        XCTAssertTrue(lang.err.contains("--lang"), lang.err)
    }
}
