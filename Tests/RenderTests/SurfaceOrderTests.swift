import Foundation
import XCTest
@testable import Render
@testable import Situation

/// Cairo numbers every surface with a process-wide counter, and the SVG carries the number
/// (`<g id="surface2">`). Anything that makes a surface at an unpredictable moment — a font
/// warm-up on another thread did — changes the SVG's bytes from run to run.
final class SurfaceOrderTests: XCTestCase {
    func surfaceID(_ doc: MapDocument) throws -> Int {
        let svg = String(decoding: try XCTUnwrap(doc.render([.svg])[.svg]), as: UTF8.self)
        let r = try XCTUnwrap(svg.range(of: "id=\"surface"))
        return try XCTUnwrap(Int(svg[r.upperBound...].prefix { $0.isNumber }))
    }

    func testTheFontWarmUpMakesNoCairoSurface() throws {
        let doc = try MapDocument(situation: try Situation(at: Day("2020-02-08")!, in: shipped), width: 400, height: 300)
        let a = try surfaceID(doc), b = try surfaceID(doc)
        FontWarmUp.warm()
        let c = try surfaceID(doc)
        XCTAssertGreaterThan(b, a)
        XCTAssertEqual(c - b, b - a, "a render makes the same number of surfaces each time; the warm-up makes none")
    }
}
