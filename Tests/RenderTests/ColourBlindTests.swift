import CCairo
import Foundation
import XCTest
import Geo
@testable import Render
@testable import Situation

/// The sides of a rendered map must stay apart for colour-blind readers. Each map is rendered as
/// PNG; each side's fill is the mean colour of the pixels inside its area (1.5 km in from its edge,
/// away from the map's corner furniture), hatching, labels and all, as a reader sees it from a
/// little distance. That colour is passed through the Machado, Oliveira & Fernandes (2009)
/// simulation of deuteranopia and protanopia at severity 1.0 (on linear sRGB), converted to
/// CIELAB (D65) and compared pairwise with CIE76 ΔE: every two sides must be at least 15 apart.
final class ColourBlindTests: XCTestCase {
    static let minimumDeltaE = 15.0

    func testIdlibSidesStayApartUnderDeuteranopiaAndProtanopia() throws {
        // 6 Feb has contested ground (Saraqib) beside the government, opposition and SDF areas.
        for date in ["2020-02-06", "2020-02-08"] {
            try checkSides(of: shipped, date: date)
        }
    }

    func testKharkivSidesStayApart() throws {
        let kharkiv = try Theatre.load(from: repoRoot.appendingPathComponent("Theatres/kharkiv-2022"))
        try checkSides(of: kharkiv, date: "2022-09-10")
    }

    func testTheSimulationReproducesTheOldPalettesFailure() {
        // The palette before issue 11 (government #d9544d at 0.28, opposition #3f9b5b at 0.26 over
        // #f7f4ec): ΔE 24 in normal vision, 3 under deuteranopia. The check must catch that.
        let land = CVD.RGB(hex: 0xf7f4ec)
        let gov = CVD.RGB(hex: 0xd9544d).over(land, alpha: 0.28)
        let opp = CVD.RGB(hex: 0x3f9b5b).over(land, alpha: 0.26)
        XCTAssertEqual(CVD.deltaE(gov.lab, opp.lab), 24.3, accuracy: 0.5)
        XCTAssertEqual(CVD.deltaE(gov.simulated(CVD.deuteranopia).lab, opp.simulated(CVD.deuteranopia).lab), 2.9, accuracy: 0.5)
        XCTAssertLessThan(CVD.deltaE(gov.simulated(CVD.deuteranopia).lab, opp.simulated(CVD.deuteranopia).lab), Self.minimumDeltaE)
    }

    func checkSides(of theatre: Theatre, date: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let situation = try Situation(at: Day(date)!, in: theatre)
        let png = try MapDocument(situation: situation).render([.png])[.png] ?? Data()
        let image = try RenderedImage(png: png)
        let layout = PageLayout(width: 1600, height: 1200, view: theatre.view)
        let u = layout.unit
        let furniture = [Rect(x: layout.map.minX, y: layout.map.minY, width: 220 * u, height: 180 * u),
                         Rect(x: layout.map.minX, y: layout.map.maxY - 70 * u, width: 280 * u, height: 70 * u),
                         Rect(x: layout.map.maxX - 70 * u, y: layout.map.minY, width: 70 * u, height: 90 * u)]
        let view = try Geometry.rectangle(theatre.view)
        var means: [(Side, CVD.RGB)] = []
        for side in theatre.sides {
            guard let area = situation.areas[side] else { continue }
            let inner = try PreparedGeometry(area.intersection(view).buffer(-1_500))
            var sum = (0.0, 0.0, 0.0), n = 0.0
            for y in stride(from: Int(layout.map.minY) + 4, to: Int(layout.map.maxY) - 4, by: 5) {
                for x in stride(from: Int(layout.map.minX) + 4, to: Int(layout.map.maxX) - 4, by: 5) {
                    let p = XY(Double(x), Double(y))
                    if furniture.contains(where: { $0.contains(p) }) { continue }
                    let m = XY(layout.world.minX + (p.x - layout.map.minX) / layout.scale,
                               layout.world.maxY - (p.y - layout.map.minY) / layout.scale)
                    guard try inner.contains(m) else { continue }
                    let c = image.pixel(x, y)
                    sum = (sum.0 + c.r, sum.1 + c.g, sum.2 + c.b); n += 1
                }
            }
            guard n >= 40 else { continue }   // a sliver: too small to read as an area either way
            means.append((side, CVD.RGB(r: sum.0 / n, g: sum.1 / n, b: sum.2 / n)))
        }
        XCTAssertGreaterThanOrEqual(means.count, 2, "\(date): at least two sides on the map", file: file, line: line)
        for (name, matrix) in [("normal vision", nil), ("deuteranopia", CVD.deuteranopia), ("protanopia", CVD.protanopia)] {
            for i in means.indices {
                for j in means.indices where j > i {
                    let a = matrix.map { means[i].1.simulated($0) } ?? means[i].1
                    let b = matrix.map { means[j].1.simulated($0) } ?? means[j].1
                    let d = CVD.deltaE(a.lab, b.lab)
                    print(String(format: "colour-blind check %@ %@: %@–%@ ΔE %.1f", theatre.description.id, date,
                                 means[i].0.id, means[j].0.id, d) + " (\(name))")
                    XCTAssertGreaterThanOrEqual(d, Self.minimumDeltaE,
                                                "\(theatre.description.id) \(date), \(name): \(means[i].0.id) and \(means[j].0.id) fills are ΔE \(d) apart",
                                                file: file, line: line)
                }
            }
        }
    }
}

