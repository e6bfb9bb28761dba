import Foundation
import XCTest
import Geo
@testable import Situation

final class DiffTests: XCTestCase {
    /// Four towns on a 20 km square; the south-east one passes to blue on 5 Jan.
    func handMade() throws -> Theatre {
        let base = try handMadeTheatre(holders: [.blue, .blue, .gold, .gold])
        let moved = ControlClaim(date: day("2020-01-05"), placeID: 3, placeName: "T3", holder: .blue, role: .state,
                                 confidence: .high, source: Source(outlet: "Test Wire", published: "2020-01-05", attributedTo: "a monitor"),
                                 note: "", line: 10)
        let disputed = ControlClaim(date: day("2020-01-04"), placeID: 4, placeName: "T4", holder: .blue, role: .claim,
                                    confidence: .low, source: Source(outlet: "Other Wire", published: "2020-01-04", attributedTo: "x"),
                                    note: "", line: 11)
        return Theatre(gazetteer: base.gazetteer, posts: [], events: [], control: ControlLog(claims: base.control.claims + [moved, disputed]),
                       highways: [], basemap: base.basemap, projection: base.projection, view: base.view,
                       description: base.description, styleSheets: [])
    }

    func testAHandMadeTimelineGivesTheKnownAnswer() throws {
        let d = try SituationDiff(from: day("2020-01-02"), to: day("2020-01-06"), in: try handMade())
        XCTAssertEqual(d.km2(d.gained[.blue]), 400, accuracy: 0.01)   // the south-east quarter
        XCTAssertEqual(d.km2(d.lost[.gold]), 400, accuracy: 0.01)
        XCTAssertNil(d.gained[.gold])
        XCTAssertEqual(d.townChanges.map(\.place.name), ["T3"])
        XCTAssertEqual(d.townChanges.first?.before, .gold)
        XCTAssertEqual(d.townChanges.first?.claim.source.outlet, "Test Wire")
        XCTAssertEqual(d.conflictingClaims.map(\.placeName), ["T4"])
    }

    func testAreasAddUp() throws {
        let d = try SituationDiff(from: day("2020-02-06"), to: day("2020-02-09"), in: shipped)
        for side in [Side.government, .opposition] {
            let net = d.to.areaKm2(side) - d.from.areaKm2(side)
            XCTAssertEqual(net, d.km2(d.gained[side]) - d.km2(d.lost[side]), accuracy: 0.5, side.rawValue)
        }
        XCTAssertGreaterThan(d.km2(d.gained[.government]), 100)
    }

    func testTheSeedReportsChangesAreListed() throws {
        let d = try SituationDiff(from: day("2020-02-06"), to: day("2020-02-09"), in: shipped)
        let towns = Set(d.townChanges.map(\.place.name))
        XCTAssertTrue(towns.contains("Saraqib"))
        XCTAssertTrue(towns.contains("Al-Eis"))
        XCTAssertTrue(d.postsEstablished.contains { $0.post.id == "N8" }, "Al-Mastumah, 8 Feb")
        XCTAssertTrue(d.postsNewlyEncircled.contains { $0.post.id == "O4" }, "Tell al-Eis, 8 Feb")
        XCTAssertTrue(d.events.contains { $0.kind.id == "convoy" && $0.origin?.name == "Taftanaz Air Base" })
        XCTAssertFalse(d.events.contains { $0.date <= day("2020-02-06") || $0.date > day("2020-02-09") })
        XCTAssertTrue(d.disputedEvents.contains { $0.claims.contains { $0.figures.values.contains("430") } })
    }

    func testTheSameDateGivesAnEmptyList() throws {
        let d = try SituationDiff(from: day("2020-02-08"), to: day("2020-02-08"), in: shipped)
        XCTAssertTrue(d.isEmpty)
        XCTAssertTrue(d.markdown.contains("No changes"))
    }

    func testFromAfterToIsRefused() {
        XCTAssertThrowsError(try SituationDiff(from: day("2020-02-09"), to: day("2020-02-06"), in: shipped)) { e in
            XCTAssertTrue("\(e)".contains("mapgen diff 2020-02-06 2020-02-09"), "\(e)")
        }
    }
}
