import Foundation
import XCTest
@testable import Geo
@testable import Situation

/// A theatre is a folder of data: the made-up test theatre (four towns on a square, sides blue
/// and gold, a border on the north) runs through the same code as the shipped ones.
final class TheatreTests: XCTestCase {
    func testTheTestTheatreTakesItsSidesAndRulesFromItsFile() throws {
        let t = try Theatre.load(from: fixtureRoot)
        XCTAssertEqual(t.sides.map(\.id), ["blue", "gold"])
        XCTAssertEqual(t.sides.map(\.label), ["Blue force", "Gold force"])
        XCTAssertEqual(t.country, "XX")
        XCTAssertEqual(t.posts.map(\.kind), ["camp"])
        // 2 Jan: west blue, east gold; the front runs north–south through the middle of the view.
        let early = try Situation(at: day("2021-01-02"), in: t)
        XCTAssertEqual(Set(early.areas.keys), [.blue, .gold])
        XCTAssertEqual(early.areaKm2(.blue), early.areaKm2(.gold), accuracy: early.areaKm2(.blue) * 0.02)
        XCTAssertGreaterThan(early.frontLine.length / 1000, 30)
        // "Beyond Town" lies in another country (YY): it is drawn but holds no ground.
        XCTAssertNil(early.holders[5])
        let camp = try XCTUnwrap(early.posts.first)
        XCTAssertEqual(camp.proximity.computed, .holding)
        // 4 Jan: blue takes the north-east town; gold keeps only the south-east quarter, which no
        // longer reaches the northern border (the way out): its camp is cut off.
        let late = try Situation(at: day("2021-01-04"), in: t)
        XCTAssertGreaterThan(late.areaKm2(.blue), 2.5 * late.areaKm2(.gold))
        XCTAssertEqual(late.posts.first?.proximity.computed, .cutOff)
        XCTAssertEqual(late.changes.map(\.claim.placeName), ["Northeast Town"])
        XCTAssertEqual(late.strikes.map(\.place.name), ["Southwest Town"])
    }

    func testAnalysisKeysComeFromTheTheatre() throws {
        let s = try Situation(at: day("2021-01-04"), in: try Theatre.load(from: fixtureRoot))
        guard case .object(let json) = try Analysis(situation: s).json as JSONValue, case .array(let posts)? = json["posts"],
              case .object(let post)? = posts.first else { return XCTFail("no posts in the JSON") }
        XCTAssertNotNil(post["blue_area_km"], "the threat side names the distance key")
        XCTAssertNil(json["de_escalation_zone"], "the test theatre's sites make no zone")
        func text(_ v: JSONValue?) -> String? { if case .string(let s)? = v { return s } else { return nil } }
        XCTAssertEqual(text(post["computed_status"]), "cut-off")
        XCTAssertEqual(text(json["control_method"]), "Voronoi cells of the four towns, clipped to the square")
        guard case .object(let areas)? = json["control_areas_km2"] else { return XCTFail("no areas") }
        XCTAssertEqual(Set(areas.keys), ["blue", "gold"])
    }

    func testAHolderTheTheatreDoesNotKnowIsAnErrorListingItsSides() throws {
        let g = try Gazetteer.load(directory: fixtureRoot.appendingPathComponent("Gazetteer"))
        let text = "date\tplace\tplace_id\tholder\trole\tconfidence\toutlet\tpublished\tattributed_to\turl\tnote\n"
            + "2021-01-01\tSouthwest Town\t1\tgovernment\tstate\thigh\tX\t2021-01-01\tX\t\t\n"
        XCTAssertThrowsError(try ControlLog.parse(text, file: "c.tsv", gazetteer: g, sides: fixtureDescription.sides)) { e in
            let d = e as? DataError
            XCTAssertEqual(d?.line, 2)
            XCTAssertTrue("\(e)".contains("unknown holder \"government\""), "\(e)")
            XCTAssertTrue(d?.fix?.contains("blue, gold") ?? false, "\(e)")
        }
    }

    func testABadTheatreFileNamesTheKey() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mapgen-theatre-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // The shared files (styles, event kinds) linked beside the copy.
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("Styles"), withDestinationURL: repoRoot.appendingPathComponent("Styles"))
        let original = try String(contentsOf: fixtureRoot.appendingPathComponent("theatre.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "../../../Styles/", with: "Styles/")
        for (edit, expected) in [("front_lines: [[blue, gold]]", "front_lines: [[blue, red]]", "unknown side \"red\""),
                                 ("view: {west: 0.82,", "view: {west: 1.5,", "view"),
                                 ("title: Square test theatre\n", "", "missing key title"),
                                 ("kind: auto", "kind: mercator", "projection kind"),
                                 ("event_kinds: Styles/event-kinds.yaml", "event_kinds: Styles/kinds.yaml", "event kinds file not found")].map({ (($0.0, $0.1), $0.2) }) {
            try original.replacingOccurrences(of: edit.0, with: edit.1).write(to: dir.appendingPathComponent("theatre.yaml"), atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try TheatreDescription.load(folder: dir).makeProjection(), edit.1) { e in
                XCTAssertTrue((e as? DataError)?.file.hasSuffix("theatre.yaml") ?? false, "\(e)")
                XCTAssertTrue("\(e)".contains(expected), "\(e)")
            }
        }
    }

    /// Every theatre's projection keeps distances across its view within 2 % of the geodesic.
    func testProjectionsKeepDistancesWithinTwoPercent() throws {
        for folder in [repoRoot, repoRoot.appendingPathComponent("Theatres/kharkiv-2022"), fixtureRoot] {
            let d = try TheatreDescription.load(folder: folder)
            let p = try d.makeProjection()
            let v = d.view
            let points = [LonLat(lon: v.west, lat: v.south), LonLat(lon: v.east, lat: v.north), LonLat(lon: v.west, lat: v.north),
                          LonLat(lon: v.east, lat: v.south), v.centre]
            for a in points {
                for b in points where a != b {
                    let planar = (try p.project(a) - p.project(b)).length / 1000
                    let true_ = Geodesic.distanceKm(a, b)
                    XCTAssertEqual(planar / true_, 1, accuracy: 0.02, "\(d.id): \(a) → \(b)")
                }
            }
        }
    }

    func testKharkivRegainedGround() throws {
        let t = try Theatre.load(from: repoRoot.appendingPathComponent("Theatres/kharkiv-2022"))
        let ukraine = try XCTUnwrap(t.description.side(id: "ukraine")), russia = try XCTUnwrap(t.description.side(id: "russia"))
        let d = try SituationDiff(from: day("2022-09-05"), to: day("2022-09-14"), in: t)
        let gained = d.km2(d.gained[ukraine])
        // Reported at the time: 6,000 km² nationwide by 12 Sep (Zelensky), ~3,000 km² by 11 Sep (Zaluzhnyi).
        XCTAssertGreaterThan(gained, 3_000)
        XCTAssertLessThan(gained, 12_000)
        XCTAssertEqual(d.km2(d.lost[russia]), gained, accuracy: gained * 0.02)
        let towns = Set(d.townChanges.map(\.place.name))
        for town in ["Balakliia", "Kupiansk", "Izium"] { XCTAssertTrue(towns.contains(town), town) }
    }
}
