import Foundation
import XCTest

/// The command line as a user runs it: the built `mapgen` beside the test bundle.
final class CLITests: XCTestCase {
    var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("mapgen")
    }

    @discardableResult
    func run(_ args: [String], in dir: URL? = nil) throws -> (status: Int32, out: String, err: String) {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw XCTSkip("mapgen is not built beside the tests (\(binary.path))")
        }
        let p = Process()
        p.executableURL = binary
        p.arguments = args + ["--data", repoRoot.path]
        p.currentDirectoryURL = dir ?? FileManager.default.temporaryDirectory
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func testTheSameCommandTwiceGivesIdenticalBytesInEveryFormat() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("mapgen-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        for run in ["a", "b"] {
            let r = try self.run(["map", "--date", "2020-02-08", "--format", "svg,png,pdf", "--size", "800x600",
                                  "--out", base.appendingPathComponent(run).path])
            XCTAssertEqual(r.status, 0, r.err)
        }
        for ext in ["svg", "png", "pdf"] {
            let a = try Data(contentsOf: base.appendingPathComponent("a/2020-02-08.\(ext)"))
            let b = try Data(contentsOf: base.appendingPathComponent("b/2020-02-08.\(ext)"))
            XCTAssertEqual(a, b, ext)
            XCTAssertGreaterThan(a.count, 10_000, ext)
        }
    }

    func testResolveAnswersAndSuggests() throws {
        let ok = try run(["resolve", "Saraqeb", "Kafr Lusin", "Al-Mastoumah", "Binnish", "Sarmin", "Taftanaz", "--json"])
        XCTAssertEqual(ok.status, 0, ok.err)
        let rows = try JSONSerialization.jsonObject(with: Data(ok.out.utf8)) as! [[String: Any]]
        XCTAssertEqual(rows.map { $0["name"] as? String }, ["Saraqib", "Kafr Lusin", "Al-Mastumah", "Binnish", "Sarmin", "Taftanaz"])
        let unknown = try run(["resolve", "Saraqiz"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.out.contains("did you mean \"Saraqib\""), unknown.out)
    }

    func testBadInputGetsAClearMessageNotATrace() throws {
        let early = try run(["map", "--date", "2016-01-01", "--format", "png"])
        XCTAssertEqual(early.status, 1)
        XCTAssertTrue(early.err.hasPrefix("error: no data for 2016-01-01"), early.err)
        let malformed = try run(["map", "--date", "2020-2-8"])
        XCTAssertNotEqual(malformed.status, 0)
        XCTAssertTrue(malformed.err.contains("--date"), malformed.err)
        let reversed = try run(["diff", "2020-02-09", "2020-02-06", "--format", ""])
        XCTAssertNotEqual(reversed.status, 0)
        XCTAssertTrue(reversed.err.contains("mapgen diff 2020-02-06 2020-02-09"), reversed.err)
    }
}
