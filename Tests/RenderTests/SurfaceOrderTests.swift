import Foundation
import XCTest
@testable import Render
@testable import Situation

/// Cairo numbers every surface with a process-wide counter, and its SVG carried the number as the
/// root group's id (`<g id="surface2">`): anything that made a surface at an unpredictable moment
/// (a font warm-up on another thread did) or simply drawing several maps in one process (`series`)
/// changed the SVG's bytes. The SVG now always says `surface1`.
final class SurfaceOrderTests: XCTestCase {
    func svg(_ doc: MapDocument) throws -> Data { try XCTUnwrap(doc.render([.svg])[.svg]) }

    func testTheSVGDoesNotDependOnTheSurfacesMadeBefore() throws {
        let doc = try MapDocument(situation: try Situation(at: Day("2020-02-08")!, in: shipped), width: 400, height: 300)
        let first = try svg(doc)
        // Surfaces made in between: a PNG and a PDF of the same map, and the font warm-up.
        _ = try doc.render([.png, .pdf])
        FontWarmUp.warm()
        let later = try svg(doc)
        XCTAssertEqual(first, later, "the SVG changed with the number of surfaces made before it")
        let text = String(decoding: later, as: UTF8.self)
        XCTAssertTrue(text.contains("<g id=\"surface1\">"), "the root group keeps Cairo's usual first id")
        XCTAssertEqual(text.components(separatedBy: "id=\"surface").count - 1, 1)
    }
}
