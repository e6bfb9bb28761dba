import Foundation
import Geo
import Situation
import VectorIO
import XCTest

/// A basemap layer declared in `Gazetteer/basemap/sources.tsv` comes from any source OGR reads.
final class BasemapSourcesTests: XCTestCase {
    /// A data root whose basemap folder is a copy (so sources.tsv can be added).
    func rootWithOwnBasemap() throws -> URL {
        let root = try scratch(self)
        let fm = FileManager.default
        let gaz = root.appendingPathComponent("Gazetteer")
        try fm.createDirectory(at: gaz, withIntermediateDirectories: true)
        for item in try fm.contentsOfDirectory(atPath: repoRoot.appendingPathComponent("Gazetteer").path) where item != "basemap" {
            try fm.createSymbolicLink(at: gaz.appendingPathComponent(item),
                                      withDestinationURL: repoRoot.appendingPathComponent("Gazetteer").appendingPathComponent(item))
        }
        try fm.copyItem(at: repoRoot.appendingPathComponent("Gazetteer/basemap"), to: gaz.appendingPathComponent("basemap"))
        try fm.createSymbolicLink(at: root.appendingPathComponent("Reports"), withDestinationURL: repoRoot.appendingPathComponent("Reports"))
        try linkTheatreDescription(into: root)
        return root
    }

    func testRiversFromAGeoPackageAndProvincesFromAShapefile() throws {
        let root = try rootWithOwnBasemap()
        let basemap = root.appendingPathComponent("Gazetteer/basemap")
        // The shipped rivers, rewritten as a GeoPackage layer through OGR, under another name.
        let rivers = try XCTUnwrap(VectorDataset.read(basemap.appendingPathComponent("rivers.geojson")).layers.first)
        let external = root.appendingPathComponent("external")
        try VectorDataset(layers: [VectorLayer(name: "waterways", geometry: .multiLineString, fields: [],
                                               features: rivers.features.map { Feature(shapes: $0.shapes, values: [:]) })])
            .write(.gpkg, to: external.appendingPathComponent("water.gpkg"))
        // The provinces as a Shapefile, made with ogr2ogr.
        _ = try tool("ogr2ogr", ["-f", "ESRI Shapefile", external.appendingPathComponent("admin1.shp").path,
                                 basemap.appendingPathComponent("admin1.geojson").path])
        try "layer\tsource\togr_layer\nrivers\t../../external/water.gpkg\twaterways\nadmin1\t../../external/admin1.shp\n"
            .write(to: basemap.appendingPathComponent("sources.tsv"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: basemap.appendingPathComponent("rivers.geojson"))
        try FileManager.default.removeItem(at: basemap.appendingPathComponent("admin1.geojson"))

        let declared = try Theatre.load(from: root).basemap
        let shipped = try Theatre.load(from: repoRoot).basemap
        XCTAssertGreaterThan(shipped.rivers.length, 100_000)
        XCTAssertEqual(declared.rivers.length, shipped.rivers.length, accuracy: shipped.rivers.length * 1e-6)
        XCTAssertEqual(declared.provinces.length, shipped.provinces.length, accuracy: shipped.provinces.length * 1e-6)
    }

    func testAnUnreadableSourceNamesTheLine() throws {
        let root = try rootWithOwnBasemap()
        let basemap = root.appendingPathComponent("Gazetteer/basemap")
        try "layer\tsource\nlakes\tmissing.gpkg\n".write(to: basemap.appendingPathComponent("sources.tsv"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Theatre.load(from: root)) { e in
            XCTAssertTrue("\(e)".contains("sources.tsv:2: cannot read"), "\(e)")
        }
    }
}
