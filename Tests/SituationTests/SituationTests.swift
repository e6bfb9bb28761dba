import Foundation
import XCTest
import Geo
@testable import Situation

let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The shipped theatre, loaded once for all tests.
let shipped: Theatre = try! Theatre.load(from: repoRoot)

func day(_ s: String) -> Day { Day(s)! }

final class DayTests: XCTestCase {
    func testParsesAndPrints() {
        XCTAssertEqual(day("2020-02-08").description, "2020-02-08")
        XCTAssertEqual(day("2020-02-08").longDescription, "8 February 2020")
        XCTAssertEqual(day("2020-03-01").days(since: day("2020-02-28")), 2)  // 2020 is a leap year
        XCTAssertNil(Day("2020-02-30"))
        XCTAssertNil(Day("2020-2-8"))
        XCTAssertNil(Day("yesterday"))
    }
}

final class ControlTests: XCTestCase {
    func holder(_ name: String, _ date: String) -> Side? {
        guard let p = shipped.gazetteer.resolve(name) else { return nil }
        return shipped.control.holders(asOf: day(date))[p.id]?.holder
    }

    func testSaraqibChangesHandsAsReported() {
        XCTAssertEqual(holder("Saraqib", "2020-02-05"), .opposition)
        XCTAssertEqual(holder("Saraqib", "2020-02-06"), .contested)   // The New Arab: large parts seized on 6 Feb
        XCTAssertEqual(holder("Saraqib", "2020-02-08"), .government)  // Reuters citing Syrian state TV
    }

    func testAlEisIsTakenOnTheEighth() {
        XCTAssertEqual(holder("Al-Eis", "2020-02-07"), .opposition)
        XCTAssertEqual(holder("Al-Eis", "2020-02-08"), .government)
    }

    func testIdlibCityStaysWithTheOpposition() {
        for d in ["2019-12-18", "2020-02-08", "2020-03-05"] { XCTAssertEqual(holder("Idlib", d), .opposition, d) }
    }

    func testConflictingDatesAreKeptAsClaims() {
        let saraqib = shipped.gazetteer.resolve("Saraqib")!.id
        let claims = shipped.control.claims.filter { $0.placeID == saraqib && $0.role == .claim }
        XCTAssertTrue(claims.contains { $0.date == day("2020-02-05") }, "TASS's 5 Feb date is kept")
    }

    func testHandMadeLogAppliesOnlyStateClaimsUpToTheDate() throws {
        let g = Gazetteer(places: [
            Place(id: 1, name: "A", variants: [], arabic: nil, location: LonLat(lon: 36.6, lat: 35.9), kind: .town,
                  country: "SY", population: 0, rank: 3, source: "test"),
        ])
        let text = """
        date\tplace\tplace_id\tholder\trole\tconfidence\toutlet\tpublished\tattributed_to\turl\tnote
        2020-02-01\tA\t1\topposition\tstate\thigh\tX\t2020-02-01\tX\t\t
        2020-02-05\tA\t1\tgovernment\tclaim\tlow\tY\t2020-02-05\tY\t\t
        2020-02-07\tA\t1\tgovernment\tstate\thigh\tZ\t2020-02-07\tZ\t\t
        """
        let log = try ControlLog.parse(text, file: "t.tsv", gazetteer: g, sides: shipped.sides)
        XCTAssertEqual(log.holders(asOf: day("2020-01-31"))[1]?.holder, nil)
        XCTAssertEqual(log.holders(asOf: day("2020-02-06"))[1]?.holder, .opposition)
        XCTAssertEqual(log.holders(asOf: day("2020-02-07"))[1]?.holder, .government)
        XCTAssertThrowsError(try ControlLog.parse(text.replacingOccurrences(of: "\t1\tgovernment\tstate", with: "\t9\tgovernment\tstate"),
                                                  file: "t.tsv", gazetteer: g, sides: shipped.sides)) { e in
            XCTAssertEqual((e as? DataError)?.line, 4)
        }
    }
}

final class SituationTests: XCTestCase {
    func testNothingDatedAfterTheDateIsUsed() throws {
        for d in ["2020-02-06", "2020-02-07", "2020-02-08", "2020-02-09"] {
            let s = try Situation(at: day(d), in: shipped)
            XCTAssertTrue(s.movements.allSatisfy { $0.event.date <= s.date })
            XCTAssertTrue(s.strikes.allSatisfy { $0.event.date <= s.date })
            XCTAssertTrue(s.windowEvents.allSatisfy { $0.date <= s.date && $0.date >= s.window.first })
            XCTAssertTrue(s.posts.allSatisfy { $0.post.activeSince! <= s.date })
        }
    }

