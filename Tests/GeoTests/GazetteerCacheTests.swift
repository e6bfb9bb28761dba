import Foundation
import XCTest
@testable import Geo

/// The compiled gazetteer (`.mapgen-cache/gazetteer-<key>.bin`) must be the parsed one, place for
/// place and key for key, follow every edit of the text, and never trust a damaged file.
final class GazetteerCacheTests: XCTestCase {
    var root: URL!
    var gazDir: URL { root.appendingPathComponent("Gazetteer") }
    var cache: URL { root.appendingPathComponent(".mapgen-cache") }

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mapgen-gazcache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: gazDir, withIntermediateDirectories: true)
        for f in ["places.tsv", "arabic.tsv"] {
            try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("Gazetteer/\(f)"), to: gazDir.appendingPathComponent(f))
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    func files() -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []).filter { $0.hasPrefix("gazetteer-") }
            .sorted().map { cache.appendingPathComponent($0) }
    }

    func assertSame(_ a: Gazetteer, _ b: Gazetteer, _ message: String, line: UInt = #line) {
        XCTAssertEqual(a.places, b.places, message, line: line)
        XCTAssertEqual(a.byKey, b.byKey, message, line: line)
        XCTAssertEqual(a.resolve("Saraqib")?.id, b.resolve("Saraqib")?.id, message, line: line)
    }

    func testTheCompiledGazetteerIsTheParsedOne() throws {
        let parsed = try Gazetteer.load(directory: gazDir)
        XCTAssertGreaterThan(parsed.places.filter { $0.arabic != nil }.count, 0)
        assertSame(try Gazetteer.load(directory: gazDir, cacheFolder: cache), parsed, "first run parses")
        XCTAssertEqual(files().count, 1, "and keeps the result")
        let data = try Data(contentsOf: files()[0])
        assertSame(try XCTUnwrap(GazetteerCache.decode(data)), parsed, "the file holds the parsed gazetteer")
        assertSame(try Gazetteer.load(directory: gazDir, cacheFolder: cache), parsed, "second run reads it")
    }

    func testAnEditIsSeenAndADamagedFileIgnored() throws {
        _ = try Gazetteer.load(directory: gazDir, cacheFolder: cache)
        // Rename a place in the text: the next load must show the new name.
        let places = gazDir.appendingPathComponent("places.tsv")
        let text = try String(contentsOf: places, encoding: .utf8)
        try text.replacingOccurrences(of: "\tSaraqib\t", with: "\tSaraqib Test\t").write(to: places, atomically: true, encoding: .utf8)
        let edited = try Gazetteer.load(directory: gazDir, cacheFolder: cache)
        XCTAssertNotNil(edited.resolve("Saraqib Test"))
        assertSame(edited, try Gazetteer.load(directory: gazDir), "after the edit")
        XCTAssertEqual(files().count, 2, "the edited text has its own file")

        // An edit of arabic.tsv too.
        let arabic = gazDir.appendingPathComponent("arabic.tsv")
        try FileManager.default.removeItem(at: arabic)
        assertSame(try Gazetteer.load(directory: gazDir, cacheFolder: cache), try Gazetteer.load(directory: gazDir), "without arabic.tsv")

        // Damage every file: the loads parse again, with the same result.
        for url in files() {
            var bytes = try Data(contentsOf: url)
            bytes[bytes.count / 2] ^= 0x20
            try bytes.write(to: url)
            XCTAssertNil(GazetteerCache.decode(bytes))
        }
        assertSame(try Gazetteer.load(directory: gazDir, cacheFolder: cache), try Gazetteer.load(directory: gazDir), "damaged")
    }

    func testAnErrorInTheTextIsNeverHiddenNorKept() throws {
        let places = gazDir.appendingPathComponent("places.tsv")
        try (try String(contentsOf: places, encoding: .utf8) + "1\tBad\tBad\t\t95\t36\tP\tPPL\tSY\n").write(to: places, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Gazetteer.load(directory: gazDir, cacheFolder: cache))
        XCTAssertEqual(files(), [], "nothing kept for a text with an error")
        // A cache folder whose parent does not exist gets nothing, and the gazetteer all the same.
        let nowhere = root.appendingPathComponent("absent/.mapgen-cache")
        try FileManager.default.removeItem(at: places)
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("Gazetteer/places.tsv"), to: places)
        assertSame(try Gazetteer.load(directory: gazDir, cacheFolder: nowhere), try Gazetteer.load(directory: gazDir), "no folder")
        XCTAssertFalse(FileManager.default.fileExists(atPath: nowhere.path))
    }
}
