import Foundation
import Geo
import Situation
import VectorIO
import XCTest

/// `mapgen analyze --geojson` goes through OGR: one FeatureCollection of mixed geometry. Read
/// back with OGR, it is one layer whose features keep their own types and properties.
final class AnalysisGeoJSONTests: XCTestCase {
    func testAnalysisGeoJSONReadsBackWithOGR() throws {
        let theatre = try Theatre.load(from: repoRoot)
        let idlib = try XCTUnwrap(theatre.gazetteer.resolve("Idlib"))
        let analysis = try Analysis(situation: try Situation(at: Day("2020-02-08")!, in: theatre), rings: [(idlib, 10)])
        let file = try scratch(self).appendingPathComponent("analysis.geojson")
        try Data(try analysis.geoJSON().utf8).write(to: file)

        let read = try VectorDataset.read(file)
        XCTAssertEqual(read.layers.count, 1, "one FeatureCollection")
        let layer = try XCTUnwrap(read.layers.first)
        XCTAssertEqual(layer.geometry, .mixed, "areas, lines and points in one layer")
        XCTAssertEqual(layer.field("area_km2_in_view")?.type, .real)
        XCTAssertEqual(layer.field("approximate")?.type, .boolean)
        func features(_ name: String) -> [Feature] { layer.features.filter { $0["layer"].string == name } }
        XCTAssertEqual(features("observation_post").count, analysis.situation.posts.count)
        XCTAssertEqual(features("buffer").count, 1)

        // A known post: Morek (O9), at its gazetteer position, a point.
        let o9 = try XCTUnwrap(features("observation_post").first { $0["id"].string == "O9" })
        let post = try XCTUnwrap(analysis.situation.posts.first { $0.post.id == "O9" })
        guard case .point(let p)? = o9.shapes.first, o9.shapes.count == 1 else { return XCTFail("O9 is not a point: \(o9.shapes)") }
        XCTAssertEqual(p.x, post.post.location.lon, accuracy: 1e-6)
        XCTAssertEqual(p.y, post.post.location.lat, accuracy: 1e-6)
        XCTAssertEqual(p.x, 36.690, accuracy: 0.001, "Morek, lon first")
        XCTAssertEqual(p.y, 35.376, accuracy: 0.001)
        XCTAssertEqual(o9["computed_status"].string, post.proximity.computed.code(threat: analysis.situation.threatSide))
        XCTAssertEqual(o9["area_km2_in_view"], .null)
        // In the file itself a property the feature lacks is left out, not written as null.
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let raw = try XCTUnwrap((json["features"] as? [[String: Any]])?.compactMap { $0["properties"] as? [String: Any] }
            .first { $0["id"] as? String == "O9" && $0["layer"] as? String == "observation_post" })
        XCTAssertNil(raw["area_km2_in_view"])
        XCTAssertEqual(raw["computed_encircled"] as? Bool, post.proximity.computed.isEncircled)

        // Figures are those measured on the view-clipped geometry.
        let gov = try XCTUnwrap(features("control_area").first { $0["side"].string == "government" })
        XCTAssertEqual(gov["area_km2_in_view"].real, (try XCTUnwrap(analysis.areasKm2.first { $0.key.id == "government" }?.value)).rounded())
        XCTAssertEqual(gov["clipped_to"].string, "map view")
        XCTAssertTrue(gov.shapes.allSatisfy { if case .polygon = $0 { return true } else { return false } })
        let front = try XCTUnwrap(features("front_line").first)
        XCTAssertEqual(try XCTUnwrap(front["length_km_in_view"].real), analysis.frontLineKm, accuracy: 0.05)
        XCTAssertTrue(front.shapes.allSatisfy { if case .line = $0 { return true } else { return false } })
    }
}
