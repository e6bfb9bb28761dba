import Foundation
import XCTest

/// `mapgen series` as a user runs it: a few dates, so the suite stays fast.
final class SeriesTests: XCTestCase {
    func folder(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mapgen-series-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func testSeriesWritesEveryDateTheSameBytesAsMapASheetAndAnAnimation() throws {
        let out = try folder("run")
        let r = try MapgenProcess.run(["series", "--from", "2020-02-05", "--to", "2020-02-09", "--every", "2",
                                       "--animate", "gif", "--frame-width", "400", "--out", out.path])
        XCTAssertEqual(r.status, 0, r.err)
        let dir = out.appendingPathComponent("series-2020-02-05_2020-02-09-every-2")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        XCTAssertEqual(names, ["animation.gif", "contact-sheet.png",
                               "map-2020-02-05.png", "map-2020-02-05.svg", "map-2020-02-07.png", "map-2020-02-07.svg",
                               "map-2020-02-09.png", "map-2020-02-09.svg"])
        // Nothing in the out folder itself: a series never writes `map`'s DATE.svg.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), [dir.lastPathComponent])
        // Not a terminal here: one progress line per date.
        XCTAssertEqual(r.err.split(separator: "\n").filter { $0.hasPrefix("map ") }.count, 3, r.err)
        XCTAssertTrue(r.err.contains("map 3/3: "), r.err)

        // The last date of the series (drawn after two others in the same process) is
        // byte-identical to a `map` run of that date.
        let single = try folder("map")
        let m = try MapgenProcess.run(["map", "--date", "2020-02-09", "--out", single.path])
        XCTAssertEqual(m.status, 0, m.err)
        for ext in ["svg", "png"] {
            let a = try Data(contentsOf: single.appendingPathComponent("2020-02-09.\(ext)"))
            let b = try Data(contentsOf: dir.appendingPathComponent("map-2020-02-09.\(ext)"))
            XCTAssertEqual(a, b, "\(ext) of the series differs from map's")
        }
        // The maps differ from date to date (control changes between 5 and 9 Feb).
        XCTAssertNotEqual(try Data(contentsOf: dir.appendingPathComponent("map-2020-02-05.png")),
                          try Data(contentsOf: dir.appendingPathComponent("map-2020-02-09.png")))

        // The animation: GIF89a, 400 px wide, one frame (graphic control block) per date.
        let gif = [UInt8](try Data(contentsOf: dir.appendingPathComponent("animation.gif")))
        XCTAssertEqual(Array(gif.prefix(6)), Array("GIF89a".utf8))
        XCTAssertEqual(Int(gif[6]) | Int(gif[7]) << 8, 400)
        XCTAssertEqual(Int(gif[8]) | Int(gif[9]) << 8, 300)
        var controls = 0
        for i in 0..<(gif.count - 3) where gif[i] == 0x21 && gif[i + 1] == 0xF9 && gif[i + 2] == 4 { controls += 1 }
        XCTAssertGreaterThanOrEqual(controls, 3)
        XCTAssertEqual(gif.last, 0x3B, "GIF trailer")

        // The contact sheet: a PNG wider than two thumbnails.
        let sheet = [UInt8](try Data(contentsOf: dir.appendingPathComponent("contact-sheet.png")))
        XCTAssertEqual(Array(sheet.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        let width = sheet[16..<20].reduce(0) { $0 << 8 | Int($1) }
        XCTAssertGreaterThan(width, 480)
    }

    func testAWebPAnimationHasAFrameForEveryDate() throws {
        let out = try folder("webp")
        let r = try MapgenProcess.run(["series", "--from", "2020-02-06", "--to", "2020-02-08", "--format", "",
                                       "--animate", "webp", "--frame-width", "400", "--out", out.path])
        XCTAssertEqual(r.status, 0, r.err)
        let dir = out.appendingPathComponent("series-2020-02-06_2020-02-08")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["animation.webp", "contact-sheet.png"])
        let webp = [UInt8](try Data(contentsOf: dir.appendingPathComponent("animation.webp")))
        XCTAssertEqual(Array(webp[0..<4]), Array("RIFF".utf8))
        XCTAssertEqual(Array(webp[8..<12]), Array("WEBP".utf8))
        XCTAssertEqual(Int(webp[4]) | Int(webp[5]) << 8 | Int(webp[6]) << 16 | Int(webp[7]) << 24, webp.count - 8, "RIFF size")
        // One ANMF chunk per date.
        let anmf = Array("ANMF".utf8)
        let frames = (0..<(webp.count - 4)).filter { Array(webp[$0..<$0 + 4]) == anmf }.count
        XCTAssertEqual(frames, 3)
    }

    func testBadRangesAndOptionsAreUsageErrors() throws {
        let out = try folder("bad")
        for (args, says) in [(["--from", "2020-02-09", "--to", "2020-02-05"], "--from"),
                             (["--from", "2020-02-05", "--to", "2020-02-09", "--animate", "mp4"], "--animate"),
                             (["--from", "2020-02-05", "--to", "2020-02-09", "--every", "0"], "--every"),
                             (["--from", "2019-01-01", "--to", "2020-02-09"], "366")] {
            let r = try MapgenProcess.run(["series"] + args + ["--out", out.path])
            XCTAssertEqual(r.status, 64, "\(args): \(r.err)")
            XCTAssertTrue(r.err.hasPrefix("error: ") && r.err.contains(says), "\(args): \(r.err)")
            XCTAssertFalse(r.crashed)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), [])
    }
}
