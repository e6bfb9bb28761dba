import Foundation
import XCTest
@testable import Geo

/// GEOS and PROJ failures come back as typed errors carrying the library's message; refused
/// arguments are refused before they reach the library.
final class GeometryFailureTests: XCTestCase {
    func testAGEOSFailureCarriesGEOSsMessage() {
        // GEOS refuses an open ring; the message comes through the context's error handler.
        XCTAssertThrowsError(try Geometry.fromWKT("LINEARRING (0 0, 1 1, 2 0)")) { e in
            let g = e as? GeometryError
            XCTAssertEqual(g?.operation, "WKT read")
            XCTAssertTrue(g?.message.contains("closed") ?? false, "\(e)")
        }
        XCTAssertThrowsError(try Geometry.fromGeoJSON("{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 1]]]}")) { e in
            XCTAssertTrue((e as? GeometryError)?.message.contains("LinearRing") ?? false, "\(e)")
        }
        // The next call on the same thread does not inherit the old message.
        XCTAssertNoThrow(try Geometry.fromWKT("POINT (1 2)"))
    }

    func testNonFiniteAndAbsurdArgumentsAreRefused() throws {
        let p = try Geometry.point(XY(0, 0))
        for width in [Double.nan, .infinity, -.infinity, 1e19 * 1000, Geometry.maxBufferDistance * 1.01] {
            XCTAssertThrowsError(try p.buffer(width)) { e in XCTAssertEqual((e as? GeometryError)?.operation, "buffer") }
        }
        XCTAssertThrowsError(try p.buffer(10, quadrantSegments: 0))
        XCTAssertThrowsError(try p.buffer(10, quadrantSegments: .max))
        XCTAssertEqual(try p.buffer(1000).area, Double.pi * 1e6, accuracy: 1e6 * 0.01)
        XCTAssertThrowsError(try Geometry.point(XY(.nan, 0)))
        XCTAssertThrowsError(try Geometry.lineString([XY(0, 0), XY(.infinity, 1)]))
        XCTAssertThrowsError(try Geometry.lineString([XY(0, 0)]))
        XCTAssertThrowsError(try Geometry.polygon([XY(0, 0), XY(1, 1)]))
        XCTAssertThrowsError(try Geometry.rectangle(Rect(minX: 0, minY: 0, maxX: .nan, maxY: 1)))
        XCTAssertThrowsError(try Geometry.voronoiCells(sites: [XY(0, 0), XY(1, 1), XY(2, 0)], extent: Rect(minX: 0, minY: 0, maxX: 0, maxY: 0)))
    }

    func testTheNearestIndexDoesNotTrapOnPointsFarOutside() {
        // Int(_:) of a NaN or huge quotient traps; the grid clamps before converting.
        let index = NearestIndex([XY(0, 0), XY(10, 10)], extent: Rect(minX: 0, minY: 0, maxX: 10, maxY: 10))
        XCTAssertEqual(index.nearest(to: XY(1e300, 1e300)), 1)
        XCTAssertEqual(index.nearest(to: XY(-1e300, -1e300)), 0)
        _ = index.nearest(to: XY(.nan, 5))
    }

    func testEachThreadHasItsOwnContextAndGeometriesCrossThreads() throws {
        // Geometries made on worker threads (each with its own GEOS context) are used on this one.
        let made = try (0..<4).map { _ in try Geometry.point(XY(0, 0)) }
        var areas = [Double](repeating: 0, count: 8)
        areas.withUnsafeMutableBufferPointer { out in
            let out = out
            DispatchQueue.concurrentPerform(iterations: 8) { i in
                out[i] = (try? made[i % 4].buffer(Double(100 * (i + 1))).area) ?? -1
            }
        }
        for (i, a) in areas.enumerated() {
            XCTAssertEqual(a, Double.pi * pow(Double(100 * (i + 1)), 2), accuracy: a * 0.01)
        }
    }
}

final class ProjectionFailureTests: XCTestCase {
    func testPROJsOwnMessageComesBack() {
        XCTAssertThrowsError(try PROJTransform("+proj=no-such-projection")) { e in
            let p = e as? ProjectionError
            XCTAssertNotNil(p, "\(e)")
            XCTAssertFalse(p?.message.isEmpty ?? true)
        }
        XCTAssertThrowsError(try MapProjection(center: LonLat(lon: 36, lat: 95)))
    }

    func testAPointPROJCannotTransformIsAnError() throws {
        let proj = try MapProjection(center: LonLat(lon: 36.72, lat: 35.86))
        XCTAssertThrowsError(try proj.project(LonLat(lon: .nan, lat: 35)))
        // Beyond the pole: PROJ refuses it and says why.
        XCTAssertThrowsError(try proj.project(LonLat(lon: 36, lat: 91))) { e in
            XCTAssertTrue(e is ProjectionError, "\(e)")
            XCTAssertFalse((e as? ProjectionError)?.message.isEmpty ?? true)
            print("PROJ says: \(e)")
        }
        XCTAssertNoThrow(try proj.project(LonLat(lon: 36.63, lat: 35.93)))
    }
}

