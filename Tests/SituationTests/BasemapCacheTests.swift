import Foundation
import XCTest
import Geo
@testable import Situation

/// The built basemap kept in `.mapgen-cache` must be the basemap built from the files, layer for
/// layer, and be built again after any edit of a file it comes from, or when damaged.
final class BasemapCacheTests: XCTestCase {
    var root: URL!

    /// theatre.yaml and the gazetteer, its basemap folder copied (so that a test may edit it).
    override func setUpWithError() throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("mapgen-basemap-\(UUID().uuidString)")
        let gaz = root.appendingPathComponent("Gazetteer")
        try fm.createDirectory(at: gaz, withIntermediateDirectories: true)
        for item in try fm.contentsOfDirectory(atPath: repoRoot.appendingPathComponent("Gazetteer").path) {
            let src = repoRoot.appendingPathComponent("Gazetteer/\(item)")
            if item == "basemap" { try fm.copyItem(at: src, to: gaz.appendingPathComponent(item)) }
            else { try fm.createSymbolicLink(at: gaz.appendingPathComponent(item), withDestinationURL: src) }
        }
        try fm.copyItem(at: repoRoot.appendingPathComponent("theatre.yaml"), to: root.appendingPathComponent("theatre.yaml"))
        // theatre.yaml names its style and event kinds files there.
        try fm.createSymbolicLink(at: root.appendingPathComponent("Styles"), withDestinationURL: repoRoot.appendingPathComponent("Styles"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    func testTheCachedBasemapIsTheBuiltOneAndFollowsEdits() throws {
        let d = try TheatreDescription.load(folder: root)
        let projection = try d.makeProjection()
        let built = try Theatre.loadBasemap(d, projection: projection)
        var builds = 0
        func load() throws -> Basemap {
            try BasemapCache.load(d, projection: projection) { builds += 1; return try Theatre.loadBasemap(d, projection: projection) }
        }
        func assertSame(_ b: Basemap, _ message: String, line: UInt = #line) {
            let (x, y) = (BasemapCache.layers(b), BasemapCache.layers(built))
            XCTAssertEqual(x.count, y.count, message, line: line)
            for (i, (g, h)) in zip(x, y).enumerated() { XCTAssertTrue(g == h, "\(message): layer \(i)", line: line) }
        }
        assertSame(try load(), "first load builds")
        XCTAssertEqual(builds, 1)
        assertSame(try load(), "second load reads the file")
        XCTAssertEqual(builds, 1, "and does not build")

        // Any byte of a layer's file changes the key: a new build.
        let rivers = root.appendingPathComponent("Gazetteer/basemap/rivers.geojson")
        try (try Data(contentsOf: rivers) + Data(" \n".utf8)).write(to: rivers)
        assertSame(try load(), "after an edit")
        XCTAssertEqual(builds, 2)

        // A damaged file is not trusted.
        let cache = root.appendingPathComponent(".mapgen-cache")
        for name in try FileManager.default.contentsOfDirectory(atPath: cache.path) where name.hasPrefix("basemap-") {
            let url = cache.appendingPathComponent(name)
            var bytes = try Data(contentsOf: url)
            bytes[bytes.count - 10] ^= 0x01
            try bytes.write(to: url)
            XCTAssertNil(BasemapCache.decode(bytes))
        }
        assertSame(try load(), "damaged")
        XCTAssertEqual(builds, 3)

        // The shipped basemap declares no other sources, so it has a key (it is cached).
        XCTAssertNotNil(BasemapCache.key(d, projection: projection))
    }
}
