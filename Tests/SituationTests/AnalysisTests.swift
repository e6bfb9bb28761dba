import Foundation
import XCTest
import Geo
@testable import Situation

final class AnalysisTests: XCTestCase {
    func status(_ id: String, _ date: String) throws -> PostStatus? {
        try Situation(at: day(date), in: shipped).posts.first { $0.post.id == id }
    }

    func testTheEncircledPostsAreFoundFromControlAndGeometry() throws {
        let s = try Situation(at: day("2020-02-08"), in: shipped)
        let byID = Dictionary(uniqueKeysWithValues: s.posts.map { ($0.post.id, $0) })
        // Turkey counted three south-eastern posts encircled on 7 Feb: Morek, Surman, Tell Tuqan.
        for id in ["O9", "O6", "O5"] {
            XCTAssertTrue(byID[id]!.proximity.computed.isEncircled, "\(id) \(byID[id]!.proximity.computed)")
        }
        // Rear-area posts are not.
        for id in ["O1", "O2", "O12", "N8"] {
            XCTAssertEqual(byID[id]!.proximity.computed, .holding, id)
        }
    }

    func testEncirclementChangesWithTheDate() throws {
        XCTAssertEqual(try status("O5", "2020-02-03")?.proximity.computed, .holding)           // Tell Tuqan before 5 Feb
        XCTAssertEqual(try status("O5", "2020-02-06")?.proximity.computed, .insideThreatArea)
        XCTAssertEqual(try status("O4", "2020-02-07")?.proximity.computed.isEncircled, false)  // Tell al-Eis before 8 Feb
        XCTAssertEqual(try status("O4", "2020-02-08")?.proximity.computed.isEncircled, true)
    }

    func testPostDistancesAgreeWithTheGeodesic() throws {
        let s = try Situation(at: day("2020-02-08"), in: shipped)
        let proj = shipped.projection
        for p in s.posts.prefix(8) {
            for t in p.proximity.nearby.prefix(3) {
                let planar = try Geometry.point(p.point).distance(to: .point(proj.project(t.place.location))) / 1000
                XCTAssertEqual(planar, t.distanceKm, accuracy: max(0.02 * t.distanceKm, 0.01), "\(p.post.id) → \(t.place.name)")
            }
        }
    }

    func testRelativeLocationsBecomeAreas() throws {
        let s = try Situation(at: day("2020-02-09"), in: shipped)
        let road = s.posts.first { if case .onRoad = $0.post.placement { return true } else { return false } }!
        // A 1.5 km band along Abu al-Duhur–Saraqib (~25 km): tens of km², holding its representative point.
        XCTAssertTrue((40...120).contains(road.proximity.uncertainty.area / 1e6), "\(road.proximity.uncertainty.area / 1e6)")
        XCTAssertTrue(try road.proximity.uncertainty.contains(.point(road.point)))
        let atTown = s.posts.first { $0.post.id == "O1" }!
        XCTAssertEqual(atTown.proximity.uncertainty.area / 1e6, Double.pi * 4, accuracy: 0.2)
    }

    func testGeoJSONIsRFC7946() throws {
        let a = try Analysis(situation: try Situation(at: day("2020-02-08"), in: shipped),
                             rings: [(shipped.gazetteer.resolve("Idlib")!, 10)])
        let obj = try JSONSerialization.jsonObject(with: Data(try a.geoJSON().utf8)) as! [String: Any]
        XCTAssertEqual(obj["type"] as? String, "FeatureCollection")
        XCTAssertNil(obj["crs"])
        let features = obj["features"] as! [[String: Any]]
        let layers = Set(features.compactMap { ($0["properties"] as? [String: Any])?["layer"] as? String })
        XCTAssertEqual(layers, ["control_area", "front_line", "de_escalation_zone", "observation_post", "post_uncertainty", "buffer"])
        for f in features {
            let g = f["geometry"] as! [String: Any]
            if g["type"] as? String == "Polygon" {
                let ring = (g["coordinates"] as! [[[Double]]])[0]
                XCTAssertTrue(ring.allSatisfy { (35...39).contains($0[0]) && (34...38).contains($0[1]) }, "lon, lat order")
                var area = 0.0
                for i in 0..<(ring.count - 1) { area += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] }
                XCTAssertGreaterThan(area, 0, "exterior rings run counter-clockwise")
            }
        }
    }

    func testBufferListsWhatIsInside() throws {
        let idlib = shipped.gazetteer.resolve("Idlib")!
        let a = try Analysis(situation: try Situation(at: day("2020-02-08"), in: shipped), rings: [(idlib, 10)])
        let ring = a.buffers[0]
        XCTAssertEqual(ring.area.area / 1e6, Double.pi * 100, accuracy: 1)
        XCTAssertTrue(ring.towns.contains { $0.place.name == "Binnish" })
        XCTAssertFalse(ring.towns.contains { $0.place.name == "Saraqib" }, "Saraqib is 17 km away")
        XCTAssertTrue(ring.towns.allSatisfy { $0.distanceKm <= 10.2 })
        XCTAssertTrue(ring.posts.contains { $0.post.id == "N8" }, "Al-Mastumah post, ~6 km south")
    }
}

