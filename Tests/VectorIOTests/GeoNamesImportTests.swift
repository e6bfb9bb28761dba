import Exchange
import Foundation
import Geo
import XCTest

/// `gazetteer import` of a GeoNames dump into a copy of the theatre's places.tsv.
final class GeoNamesImportTests: XCTestCase {
    let dump = fixtures.appendingPathComponent("geonames-sample.txt")
    let alternates = fixtures.appendingPathComponent("geonames-alternates-sample.txt")
    let idlibBox = GeoNamesImport.Filter(classes: ["P"], box: (west: 35.9, south: 35.2, east: 37.6, north: 36.6))

    func testImportKeepsCorrectionsAddsPlacesAndVariants() throws {
        let root = try dataRoot(self, copyGazetteer: true)
        let gazDir = root.appendingPathComponent("Gazetteer")
        let before = try Gazetteer.load(directory: gazDir)
        let s = try GeoNamesImport.run(dump: dump, alternates: alternates, filter: idlibBox, gazetteerDirectory: gazDir)
        XCTAssertEqual(s.read, 4)
        XCTAssertEqual(s.kept, 2, "Far Town is outside the box; Jabal Testa is class T")
        XCTAssertEqual(s.added, 1)
        let after = try Gazetteer.load(directory: gazDir)
        XCTAssertEqual(after.places.count, before.places.count + 1)
        // Saraqib keeps the theatre's coordinates and source, gains the dump's new spellings.
        let saraqib = try XCTUnwrap(after.place(id: 164816))
        XCTAssertEqual(saraqib.location, before.place(id: 164816)?.location)
        XCTAssertEqual(saraqib.source, before.place(id: 164816)?.source)
        XCTAssertEqual(after.resolve("Sarakib")?.id, 164816)
        XCTAssertEqual(after.resolve("Sarâqib")?.id, 164816)
        XCTAssertNil(after.resolve("Old Saraqib Name"), "historic names are not variants")
        // The new place, with its alternate names (not the link), and the GeoNames source.
        let added = try XCTUnwrap(after.place(id: 9999001))
        XCTAssertEqual(added.name, "Kafr Testa")
        XCTAssertEqual(added.source, "GeoNames 9999001")
        XCTAssertEqual(added.arabic, "كفر تستا")
        XCTAssertEqual(after.resolve("Kafr Tasta")?.id, 9999001)
        XCTAssertNil(after.place(id: 9999002))
        XCTAssertNil(after.place(id: 9999003))
        // Again: nothing changes.
        let text = try Data(contentsOf: gazDir.appendingPathComponent("places.tsv"))
        let again = try GeoNamesImport.run(dump: dump, alternates: alternates, filter: idlibBox, gazetteerDirectory: gazDir)
        XCTAssertEqual(again.added + again.variantsAdded, 0)
        XCTAssertEqual(try Data(contentsOf: gazDir.appendingPathComponent("places.tsv")), text)
    }

    func testBadRowRefusesTheWholeFile() throws {
        let root = try dataRoot(self, copyGazetteer: true)
        let gazDir = root.appendingPathComponent("Gazetteer")
        let before = try Data(contentsOf: gazDir.appendingPathComponent("places.tsv"))
        let bad = try scratch(self).appendingPathComponent("SY.txt")
        try String(contentsOf: dump, encoding: .utf8).replacingOccurrences(of: "33.50000", with: "93.5")
            .write(to: bad, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try GeoNamesImport.run(dump: bad, alternates: nil, filter: idlibBox, gazetteerDirectory: gazDir)) { e in
            XCTAssertTrue("\(e)".contains("SY.txt:3: column 5 (latitude)"), "\(e)")
        }
        XCTAssertEqual(try Data(contentsOf: gazDir.appendingPathComponent("places.tsv")), before)
    }
}
