import CCairo
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import Geo
@testable import Render
@testable import Situation

let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let shipped: Theatre = try! Theatre.load(from: repoRoot)

final class RenderTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("mapgen-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func render(_ date: String, _ format: MapFormat, width: Int = 800, height: Int = 600) throws -> URL {
        let s = try Situation(at: Day(date)!, in: shipped)
        let url = dir.appendingPathComponent("\(date)-\(width).\(format.rawValue)")
        try MapDocument(situation: s, width: width, height: height).write(format, to: url)
        return url
    }

    func testPNGHasTheRequestedSizeAndRealContent() throws {
        let url = try render("2020-02-08", .png, width: 900, height: 700)
        let surface = cairo_image_surface_create_from_png(url.path)!
        defer { cairo_surface_destroy(surface) }
        XCTAssertEqual(cairo_surface_status(surface), CAIRO_STATUS_SUCCESS)
        XCTAssertEqual(cairo_image_surface_get_width(surface), 900)
        XCTAssertEqual(cairo_image_surface_get_height(surface), 700)
        cairo_surface_flush(surface)
        let rowBytes = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        var colours = Set<UInt32>()
        var nonWhite = 0
        for y in stride(from: 0, to: 700, by: 3) {
            for x in stride(from: 0, to: 900, by: 3) {
                let px = data.advanced(by: y * rowBytes + x * 4).withMemoryRebound(to: UInt32.self, capacity: 1) { $0.pointee } & 0xffffff
                colours.insert(px)
                if px != 0xffffff { nonWhite += 1 }
            }
        }
        XCTAssertGreaterThan(colours.count, 200, "a map, not a blank page")
        XCTAssertGreaterThan(Double(nonWhite) / Double(300 * 234), 0.5)
    }

    func testSVGIsWellFormedXMLWithTheTitle() throws {
        let url = try render("2020-02-08", .svg)
        let parser = XMLParser(contentsOf: url)!
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains("width=\"800px\"") || text.contains("width=\"800\""), String(text.prefix(300)))
        XCTAssertTrue(text.contains("<path") || text.contains("<use"))
    }

    func testMapsOfDifferentDatesDiffer() throws {
        let a = try Data(contentsOf: render("2020-02-06", .svg))
        let b = try Data(contentsOf: render("2020-02-09", .svg))
        XCTAssertNotEqual(a, b)
        // Cairo numbers glyph sets per process, so a second render in the same process may use
        // other ids; compare with the ids blanked. (Across runs the bytes are identical.)
        func normalised(_ d: Data) throws -> String {
            try NSRegularExpression(pattern: "(glyph|surface|clip|image|pattern|mask|source)[0-9]+(-[0-9]+)?")
                .stringByReplacingMatches(in: String(decoding: d, as: UTF8.self), range: NSRange(location: 0, length: d.count), withTemplate: "$1")
        }
        let a2 = try Data(contentsOf: render("2020-02-06", .svg))
        XCTAssertEqual(try normalised(a), try normalised(a2), "same inputs, same drawing")
    }

    func testNothingHalfWrittenIsLeftBehind() throws {
        _ = try render("2020-02-08", .png)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [])
    }

    func testLabelPlacerNeverOverlaps() {
        var placer = LabelPlacer(bounds: Rect(x: 0, y: 0, width: 200, height: 200))
        var placed: [Rect] = []
        for i in 0..<40 {
            let anchor = XY(Double(i % 7) * 25 + 20, Double(i / 7) * 30 + 20)
            if let at = placer.place(size: (40, 12), around: anchor, gap: 4) {
                let r = Rect(x: at.x, y: at.y, width: 40, height: 12)
                XCTAssertFalse(placed.contains { $0.intersects(r) })
                XCTAssertTrue(Rect(x: 0, y: 0, width: 200, height: 200).contains(r))
                placed.append(r)
            }
        }
        XCTAssertGreaterThan(placed.count, 10)
    }
}