/// A decoded PNG's pixels (Cairo reads it; the pointer stays inside).
final class RenderedImage {
    private let rgb: [UInt32]
    let width: Int, height: Int

    init(png: Data) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mapgen-cvd-\(UUID().uuidString).png")
        try png.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        guard let surface = cairo_image_surface_create_from_png(url.path) else { throw CocoaError(.fileReadCorruptFile) }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        width = Int(cairo_image_surface_get_width(surface)); height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        var out = [UInt32](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                out[y * width + x] = data.advanced(by: y * stride + x * 4).withMemoryRebound(to: UInt32.self, capacity: 1) { $0.pointee }
            }
        }
        rgb = out
    }

    /// sRGB components 0…1 (the map is opaque, so premultiplication does not matter).
    func pixel(_ x: Int, _ y: Int) -> (r: Double, g: Double, b: Double) {
        let px = rgb[y * width + x]
        return (Double((px >> 16) & 0xff) / 255, Double((px >> 8) & 0xff) / 255, Double(px & 0xff) / 255)
    }
}

/// Colour-vision-deficiency simulation and CIELAB.
enum CVD {
    /// Machado, Oliveira & Fernandes 2009, severity 1.0, for linear RGB.
    static let protanopia = [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
    static let deuteranopia = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]

    struct RGB {
        var r, g, b: Double   // sRGB, 0…1
        init(r: Double, g: Double, b: Double) { self.r = r; self.g = g; self.b = b }
        init(hex: UInt32) { self.init(r: Double((hex >> 16) & 0xff) / 255, g: Double((hex >> 8) & 0xff) / 255, b: Double(hex & 0xff) / 255) }

        func over(_ bg: RGB, alpha a: Double) -> RGB { RGB(r: a * r + (1 - a) * bg.r, g: a * g + (1 - a) * bg.g, b: a * b + (1 - a) * bg.b) }

        static func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        static func encoded(_ c: Double) -> Double { c <= 0.0031308 ? 12.92 * c : 1.055 * pow(c, 1 / 2.4) - 0.055 }

        func simulated(_ m: [[Double]]) -> RGB {
            let l = [Self.linear(r), Self.linear(g), Self.linear(b)]
            let o = m.map { row in Self.encoded(min(1, max(0, row[0] * l[0] + row[1] * l[1] + row[2] * l[2]))) }
            return RGB(r: o[0], g: o[1], b: o[2])
        }

        /// CIELAB under D65.
        var lab: (L: Double, a: Double, b: Double) {
            let (lr, lg, lb) = (Self.linear(r), Self.linear(g), Self.linear(b))
            let x = (0.4124 * lr + 0.3576 * lg + 0.1805 * lb) / 0.95047
            let y = 0.2126 * lr + 0.7152 * lg + 0.0722 * lb
            let z = (0.0193 * lr + 0.1192 * lg + 0.9505 * lb) / 1.08883
            func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116 }
            return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
        }
    }

    /// CIE76 colour difference.
    static func deltaE(_ p: (L: Double, a: Double, b: Double), _ q: (L: Double, a: Double, b: Double)) -> Double {
        ((p.L - q.L) * (p.L - q.L) + (p.a - q.a) * (p.a - q.a) + (p.b - q.b) * (p.b - q.b)).squareRoot()
    }
}