    func testNewPostsAppearOnTheirDate() throws {
        let before = try Situation(at: day("2020-02-07"), in: shipped)
        let after = try Situation(at: day("2020-02-08"), in: shipped)
        let mastumah = { (s: Situation) in s.posts.first { $0.post.name.contains("Mastumah") } }
        XCTAssertNil(mastumah(before))
        XCTAssertEqual(mastumah(after)?.isNew, true)
    }

    func testTheTaftanazConvoyIsAnArrowInItsWindowOnly() throws {
        let s = try Situation(at: day("2020-02-08"), in: shipped)
        XCTAssertTrue(s.movements.contains { $0.event.origin?.name == "Taftanaz Air Base" && $0.event.destination?.name == "Binnish" })
        let later = try Situation(at: day("2020-02-12"), in: shipped)
        XCTAssertFalse(later.movements.contains { $0.event.origin?.name == "Taftanaz Air Base" })
    }

    func testAnUndatedPostAppearsFromItsFirstReport() throws {
        // Maar Hattat: no establishment date found; ISW News reports it besieged on 8 Feb 2020.
        XCTAssertNil(try Situation(at: day("2020-02-07"), in: shipped).posts.first { $0.post.id == "N5" })
        XCTAssertNotNil(try Situation(at: day("2020-02-08"), in: shipped).posts.first { $0.post.id == "N5" })
    }

    func testEncirclementFollowsTheReportedDates() throws {
        let s = try Situation(at: day("2020-02-08"), in: shipped)
        let status = Dictionary(uniqueKeysWithValues: s.posts.map { ($0.post.id, $0) })
        XCTAssertEqual(status["O9"]?.reportedEncircled, day("2019-08-23"))   // Morek
        XCTAssertEqual(status["O5"]?.reportedEncircled, day("2020-02-05"))   // Tell Tuqan
        XCTAssertNil(status["O1"]?.reportedEncircled)                        // Salwa, rear area
        let earlier = try Situation(at: day("2020-02-04"), in: shipped)
        XCTAssertNil(earlier.posts.first { $0.post.id == "O5" }?.reportedEncircled)
    }

    func testControlAreasAreOnSyrianLandAndPlausible() throws {
        let s = try Situation(at: day("2020-02-08"), in: shipped)
        let proj = shipped.projection
        let idlib = try Geometry.point(proj.project(shipped.gazetteer.resolve("Idlib")!.location))
        let aleppo = try Geometry.point(proj.project(shipped.gazetteer.resolve("Aleppo")!.location))
        let antakya = try Geometry.point(proj.project(shipped.gazetteer.resolve("Antakya")!.location))
        XCTAssertTrue(try s.areas[.opposition]!.contains(idlib))
        XCTAssertTrue(try s.areas[.government]!.contains(aleppo))
        XCTAssertFalse(try s.areas.values.contains { try $0.contains(antakya) }, "Turkey is nobody's control area")
        // Idlib governorate is about 6,100 km²; the opposition pocket on the map is smaller than that.
        XCTAssertTrue((1_500...6_100).contains(s.areaKm2(.opposition)), "\(s.areaKm2(.opposition))")
        XCTAssertGreaterThan(s.frontLine.length / 1000, 50)
    }

    func testADateBeforeTheDataIsRefused() {
        XCTAssertThrowsError(try Situation(at: day("2016-01-01"), in: shipped)) { e in
            XCTAssertTrue("\(e)".contains("start"), "\(e)")
        }
    }

    func testEventsNameTheirSources() {
        for e in shipped.events {
            XCTAssertFalse(e.sources.isEmpty, e.id)
            for s in e.allSources { XCTAssertFalse(s.outlet.isEmpty, e.id) }
        }
        let convoy = shipped.events.first { $0.claims.contains { $0.figures.values.contains("430") } }
        XCTAssertNotNil(convoy, "SOHR's 430 vehicles are kept beside Anadolu's 150")
    }

    func testUnknownPlaceInAnEventNamesTheLine() {
        let yaml = """
        - id: x
          date: 2020-02-08
          type: strike
          places: [Saraqep]
          sources:
            - {outlet: Reuters, published: 2020-02-08, attributed_to: SOHR}
        """
        XCTAssertThrowsError(try EventFile.parse(yaml, file: "Reports/events.yaml", gazetteer: shipped.gazetteer,
                                           kinds: shipped.description.eventKinds)) { e in
            let d = "\(e)"
            XCTAssertTrue(d.hasPrefix("Reports/events.yaml:4: unknown place \"Saraqep\" (did you mean \"Saraqib\"?)"), d)
        }
    }
}
