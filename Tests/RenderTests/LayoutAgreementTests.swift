import Foundation
import XCTest
import Geo
@testable import Render
@testable import Situation

/// The SVG and the PNG of one run must show the same map, label for label. Before the text was
/// measured once, each surface measured it itself (the PNG with hinted metrics), so labels took
/// other places in the PNG: about 7 % of the pixels differed.
final class LayoutAgreementTests: XCTestCase {
    /// Every glyph the SVG draws must find ink of its own colour inside its outline's box in the PNG.
    func testEverySVGGlyphHasItsInkInThePNG() throws {
        let doc = try MapDocument(situation: try Situation(at: Day("2020-02-08")!, in: shipped))
        let files = try doc.render([.svg, .png])
        let svg = String(decoding: try XCTUnwrap(files[.svg]), as: UTF8.self)
        let (hits, total) = try GlyphInk.agreement(svg: svg, png: try XCTUnwrap(files[.png]))
        XCTAssertGreaterThan(total, 3000, "the map's labels, legend and credits")
        // Measured: 100 % now; 88.7 % for the files of one run before (labels placed per surface).
        XCTAssertGreaterThanOrEqual(Double(hits) / Double(total), 0.99, "\(total - hits) of \(total) SVG glyphs have no ink in the PNG")
    }

    /// The placed-label list both formats are drawn from: every SVG glyph lies in one of its boxes.
    func testSVGGlyphsLieInThePlacedTextBoxes() throws {
        let doc = try MapDocument(situation: try Situation(at: Day("2020-02-08")!, in: shipped))
        let drawing = try doc.drawing()
        let svg = String(decoding: try XCTUnwrap(doc.render([.svg])[.svg]), as: UTF8.self)
        let glyphs = GlyphInk.glyphUses(svg)
        XCTAssertGreaterThan(glyphs.count, 3000)
        let boxes = drawing.texts.map { $0.box.insetBy(-1) }
        let outside = glyphs.filter { g in !boxes.contains { $0.contains(g.origin) } }
        XCTAssertEqual(outside.count, 0, "glyphs outside every placed text box, e.g. \(outside.prefix(3).map(\.origin))")
        XCTAssertTrue(drawing.texts.contains { $0.text.hasPrefix("Saraqib") }, "Saraqib is labelled")
    }
}

/// Reads glyph positions out of a Cairo SVG and checks them against a PNG's pixels.
enum GlyphInk {
    struct Use {
        let id: String
        let origin: XY
        let color: (Double, Double, Double)
    }

    /// `<symbol id="glyph0-1"><path d="…"/>` → the outline's box relative to the glyph origin.
    static func glyphBoxes(_ svg: String) -> [String: Rect] {
        var boxes: [String: Rect] = [:]
        for chunk in svg.components(separatedBy: "<symbol overflow=\"visible\" id=\"").dropFirst() {
            guard let idEnd = chunk.firstIndex(of: "\""), let d = chunk.range(of: " d=\"") else { continue }
            let body = chunk[d.upperBound...].prefix { $0 != "\"" }
            let numbers = body.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            guard numbers.count >= 2 else { continue }
            let xs = stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }
            let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
            guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { continue }
            boxes[String(chunk[..<idEnd])] = Rect(minX: x0, minY: y0, maxX: x1, maxY: y1)
        }
        return boxes
    }

    /// Every `<use xlink:href="#glyph…" x= y=>` with the fill colour of its group.
    static func glyphUses(_ svg: String) -> [Use] {
        var uses: [Use] = []
        for group in svg.components(separatedBy: "<g style=\"fill:rgb(").dropFirst() {
            let rgb = group.prefix { $0 != ")" }.split(separator: ",").compactMap { Double($0.replacingOccurrences(of: "%", with: "")) }
            guard rgb.count == 3, let end = group.range(of: "</g>") else { continue }
            for u in group[..<end.lowerBound].components(separatedBy: "<use xlink:href=\"#").dropFirst() {
                func attribute(_ name: String) -> Double? {
                    guard let r = u.range(of: " \(name)=\"") else { return nil }
                    return Double(u[r.upperBound...].prefix { $0 != "\"" })
                }
                guard u.hasPrefix("glyph"), let x = attribute("x"), let y = attribute("y") else { continue }
                uses.append(Use(id: String(u.prefix { $0 != "\"" }), origin: XY(x, y),
                                color: (rgb[0] * 2.55, rgb[1] * 2.55, rgb[2] * 2.55)))
            }
        }
        return uses
    }

    /// How many SVG glyphs (with an outline at least 2 px across) find a PNG pixel of their colour
    /// inside their box, and how many were checked.
    static func agreement(svg: String, png: Data, minimumCoverage: Double = 0.4) throws -> (hits: Int, total: Int) {
        let image = try RenderedImage(png: png)   // ColourBlindTests.swift
        let w = image.width, h = image.height
        func pixel(_ x: Int, _ y: Int) -> (Double, Double, Double) {
            let p = image.pixel(x, y)
            return (p.r * 255, p.g * 255, p.b * 255)
        }
        let boxes = glyphBoxes(svg)
        var hits = 0, total = 0
        for g in glyphUses(svg) {
            guard let b = boxes[g.id], b.width >= 2, b.height >= 2 else { continue }
            total += 1
            let x0 = max(0, Int((g.origin.x + b.minX).rounded(.up))), x1 = min(w - 1, Int((g.origin.x + b.maxX).rounded(.down)))
            let y0 = max(0, Int((g.origin.y + b.minY).rounded(.up))), y1 = min(h - 1, Int((g.origin.y + b.maxY).rounded(.down)))
            guard x0 <= x1, y0 <= y1 else { continue }
            // Coverage of the darkest pixel, 0 (white) … 1 (the glyph's colour): antialiased thin
            // stems rarely reach the full colour.
            let span = (255 - g.color.0) + (255 - g.color.1) + (255 - g.color.2)
            search: for y in y0...y1 {
                for x in x0...x1 {
                    let p = pixel(x, y)
                    let d = abs(p.0 - g.color.0) + abs(p.1 - g.color.1) + abs(p.2 - g.color.2)
                    if 1 - d / span > minimumCoverage { hits += 1; break search }
                }
            }
        }
        return (hits, total)
    }
}

