import Exchange
import Foundation
import Geo
import Situation
import VectorIO
import XCTest

/// Writes the situation of 8 Feb 2020 in every format and reads each file back with OGR
/// (VectorDataset.read) and with `ogrinfo`: layer names, counts, field types, one known
/// feature's attributes and coordinates, and areas measured on the polygons they sit on.
final class ExportTests: XCTestCase {
    nonisolated(unsafe) static var cached: (Situation, [VectorLayer])?

    func situationLayers() throws -> (Situation, [VectorLayer]) {
        if let c = Self.cached { return c }
        let theatre = try Theatre.load(from: repoRoot)
        let situation = try Situation(at: Day("2020-02-08")!, in: theatre)
        let idlib = try XCTUnwrap(theatre.gazetteer.resolve("Idlib"))
        let layers = try SituationLayers(situation: situation, rings: [(idlib, 10)]).layers()
        Self.cached = (situation, layers)
        return (situation, layers)
    }

    func testGeoPackageHasOneTypedLayerPerKind() throws {
        let (situation, layers) = try situationLayers()
        let file = try scratch(self).appendingPathComponent("2020-02-08.gpkg")
        try VectorDataset(layers: layers).write(.gpkg, to: file, date: CalendarDate(year: 2020, month: 2, day: 8))
        let back = try VectorDataset.read(file)
        XCTAssertEqual(Set(back.layers.map(\.name)), Set(SituationLayers.layerNames))
        let kinds = Dictionary(uniqueKeysWithValues: back.layers.map { ($0.name, $0.geometry) })
        XCTAssertEqual(kinds["control_areas"], .multiPolygon)
        XCTAssertEqual(kinds["front_line"], .multiLineString)
        XCTAssertEqual(kinds["sites"], .point)
        XCTAssertEqual(kinds["events"], .point)
        XCTAssertEqual(kinds["movements"], .lineString)
        XCTAssertEqual(kinds["event_sources"], GeometryKind.none)
        for l in layers { XCTAssertEqual(back.layer(l.name)?.features.count, l.features.count, l.name) }
        XCTAssertEqual(back.layer("sites")?.features.count, situation.posts.count)

        // Field types survive: a date is a date, a figure a number, a status a boolean.
        let events = try XCTUnwrap(back.layer("events"))
        XCTAssertEqual(events.field("date")?.type, .date)
        XCTAssertEqual(events.field("fatalities")?.type, .integer)
        XCTAssertEqual(back.layer("sites")?.field("computed_encircled")?.type, .boolean)
        XCTAssertEqual(back.layer("control_areas")?.field("area_km2")?.type, .real)

        // One known feature: the 6 Feb Russian strike on Idlib city, at Idlib's GeoNames point.
        let strike = try XCTUnwrap(events.features.first { $0["id"] == "2020-02-06-russian-strikes-idlib-city" })
        XCTAssertEqual(strike["date"], .date(CalendarDate(year: 2020, month: 2, day: 6)))
        XCTAssertEqual(strike["type"], "strike")
        XCTAssertEqual(strike["place"], "Idlib")
        XCTAssertTrue(strike["sources"].string?.contains("The New Arab") == true)
        guard case .point(let p)? = strike.shapes.first else { return XCTFail("no point") }
        XCTAssertEqual(p.x, 36.63393, accuracy: 1e-6)
        XCTAssertEqual(p.y, 35.93062, accuracy: 1e-6)

        // Every source of that event is a row of event_sources, with a real date.
        let sources = try XCTUnwrap(back.layer("event_sources")).features.filter { $0["event_id"] == strike["id"] }
        XCTAssertEqual(sources.count, strike["source_count"].integer)
        XCTAssertEqual(sources.first?["published"], .date(CalendarDate(year: 2020, month: 2, day: 7)))

        // Saraqib's holder on the 8th, with the claim that set it.
        let saraqib = try XCTUnwrap(back.layer("town_control")?.features.first { $0["name"] == "Saraqib" })
        let claim = try XCTUnwrap(situation.holders[164816])
        XCTAssertEqual(saraqib["holder"], .string(claim.holder.rawValue))
        XCTAssertEqual(saraqib["since"], .date(SituationLayers.date(claim.date)))
        XCTAssertEqual(saraqib["outlet"], .string(claim.source.outlet))
    }

