import Foundation
import XCTest
@testable import Geo

/// Map projections are built without PROJ's database (`proj.db`), which costs milliseconds to
/// open and which a plain PROJ string never needs: the coordinates must be the very bits the
/// database-backed transformation gives, forward and back, for both kinds of projection.
final class ProjectionTests: XCTestCase {
    func testWithoutTheDatabaseEveryPlaceProjectsToTheSameBits() throws {
        let places = try Gazetteer.load(directory: repoRoot.appendingPathComponent("Gazetteer")).places
        XCTAssertGreaterThan(places.count, 1000)
        let centre = LonLat(lon: 36.72, lat: 35.86)
        for pipeline in [MapProjection.aeqdPipeline(center: centre), MapProjection.utmPipeline(zone: 37, south: false)] {
            let fast = try PROJTransform(pipeline), withDB = try PROJTransform(pipeline, database: true)
            var differing: [String] = []
            for p in places {
                let a = try fast.transform(p.location.lon, p.location.lat, inverse: false, what: "")
                let b = try withDB.transform(p.location.lon, p.location.lat, inverse: false, what: "")
                let back = try fast.transform(a.0, a.1, inverse: true, what: "")
                let backDB = try withDB.transform(b.0, b.1, inverse: true, what: "")
                if a.0.bitPattern != b.0.bitPattern || a.1.bitPattern != b.1.bitPattern
                    || back.0.bitPattern != backDB.0.bitPattern || back.1.bitPattern != backDB.1.bitPattern {
                    differing.append(p.name)
                }
            }
            XCTAssertEqual(differing, [], pipeline)
        }
    }

    func testADefinitionPROJRejectsIsStillAnErrorWithoutTheDatabase() {
        XCTAssertThrowsError(try PROJTransform("+proj=pipeline +step +proj=aeqd +lat_0=100 +ellps=WGS84"))
        XCTAssertThrowsError(try PROJTransform("+proj=utm +zone=37 +ellps=no-such-ellipsoid"))
    }
}
