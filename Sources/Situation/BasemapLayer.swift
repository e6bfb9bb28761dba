import Foundation
import Geo

/// One GeoJSON file of the basemap, read and checked for what the map needs from it (polygons
/// or lines). Whatever goes wrong with it, in reading, projecting or cutting, is told as a
/// problem of that file with a fix, not as a GEOS or PROJ message alone.
struct BasemapLayer {
    enum Kind: String { case polygons, lines }

    /// A problem with the layer's content, said without the file (`checking` adds it).
    struct Problem: Error {
        let message: String
        let fix: String
        init(_ message: String, fix: String) { self.message = message; self.fix = fix }
    }

    let file: String
    /// The layer as read, in lon/lat (land is repaired with GEOSMakeValid and kept to its polygons).
    let lonLat: Geometry

    init(_ dir: URL, _ name: String, _ kind: Kind) throws {
        let url = dir.appendingPathComponent(name)
        let file = url.relativeDisplay
        try self.init(file: file, name: name, kind: kind) { try Self.read(readText(url), file: file) }
    }

    /// A layer whose geometry `source` gives (the GeoJSON file, or a source declared in
    /// `sources.tsv` and read through OGR), checked the same way; problems name `file`.
    init(file: String, name: String, kind: Kind, source: () throws -> Geometry) throws {
        self.file = file
        lonLat = try Self.checking(file) {
            let raw = try source()
            let shapes = raw.shapes
            switch kind {
            case .polygons:
                guard shapes.contains(where: { if case .polygon = $0 { return true } else { return false } }) else {
                    throw Problem("holds no polygons (\(raw.isEmpty ? "no geometry at all" : "no Polygon or MultiPolygon feature"))",
                                  fix: "this layer needs its Polygon features; restore the file from git")
                }
                // Land is repaired (control areas are cut from it); another invalid polygon layer
                // would draw wrong or break clipping, so it is refused with GEOS's reason.
                if name == "land.geojson" { return try raw.makeValid().polygonal }
                guard try raw.isValid else {
                    throw Problem("has an invalid polygon (\(try raw.invalidReason))",
                                  fix: "repair the geometry (QGIS: Fix geometries, or ogr2ogr -makevalid) or restore the file from git")
                }
                return raw
            case .lines:
                guard shapes.contains(where: { if case .line(let pts) = $0 { return pts.count >= 2 } else { return false } }) else {
                    throw Problem("holds no lines (\(raw.isEmpty ? "no geometry at all" : "no LineString feature"))",
                                  fix: "this layer needs its LineString features; restore the file from git")
                }
                return raw
            }
        }
    }

    /// The layer in map metres.
    func projected(_ projection: MapProjection) throws -> Geometry {
        try checking { try projection.project(lonLat) }
    }

    /// Runs work on this layer, telling any failure as a problem of its file.
    func checking<T>(_ body: () throws -> T) throws -> T { try Self.checking(file, body) }

    static func checking<T>(_ file: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as Problem {
            throw DataError(file: file, e.message, fix: e.fix)
        } catch let e as GeometryError {
            throw DataError(file: file, "a geometry cannot be used (\(e.operation): \(plain(e.message)))",
                            fix: "repair the geometry (QGIS: Fix geometries, or ogr2ogr -makevalid) or restore the file from git")
        } catch let e as ProjectionError {
            throw DataError(file: file, "a coordinate cannot be projected (\(e.message))",
                            fix: "coordinates are longitude, latitude in degrees (RFC 7946)")
        }
    }

    /// Reads GeoJSON; a syntax error becomes `file:line: not valid GeoJSON (column …)`.
    static func read(_ text: String, file: String) throws -> Geometry {
        do { return try Geometry.fromGeoJSON(text) } catch let e as GeometryError {
            // GEOS passes on its JSON parser's message: "… parse error at line 3, column 7: syntax error …'".
            let m = e.message
            if let at = m.range(of: "at line "), let comma = m[at.upperBound...].firstIndex(of: ","),
               let line = Int(m[at.upperBound..<comma]) {
                var rest = m[m.index(after: comma)...].trimmingCharacters(in: .whitespaces)
                // GEOS quotes the parser's whole message: drop its closing quote, not the parser's own.
                if rest.hasSuffix("'"), m.contains("'[json.exception") { rest.removeLast() }
                throw DataError(file: file, line: line, "not valid GeoJSON (\(rest))",
                                fix: "the file must be RFC 7946 GeoJSON; restore it from git or re-export it")
            }
            throw DataError(file: file, "not GeoJSON mapgen can read (\(plain(m)))",
                            fix: "the file must be an RFC 7946 FeatureCollection; restore it from git or re-export it")
        }
    }

    /// GEOS's message without its C++ exception class name ("ParseException: …").
    static func plain(_ message: String) -> String {
        guard let colon = message.range(of: "Exception: ") else { return message }
        return String(message[colon.upperBound...])
    }
}
