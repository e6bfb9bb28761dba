import Foundation
import Geo

/// The Voronoi cells of a set of sites, kept on disk beside the report store
/// (`<theatre>/.mapgen-cache/voronoi-<key>.bin`) because the diagram is most of a map's control
/// areas and the sites hardly change from date to date: they are the places with a holder,
/// almost all of them known from the first claims on.
///
/// The file's name is a hash of everything the cells follow from (the sites' coordinates bit
/// for bit, in order, the extent, the GEOS version), so a file can never be stale: other sites
/// (an edited gazetteer, a new place claimed) mean another name. The cells go through WKB,
/// which keeps every coordinate bit for bit, so the areas made from them are the same. A file
/// that does not read back whole is ignored and computed again; a folder that cannot be
/// written only costs the computation.
enum VoronoiCache {
    static let format = "mapgen-voronoi-2\n"
    /// Files kept per theatre (different site sets: dates before a place's first claim).
    static let kept = 8

    static func cells(sites: [XY], extent: Rect, theatreFolder: URL) throws -> [(site: Int, cell: Geometry)] {
        guard ProcessInfo.processInfo.environment["MAPGEN_NO_STORE"] == nil else {
            return try Geometry.voronoiCells(sites: sites, extent: extent)
        }
        let file = CacheFile(cacheFolder: theatreFolder.appendingPathComponent(".mapgen-cache"), kind: "voronoi",
                             key: key(sites: sites, extent: extent), format: format, othersKept: kept - 1)
        if let body = file.read(), let cells = decode(body: body, siteCount: sites.count) { return cells }
        let cells = try Geometry.voronoiCells(sites: sites, extent: extent)
        // Only inside a theatre folder that exists; a read-only one is no error.
        if let body = try? encode(cells) { file.write(body) }
        return cells
    }

    /// FNV-1a over the format, the GEOS version, the extent and the sites.
    static func key(sites: [XY], extent: Rect) -> String {
        var h = FNV64()
        h.mix(format); h.mix(Geometry.geosVersion)
        for v in [extent.minX, extent.minY, extent.maxX, extent.maxY] { h.mix(v.bitPattern) }
        h.mix(UInt64(sites.count))
        for s in sites { h.mix(s.x.bitPattern); h.mix(s.y.bitPattern) }
        return String(h.value, radix: 16)
    }

    /// The body of the file (`CacheFile` frames it): cell count (4 bytes), each cell's site (4 each), WKB of the cells.
    static func encode(_ cells: [(site: Int, cell: Geometry)]) throws -> [UInt8] {
        var body: [UInt8] = []
        append(UInt32(cells.count), to: &body)
        for c in cells { append(UInt32(c.site), to: &body) }
        body += try Geometry.collection(cells.map(\.cell)).wkb
        return body
    }

    static func decode(body bytes: [UInt8], siteCount: Int) -> [(site: Int, cell: Geometry)]? {
        guard bytes.count > 4 else { return nil }
        let n = Int(read(UInt32.self, bytes, at: 0))
        let wkbStart = 4 + 4 * n
        guard wkbStart < bytes.count else { return nil }
        let sites = (0..<n).map { Int(read(UInt32.self, bytes, at: 4 + 4 * $0)) }
        guard sites.allSatisfy({ $0 < siteCount }),
              let all = try? Geometry(wkb: bytes[wkbStart...]), let parts = try? all.parts, parts.count == n else { return nil }
        return Array(zip(sites, parts))
    }

    private static func append<T: FixedWidthInteger>(_ v: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: v.littleEndian) { out += $0 }
    }

    private static func read<T: FixedWidthInteger>(_: T.Type, _ bytes: [UInt8], at offset: Int) -> T {
        var v: T = 0
        let size = MemoryLayout<T>.size
        guard offset >= 0, offset + size <= bytes.count else { return T.max }
        for i in 0..<size { v |= T(bytes[offset + i]) << (8 * i) }
        return v
    }
}
