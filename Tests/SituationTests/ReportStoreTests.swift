import Foundation
import XCTest
import Geo
@testable import Situation

/// The report store (`.mapgen-cache/reports.sqlite`) must give the maps the text gives, follow
/// every edit of the text, and never trust a damaged file.
final class ReportStoreTests: XCTestCase {
    var root: URL!

    /// A copy of the shipped reports and theatre.yaml (the gazetteer and styles linked) in a folder of its own, so each test
    /// builds its own store.
    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mapgen-store-\(UUID().uuidString)")
        let reports = root.appendingPathComponent("Reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        for linked in ["Gazetteer", "Styles"] {
            try FileManager.default.createSymbolicLink(at: root.appendingPathComponent(linked),
                                                       withDestinationURL: repoRoot.appendingPathComponent(linked))
        }
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("theatre.yaml"),
                                         to: root.appendingPathComponent("theatre.yaml"))
        for f in ["events.yaml", "control.tsv", "areas.tsv"] {
            try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("Reports/\(f)"),
                                             to: reports.appendingPathComponent(f))
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    var storeURL: URL { root.appendingPathComponent(ReportSource.storePath) }

    func window(_ d: String) -> DayWindow { DayWindow(last: day(d), days: 3) }

    /// The store's slice for a window, or nil when the store is missing or was built from other files.
    func storedSlice(_ d: String) throws -> TheatreReports? {
        try ReportStore.read(storeURL, key: ReportStore.fingerprint(ReportSource.sourceFiles(root)), window: window(d),
                             gazetteer: shipped.gazetteer, kinds: shipped.description.eventKinds, sides: shipped.sides,
                             eventsFile: "Reports/events.yaml", importedFile: "Reports/acled.tsv")
    }

    func analysisJSON(_ theatre: Theatre, _ d: String) throws -> String {
        try Analysis(situation: Situation(at: day(d), in: theatre, windowDays: 3)).json.encoded(indent: 2)
    }

    func testMapsFromTheStoreAreTheMapsFromTheText() throws {
        XCTAssertNil(try storedSlice("2020-02-08"), "no store before the first load")
        _ = try Theatre.load(from: root, showing: window("2020-02-08"))   // builds the store
        for d in ["2020-02-03", "2020-02-08", "2020-02-28"] {
            let slice = try XCTUnwrap(try storedSlice(d), "the store answers for \(d)")
            // The slice is much smaller than the history, yet the analysis is the same, byte for byte.
            XCTAssertLessThan(slice.control.claims.count, shipped.control.claims.count)
            XCTAssertEqual(slice.lastDay, shipped.lastReportedDay ?? shipped.events.map(\.date).max())
            let fromStore = try Theatre.load(from: root, showing: window(d))
            let fromText = try Theatre.load(from: root)
            XCTAssertEqual(fromStore.events.map(\.line), fromText.events.filter { window(d).contains($0.date) }.map(\.line))
            XCTAssertEqual(try analysisJSON(fromStore, d), try analysisJSON(fromText, d), d)
            XCTAssertEqual(fromStore.controlClaimRows, fromText.controlClaimRows)
            XCTAssertEqual(fromStore.control.firstDay, fromText.control.firstDay)
        }
    }

    func testEditingControlRebuildsTheStore() throws {
        let d = "2020-02-08"
        _ = try Theatre.load(from: root, showing: window(d))
        XCTAssertNotNil(try storedSlice(d))
        let saraqib = try XCTUnwrap(shipped.gazetteer.resolve("Saraqib"))
        let before = try XCTUnwrap(shipped.control.holders(asOf: day(d))[saraqib.id]?.holder)
        let other: Side = before == .government ? .opposition : .government
        let control = root.appendingPathComponent("Reports/control.tsv")
        let row = "\(d)\tSaraqib\t\(saraqib.id)\t\(other.rawValue)\tstate\thigh\tTest\t\(d)\tTest\t\ttest edit\n"
        try (try String(contentsOf: control, encoding: .utf8) + row).write(to: control, atomically: true, encoding: .utf8)

        XCTAssertNil(try storedSlice(d), "the old store does not match the edited text")
        let edited = try Theatre.load(from: root, showing: window(d))
        XCTAssertEqual(edited.control.holders(asOf: day(d))[saraqib.id]?.holder, other)
        let slice = try XCTUnwrap(try storedSlice(d), "the store was rebuilt from the edited text")
        XCTAssertEqual(slice.control.holders(asOf: day(d))[saraqib.id]?.holder, other)
    }

    func testACorruptStoreIsRebuiltNotTrusted() throws {
        let d = "2020-02-08"
        _ = try Theatre.load(from: root, showing: window(d))
        // Keep the SQLite header but overwrite the pages: the file claims to be a store and is not one.
        var bytes = try Data(contentsOf: storeURL)
        bytes.replaceSubrange(100..<bytes.count, with: Data(repeating: 0x5a, count: bytes.count - 100))
        try bytes.write(to: storeURL)
        XCTAssertThrowsError(try storedSlice(d))

        let theatre = try Theatre.load(from: root, showing: window(d))
        XCTAssertEqual(try analysisJSON(theatre, d), try analysisJSON(try Theatre.load(from: root), d))
        XCTAssertNotNil(try storedSlice(d), "the store was rebuilt")
    }

    func testTheFingerprintFollowsTheBytes() throws {
        let files = ReportSource.sourceFiles(root)
        let key = ReportStore.fingerprint(files)
        XCTAssertEqual(ReportStore.fingerprint(files), key)
        let areas = root.appendingPathComponent("Reports/areas.tsv")
        try (try String(contentsOf: areas, encoding: .utf8) + "# a comment\n").write(to: areas, atomically: true, encoding: .utf8)
        XCTAssertNotEqual(ReportStore.fingerprint(files), key)
    }

    /// The Voronoi cells kept beside the store are the cells GEOS computes, for exactly the sites
    /// asked about: other sites are another file, and a damaged file is computed again.
    func testVoronoiCellsFromTheCacheAreTheComputedOnes() throws {
        let held = shipped.control.holders(asOf: day("2020-02-08")).keys.sorted()
        let sites = try held.compactMap { shipped.gazetteer.place(id: $0) }.filter { $0.country == shipped.country }
            .map { try shipped.point(of: $0) }
        let v = shipped.view
        let extent = Rect(minX: v.minX - 40_000, minY: v.minY - 40_000, maxX: v.maxX + 40_000, maxY: v.maxY + 40_000)
        let cacheDir = root.appendingPathComponent(".mapgen-cache")
        func files() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: cacheDir.path)) ?? []).filter { $0.hasPrefix("voronoi-") }.sorted()
        }
        func same(_ a: [(site: Int, cell: Geometry)], _ b: [(site: Int, cell: Geometry)]) -> Bool {
            a.count == b.count && zip(a, b).allSatisfy { $0.site == $1.site && $0.cell == $1.cell }
        }
        let computed = try Geometry.voronoiCells(sites: sites, extent: extent)
        XCTAssertTrue(same(try VoronoiCache.cells(sites: sites, extent: extent, theatreFolder: root), computed))
        XCTAssertEqual(files().count, 1, "the cells were kept")
        XCTAssertTrue(same(try VoronoiCache.cells(sites: sites, extent: extent, theatreFolder: root), computed), "read back")

        // One site fewer: another key, another file, the cells of those sites.
        let fewer = Array(sites.dropFirst())
        XCTAssertTrue(same(try VoronoiCache.cells(sites: fewer, extent: extent, theatreFolder: root),
                           try Geometry.voronoiCells(sites: fewer, extent: extent)))
        XCTAssertEqual(files().count, 2)

        // A damaged file (one byte changed in the cells) is not trusted.
        for name in files() {
            let url = cacheDir.appendingPathComponent(name)
            var bytes = try Data(contentsOf: url)
            bytes[bytes.count / 2] ^= 0x40
            try bytes.write(to: url)
        }
        XCTAssertTrue(same(try VoronoiCache.cells(sites: sites, extent: extent, theatreFolder: root), computed))

        // A theatre folder that does not exist gets no cache, and the cells all the same.
        let nowhere = root.appendingPathComponent("absent")
        XCTAssertTrue(same(try VoronoiCache.cells(sites: sites, extent: extent, theatreFolder: nowhere), computed))
        XCTAssertFalse(FileManager.default.fileExists(atPath: nowhere.path))
    }
}