    /// area_km2 is the area of the polygon it sits on (measured again on the read-back geometry).
    func testAreasAgreeWithTheirPolygons() throws {
        let (situation, layers) = try situationLayers()
        let file = try scratch(self).appendingPathComponent("areas.gpkg")
        try VectorDataset(layers: layers).write(.gpkg, to: file)
        let back = try VectorDataset.read(file)
        let proj = situation.theatre.projection
        var checked = 0
        for name in ["control_areas", "zones", "rings", "site_areas"] {
            for f in try XCTUnwrap(back.layer(name)).features {
                let polygons = try f.shapes.map { s -> Geometry in
                    guard case .polygon(let rings) = s else { throw XCTSkip("not a polygon") }
                    return try Geometry.polygon(rings[0].map { XY($0.x, $0.y) },
                                                holes: rings.dropFirst().map { $0.map { XY($0.x, $0.y) } })
                }
                let km2 = try proj.project(Geometry.collection(polygons)).area / 1e6
                let stated = try XCTUnwrap(f["area_km2"].real)
                XCTAssertEqual(stated, km2, accuracy: max(0.06, km2 * 0.001), "\(name) \(f["name"])")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 20)
        // The 10 km ring round Idlib: π·10² km² within the polygon's approximation.
        XCTAssertEqual(back.layer("rings")?.features.first?["area_km2"].real ?? 0, Double.pi * 100, accuracy: 1)
    }

    func testEveryFormatReadsBackWithOGR() throws {
        let (_, layers) = try situationLayers()
        let dir = try scratch(self)
        let sites = try XCTUnwrap(layers.first { $0.name == "sites" })
        for format in VectorFormat.allCases {
            let file = dir.appendingPathComponent("sites.\(format.fileExtension)")
            let written = format.holdsManyLayers ? layers.filter { $0.geometry != .none || format == .gpkg } : [sites]
            try VectorDataset(layers: written).write(format, to: file)
            let back = try VectorDataset.read(file)
            // CSV names its one layer after the file.
            let readSites = try XCTUnwrap(format == .csv ? back.layers.first : back.layer("sites"), "\(format)")
            XCTAssertEqual(readSites.features.count, sites.features.count, "\(format)")
            let o1 = try XCTUnwrap(readSites.features.first { $0["id"] == "O1" }, "\(format)")
            // KML keeps the name as the placemark's <name>, which OGR reads back as "Name".
            XCTAssertEqual(o1[format == .kml ? "Name" : "name"], "Salwa", "\(format)")
            if format == .csv {
                XCTAssertEqual(o1["WKT"], "POINT (36.756 36.309)")
            } else {
                guard case .point(let p)? = o1.shapes.first else { XCTFail("\(format): no point"); continue }
                XCTAssertEqual(p.x, 36.756, accuracy: 1e-6, "\(format)")
                XCTAssertEqual(p.y, 36.309, accuracy: 1e-6, "\(format)")
            }
            // Dates: a date field where the format has one, ISO text where it has not.
            if format == .gpkg || format == .geojson || format == .fgb {
                XCTAssertEqual(readSites.field("established")?.type, .date, "\(format)")
                XCTAssertEqual(o1["established"], .date(CalendarDate(year: 2017, month: 10, day: 13)), "\(format)")
            } else if format == .csv {
                XCTAssertEqual(o1["established"], "2017-10-13")
            }
            // ogrinfo agrees on the count.
            let info = try tool("ogrinfo", ["-so", "-al", file.path])
            XCTAssertTrue(info.contains("Feature Count: \(sites.features.count)"), "\(format): \(info.prefix(400))")
        }
    }

    /// KML: one folder per layer, events as placemarks with a time stamp and their sources.
    func testKMLCarriesEventsWithSources() throws {
        let (_, layers) = try situationLayers()
        let file = try scratch(self).appendingPathComponent("s.kml")
        try VectorDataset(layers: layers.filter { $0.geometry != .none }).write(.kml, to: file)
        let back = try VectorDataset.read(file)
        let events = try XCTUnwrap(back.layer("events"))
        XCTAssertEqual(events.features.count, layers.first { $0.name == "events" }?.features.count)
        let strike = try XCTUnwrap(events.features.first { $0["id"] == "2020-02-06-russian-strikes-idlib-city" })
        XCTAssertTrue(strike["description"].string?.contains("Sources: The New Arab 2020-02-07") == true)
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains("<SimpleData name=\"date\">2020-02-06</SimpleData>"))
        XCTAssertTrue(text.contains("<Folder><name>events</name>"))
        let info = try tool("ogrinfo", ["-so", "-al", file.path])
        XCTAssertTrue(info.contains("Layer name: events"))
    }

    func testStandardOutputAndOneLayerFormats() throws {
        let (_, layers) = try situationLayers()
        let movements = try XCTUnwrap(layers.first { $0.name == "movements" })
        let bytes = try VectorDataset(layers: [movements]).encoded(.geojson)
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("{\n\"type\": \"FeatureCollection\""))
        let back = try VectorDataset.read(bytes, fileExtension: "geojson")
        XCTAssertEqual(back.layers.first?.features.count, movements.features.count)
        XCTAssertEqual(back.layers.first?.geometry, .lineString)
        // A one-layer format refuses several layers rather than mixing them.
        XCTAssertThrowsError(try VectorDataset(layers: layers).encoded(.geojson)) { e in
            XCTAssertTrue("\(e)".contains("holds one layer"), "\(e)")
        }
    }

    func testErrorsAreTypedAndFilesAtomic() throws {
        let dir = try scratch(self)
        XCTAssertThrowsError(try VectorDataset.read(dir.appendingPathComponent("none.gpkg"))) { e in
            guard let v = e as? VectorError else { return XCTFail("\(e)") }
            XCTAssertEqual(v.operation, "opening")
            XCTAssertFalse(v.message.isEmpty, "GDAL's message is kept")
        }
        let layer = VectorLayer(name: "p", geometry: .point, fields: [.init("n", .integer)],
                                features: [Feature(shapes: [.point(XY(36, 35))], values: ["n": .integer(1)])])
        // A directory in the way is refused, not replaced.
        let folder = dir.appendingPathComponent("taken.gpkg")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        XCTAssertThrowsError(try VectorDataset(layers: [layer]).write(.gpkg, to: folder))
        var isDir: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir) && isDir.boolValue)
        // A feature that does not fit its layer's geometry type fails the write; nothing is left behind.
        let bad = VectorLayer(name: "p", geometry: .point, fields: [],
                              features: [Feature(shapes: [.line([XY(0, 0), XY(1, 1)])], values: [:])])
        let target = dir.appendingPathComponent("bad.gpkg")
        XCTAssertThrowsError(try VectorDataset(layers: [bad]).write(.gpkg, to: target))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["taken.gpkg"])
    }
}
