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

final class EmbeddingTests: XCTestCase {
    func render(_ format: MapFormat, configure: (inout MapDocument) -> Void = { _ in }) throws -> Data {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mapgen-embed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var doc = try MapDocument(situation: try Situation(at: Day("2020-02-08")!, in: shipped), width: 640, height: 480)
        configure(&doc)
        let url = dir.appendingPathComponent("m.\(format.rawValue)")
        try doc.write(format, to: url)
        return try Data(contentsOf: url)
    }

    func chunks(_ png: Data) -> [(String, Data)] {
        var out: [(String, Data)] = []
        var i = 8
        let b = [UInt8](png)
        while i + 8 <= b.count {
            let n = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            let type = String(decoding: b[(i + 4)..<(i + 8)], as: UTF8.self)
            out.append((type, Data(b[(i + 8)..<(i + 8 + n)])))
            i += 12 + n
        }
        return out
    }

    func testPNGCarriesTextMetadataAndResolution() throws {
        let png = try render(.png) { $0.dpi = 300 }
        let c = chunks(png)
        XCTAssertEqual(c.first?.0, "IHDR")
        let text = c.filter { $0.0 == "tEXt" }.map { String(decoding: $0.1, as: UTF8.self) }
        XCTAssertTrue(text.contains("Title\0Northwest Syria (Idlib): situation as of 2020-02-08"))
        XCTAssertTrue(text.contains("Creation Time\02020-02-08T00:00:00Z"))
        XCTAssertTrue(text.contains { $0.hasPrefix("Source\0Reports: ") && $0.contains("Reuters") })
        XCTAssertTrue(text.contains("Software\0mapgen"))
        let phys = [UInt8](c.first { $0.0 == "pHYs" }!.1)
        XCTAssertEqual(Int(phys[0]) << 24 | Int(phys[1]) << 16 | Int(phys[2]) << 8 | Int(phys[3]), 11811)  // 300 dpi in px/m
        // Cairo reads it back: the chunks did not break the file.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mapgen-\(UUID().uuidString).png")
        try png.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let surface = cairo_image_surface_create_from_png(url.path)!
        defer { cairo_surface_destroy(surface) }
        XCTAssertEqual(cairo_surface_status(surface), CAIRO_STATUS_SUCCESS)
    }

    func testPNGIsByteStable() throws {
        XCTAssertEqual(try render(.png), try render(.png))
    }

    func testSVGHasTitleDescAndNoExternalReferences() throws {
        let svg = String(decoding: try render(.svg), as: UTF8.self)
        XCTAssertTrue(svg.contains("viewBox=\"0 0 640 480\""))
        XCTAssertTrue(svg.contains("<title>Northwest Syria (Idlib): situation as of 2020-02-08</title>"))
        XCTAssertTrue(svg.contains("<desc>Theatre: northwest Syria (Idlib)."))
        XCTAssertFalse(svg.contains("href=\"http"), "no external references")
    }

    func testPDFHasThePaperSizeAndTheMapDate() throws {
        let pdf = try render(.pdf) { $0.pdfPage = (841.89, 595.28) }   // A4 landscape
        let text = String(decoding: pdf, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("%PDF-"))
        XCTAssertTrue(text.contains("/MediaBox [ 0 0 841.89 595.28 ]") || text.contains("/MediaBox [0 0 841.89 595.28]"),
                      String(text.prefix(2000)))
        XCTAssertTrue(text.contains("20200208000000"), "creation date is the map's date")
    }

    func testPaperNames() {
        XCTAssertEqual(PageSize.paper("a4")!.width, 297)
        XCTAssertEqual(PageSize.paper("A4-portrait")!.width, 210)
        XCTAssertNil(PageSize.paper("a9"))
    }
}

final class ReportTests: XCTestCase {
    func testHTMLReportIsSelfContainedWithMapsAndTables() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mapgen-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        var steps: [String] = []
        let url = try Report(theatre: shipped, from: Day("2020-02-07")!, to: Day("2020-02-08")!)
            .write(.html, into: dir) { steps.append($0) }
        XCTAssertEqual(steps, ["map 1/3: 2020-02-07", "map 2/3: 2020-02-08", "map 3/3: changes 2020-02-07 → 2020-02-08"])
        let html = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(html.components(separatedBy: "src=\"data:image/png;base64,iVBOR").count - 1, 3, "three maps inlined")
        XCTAssertFalse(html.contains("src=\"http"), "no external resources")
        XCTAssertTrue(html.contains("<h2>Observation posts on 8 February 2020</h2>"))
        XCTAssertTrue(html.contains("Reuters (2020-02-08), citing SOHR"))
        XCTAssertTrue(html.contains("<h2>Conflicting claims</h2>"))
        XCTAssertTrue(html.contains("vehicles 430"), "SOHR's 430 vehicles beside Anadolu's 150")
    }

    func testMarkdownReportLinksItsMaps() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mapgen-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = try Report(theatre: shipped, from: Day("2020-02-08")!, to: Day("2020-02-08")!).write(.md, into: dir)
        let md = try String(contentsOf: url, encoding: .utf8)
        let map = "report-2020-02-08_2020-02-08-2020-02-08.png"
        XCTAssertTrue(md.contains("![Situation as of 8 February 2020 (reports of that day)](\(map))"), md)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(map).path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("2020-02-08.png").path), "map's own file name stays free")
        XCTAssertTrue(md.contains("| N8 Al-Mastumah camp |"))
        // Every table row is one line: a row starts and ends with a cell border.
        for line in md.split(separator: "\n") where line.hasPrefix("|") { XCTAssertTrue(line.hasSuffix("|"), String(line)) }
    }

    func testMarkdownTextCannotCarryHTMLOrBreakATableRow() {
        let raw = "Shelling <script>alert(1)</script> near *Saraqib* | [link](http://x)\nsecond line"
        let cell = raw.markdownEscaped
        XCTAssertFalse(cell.contains("<"), cell)
        XCTAssertFalse(cell.contains("\n"), cell)
        XCTAssertFalse(cell.replacingOccurrences(of: "\\|", with: "").contains("|"), "every pipe escaped: \(cell)")
        XCTAssertTrue(cell.contains("&lt;script&gt;"), cell)
        XCTAssertTrue(cell.contains("\\*Saraqib\\*"), cell)
    }
}