final class DataTextTests: XCTestCase {
    func write(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mapgen-text-\(UUID().uuidString).tsv")
        try Data(bytes).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testInvalidUTF8IsReportedAtItsLineWithTheFix() throws {
        let url = try write(Array("a\tb\nc\td\n".utf8) + [0x65, 0xE9, 0x74, 0x65, 0x0A])   // "été" in Latin-1 on line 3
        XCTAssertThrowsError(try readText(url)) { e in
            let d = e as? DataError
            XCTAssertEqual(d?.line, 3)
            XCTAssertEqual(d?.fix, "save the file as UTF-8")
            XCTAssertTrue(d?.message.contains("0xE9") ?? false, "\(e)")
        }
    }

    func testTheValidatorFollowsTheUTF8Rules() {
        XCTAssertNil(firstInvalidUTF8(Array("Saraqib سراقب 𝄞 é".utf8)))
        XCTAssertEqual(firstInvalidUTF8([0x61, 0xC0, 0xAF]), 1)          // overlong "/"
        XCTAssertEqual(firstInvalidUTF8([0xED, 0xA0, 0x80]), 0)          // a surrogate
        XCTAssertEqual(firstInvalidUTF8([0xF4, 0x90, 0x80, 0x80]), 0)    // above U+10FFFF
        XCTAssertEqual(firstInvalidUTF8([0x61, 0x62, 0xE2, 0x82]), 2)    // cut short
    }

    func testAByteOrderMarkIsDroppedAndAMissingFileSaysSo() throws {
        XCTAssertEqual(try readText(write([0xEF, 0xBB, 0xBF] + Array("id\n".utf8))), "id\n")
        XCTAssertThrowsError(try readText(URL(fileURLWithPath: "/nonexistent/places.tsv"))) { e in
            XCTAssertTrue((e as? DataError)?.message.contains("no such file") ?? false, "\(e)")
        }
    }

    func testNumericFieldsAreStrict() throws {
        let row = { (lat: String, pop: String) in
            "1\tA\tA\t\t\(lat)\t36\tP\tPPL\tSY\t\t\t\t\t\t\(pop)\t\t\t\t\n"
        }
        XCTAssertEqual(try Gazetteer.parsePlaces(row("35.5", ""), file: "places.tsv").first?.population, 0)
        for (lat, pop) in [("abc", "0"), ("nan", "0"), ("inf", "0"), ("0x1p3", "0"), ("95", "0"), ("35", "abc"), ("35", "-5")] {
            XCTAssertThrowsError(try Gazetteer.parsePlaces(row(lat, pop), file: "places.tsv"), "\(lat) \(pop)") { e in
                let d = e as? DataError
                XCTAssertEqual(d?.line, 1)
                XCTAssertTrue(d?.message.contains(lat == "35" ? "population" : "latitude") ?? false, "\(e)")
                XCTAssertNotNil(d?.fix)
            }
        }
    }

    func testTheASCIIKeyIsTheGeneralKey() throws {
        let text = try readText(repoRoot.appendingPathComponent("Gazetteer/places.tsv"))
        var names = ["Al-Bab", "al-bab", "Ma'arrat (al) Nu.man", "As Sukhnah", "AL", "el", "Tell_x/y,z", "  two  spaces "]
        for p in try Gazetteer.parsePlaces(text, file: "places.tsv") { names += [p.name] + p.variants }
        for n in names where n.utf8.allSatisfy({ $0 < 0x80 }) {
            XCTAssertEqual(Gazetteer.asciiKey(n), Gazetteer.unicodeKey(n), n)
        }
    }

    /// The gazetteer trims alternate names without Foundation; it must trim as Foundation does.
    func testTrimmingIsFoundationsWhitespaceTrimming() throws {
        let text = try readText(repoRoot.appendingPathComponent("Gazetteer/places.tsv"))
        var samples = [" a ", "\t b\t", "\u{00A0}c\u{2009}", "\u{3000}", "", "d e", " \u{0627}\u{0644} ", "\u{200B}x\u{200B}", "\n y"]
        for (_, f) in tsvRows(text) where f.count > 3 { samples += f[3].split(separator: ",").map(String.init) }
        for s in samples {
            XCTAssertEqual(Gazetteer.trimmingWhitespace(Substring(s)), s.trimmingCharacters(in: .whitespaces), s.debugDescription)
        }
    }

    /// Keys of Arabic names come from a table of the block's folds; every scalar of the block,
    /// alone and in a name, keys as the per-scalar fold says.
    func testArabicKeysFollowTheFold() throws {
        for v in UInt32(0x0600)...0x06FF {
            guard let c = Unicode.Scalar(v) else { continue }
            var expected = String.UnicodeScalarView()
            expected.append(contentsOf: "x ".unicodeScalars)
            expected.append(contentsOf: Gazetteer.fold(c))
            XCTAssertEqual(Gazetteer.key("x \(Character(c))"), String(expected).trimmingCharacters(in: .whitespaces), String(v, radix: 16))
        }
    }
}

