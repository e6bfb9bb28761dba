import Exchange
import Foundation
import VectorIO
import XCTest

/// `mapgen export` and `mapgen import acled` as a user runs them (the built binary beside the tests).
final class ExportCLITests: XCTestCase {
    func run(_ args: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: Data, err: String) {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("mapgen")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw XCTSkip("mapgen is not built beside the tests (\(binary.path))")
        }
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let errFile = try scratch(self).appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: errFile.path, contents: nil)
        let out = Pipe()
        p.standardOutput = out
        p.standardError = try FileHandle(forWritingTo: errFile)
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, o, try String(contentsOf: errFile, encoding: .utf8))
    }

    func testOneLayerToStandardOutputReadsBack() throws {
        let r = try run(["export", "--date", "2020-02-08", "--format", "geojson", "--layer", "sites", "--out", "-",
                         "--data", repoRoot.path])
        XCTAssertEqual(r.status, 0, r.err)
        let layer = try XCTUnwrap(VectorDataset.read(r.out, fileExtension: "geojson").layers.first)
        XCTAssertEqual(layer.name, "sites")
        XCTAssertEqual(layer.features.first { $0["id"] == "O1" }?["name"], "Salwa")
        // Several layers cannot go to one GeoJSON stream: a usage error says what to add.
        let many = try run(["export", "--date", "2020-02-08", "--format", "geojson", "--out", "-", "--data", repoRoot.path])
        XCTAssertEqual(many.status, 64)
        XCTAssertTrue(many.err.contains("--layer"), many.err)
    }

    /// GDAL is loaded at first use, not linked: a map runs without it, and a command that needs
    /// it, when the library cannot be loaded, says so in one line that names the command and
    /// the package to install.
    func testMissingGDALIsOneLineNamingCommandAndPackage() throws {
        let out = try scratch(self)
        let missing = ["MAPGEN_GDAL_LIBRARY": "/nonexistent/libgdal.so"]
        let r = try run(["export", "--date", "2020-02-08", "--format", "gpkg", "--out", out.appendingPathComponent("x.gpkg").path,
                         "--data", repoRoot.path], environment: missing)
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertEqual(r.err.split(separator: "\n").count, 1, r.err)
        XCTAssertTrue(r.err.hasPrefix("error: mapgen export: GDAL is not installed"), r.err)
        XCTAssertTrue(r.err.contains("apt-get install libgdal-dev"), r.err)
        let map = try run(["--date", "2020-02-08", "--format", "svg", "--out", out.path, "--data", repoRoot.path], environment: missing)
        XCTAssertEqual(map.status, 0, map.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("2020-02-08.svg").path), map.err)
    }

    func testFilesAreByteStableAndOneLayerFormatsSplit() throws {
        let dir = try scratch(self)
        for name in ["a", "b"] {
            let r = try run(["export", "--date", "2020-02-08", "--format", "gpkg", "--out", dir.appendingPathComponent("\(name).gpkg").path,
                             "--data", repoRoot.path])
            XCTAssertEqual(r.status, 0, r.err)
        }
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("a.gpkg")), try Data(contentsOf: dir.appendingPathComponent("b.gpkg")))
        let r = try run(["export", "--date", "2020-02-08", "--format", "fgb", "--out", dir.appendingPathComponent("s.fgb").path,
                         "--data", repoRoot.path])
        XCTAssertEqual(r.status, 0, r.err)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("s.") }.sorted()
        XCTAssertEqual(files, SituationLayers.layerNames.map { "s.\($0).fgb" }.sorted())
        XCTAssertEqual(try VectorDataset.read(dir.appendingPathComponent("s.front_line.fgb")).layers.first?.geometry, .multiLineString)
    }

    func testBadACLEDFileIsOneLineAndExitOne() throws {
        let root = try dataRoot(self)
        let bad = try scratch(self).appendingPathComponent("acled.csv")
        try String(contentsOf: fixtures.appendingPathComponent("acled-idlib-fixture.csv"), encoding: .utf8)
            .replacingOccurrences(of: "36.13907,36.82504", with: "96.13907,36.82504").write(to: bad, atomically: true, encoding: .utf8)
        let r = try run(["import", "acled", bad.path, "--data", root.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.hasPrefix("error: ") && r.err.contains("acled.csv:9: column 23 (latitude)"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("Reports/acled.tsv").path))
    }
}