/// Control derived from a small hand-made set of towns, with known answers.
final class HandMadeControlTests: XCTestCase {
    func theatre(holders: [Side]) throws -> Theatre { try handMadeTheatre(holders: holders) }

    func testTwoSidesSplitTheSquareInHalves() throws {
        let t = try theatre(holders: [.blue, .blue, .gold, .gold])
        let s = try Situation(at: day("2020-01-02"), in: t)
        XCTAssertEqual(s.areas[.blue]!.area / 1e6, 800, accuracy: 0.01)   // 40 km × 20 km
        XCTAssertEqual(s.areas[.gold]!.area / 1e6, 800, accuracy: 0.01)
        XCTAssertEqual(s.frontLine.length / 1000, 40, accuracy: 0.01)         // the x = 0 line
    }

    func testOneTownHoldsAQuarter() throws {
        let t = try theatre(holders: [.blue, .gold, .gold, .gold])
        let s = try Situation(at: day("2020-01-02"), in: t)
        XCTAssertEqual(s.areas[.blue]!.area / 1e6, 400, accuracy: 0.01)
        XCTAssertEqual(s.areas[.gold]!.area / 1e6, 1200, accuracy: 0.01)
    }

    func testAPostOnTheFrontLineIsSaidToBeSo() throws {
        let t = try theatre(holders: [.blue, .blue, .gold, .gold])
        let s = try Situation(at: day("2020-01-02"), in: t)
        let onLine = try Geometry.point(XY(0, 5_000))
        let p = try ProximityCalculator.compute(post: samplePost(), point: XY(0, 5_000), areas: s.areas,
                                                frontLine: s.frontLine, borderReach: t.basemap.borderReach,
                                                holders: s.holders, theatre: t)
        XCTAssertEqual(p.computed, .onFrontLine)
        XCTAssertEqual(p.frontLineKm!, 0, accuracy: 1e-9)
        XCTAssertTrue(try s.frontLine.distance(to: onLine) < 1e-6)
    }

    func testAHostPocketWithoutBorderAccessIsCutOff() throws {
        // The host side (gold) holds only the south-east town: its quarter does not reach the border (north edge).
        let t = try theatre(holders: [.blue, .blue, .gold, .blue])
        let s = try Situation(at: day("2020-01-02"), in: t)
        let p = try ProximityCalculator.compute(post: samplePost(), point: XY(12_000, -12_000), areas: s.areas,
                                                frontLine: s.frontLine, borderReach: t.basemap.borderReach,
                                                holders: s.holders, theatre: t)
        XCTAssertEqual(p.computed, .cutOff)
    }

    func samplePost() -> ObservationPost {
        ObservationPost(id: "X", name: "X", variants: [], kind: "camp", established: day("2020-01-01"),
                        establishedApproximate: false, location: fixtureDescription.view.centre, placement: .coordinates, exact: false,
                        encircledSince: nil, encircledSource: "", source: Source(outlet: "t", published: "t", attributedTo: "t"),
                        note: "", line: 1)
    }
}

/// Four towns on a 20 km square around the test theatre's centre: two held by each side, split west/east.
func handMadeTheatre(holders: [Side]) throws -> Theatre {
    let d = fixtureDescription
    let proj = try d.makeProjection()
    let offsets = [(-10.0, -10.0), (-10.0, 10.0), (10.0, -10.0), (10.0, 10.0)]
    let places = try offsets.enumerated().map { i, o in
        Place(id: i + 1, name: "T\(i + 1)", variants: [], arabic: nil,
              location: try proj.unproject(XY(o.0 * 1000, o.1 * 1000)), kind: .town, country: d.controlLand.country,
              population: 0, rank: 3, source: "test")
    }
    let g = Gazetteer(places: places)
    let claims = holders.enumerated().map { i, h in
        ControlClaim(date: day("2020-01-01"), placeID: i + 1, placeName: "T\(i + 1)", holder: h, role: .state,
                     confidence: .high, source: Source(outlet: "test", published: "2020-01-01", attributedTo: "test"),
                     note: "", line: i + 2)
    }
    let land = try Geometry.rectangle(Rect(minX: -20_000, minY: -20_000, maxX: 20_000, maxY: 20_000))
    let border = try Geometry.lineString([XY(-20_000, 20_000), XY(20_000, 20_000)])
    let none = try Geometry.empty
    let basemap = Basemap(land: land, sea: none, border: border, coast: none, rivers: none, lakes: none,
                          provinces: none, controlLand: land, borderReach: try border.buffer(2_000), insetCountries: none)
    return Theatre(gazetteer: g, posts: [], events: [], control: ControlLog(claims: claims), highways: [],
                   basemap: basemap, projection: proj, view: Rect(minX: -20_000, minY: -20_000, maxX: 20_000, maxY: 20_000),
                   description: d, styleSheets: [])
}

