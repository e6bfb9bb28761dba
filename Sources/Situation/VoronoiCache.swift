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
    static let format = "mapgen-voronoi-1\n"
    /// Files kept per theatre (different site sets: dates before a place's first claim).
    static let kept = 8

    static func cells(sites: [XY], extent: Rect, theatreFolder: URL) throws -> [(site: Int, cell: Geometry)] {
        guard ProcessInfo.processInfo.environment["MAPGEN_NO_STORE"] == nil else {
            return try Geometry.voronoiCells(sites: sites, extent: extent)
        }
        let dir = theatreFolder.appendingPathComponent(".mapgen-cache")
        let file = dir.appendingPathComponent("voronoi-\(key(sites: sites, extent: extent)).bin")
        if let data = try? Data(contentsOf: file), let cells = decode(data, siteCount: sites.count) { return cells }
        let cells = try Geometry.voronoiCells(sites: sites, extent: extent)
        // Only inside a theatre folder that exists; a read-only one is no error.
        if FileManager.default.fileExists(atPath: theatreFolder.path), let data = try? encode(cells) {
            if (try? AtomicFile.write(data, to: file)) != nil { prune(dir, keeping: file) }
        }
        return cells
    }

    /// FNV-1a over the format, the GEOS version, the extent and the sites.
    static func key(sites: [XY], extent: Rect) -> String {
        var h = FNV()
        h.mix(format); h.mix(Geometry.geosVersion)
        for v in [extent.minX, extent.minY, extent.maxX, extent.maxY] { h.mix(v.bitPattern) }
        h.mix(UInt64(sites.count))
        for s in sites { h.mix(s.x.bitPattern); h.mix(s.y.bitPattern) }
        return String(h.value, radix: 16)
    }

    /// format, checksum of the rest (8 bytes), cell count (4), each cell's site (4 each), WKB of the cells.
    static func encode(_ cells: [(site: Int, cell: Geometry)]) throws -> Data {
        var body: [UInt8] = []
        append(UInt32(cells.count), to: &body)
        for c in cells { append(UInt32(c.site), to: &body) }
        body += try Geometry.collection(cells.map(\.cell)).wkb
        var h = FNV()
        for b in body { h.mix(UInt64(b)) }
        var out = Array(format.utf8)
        append(h.value, to: &out)
        return Data(out + body)
    }

    static func decode(_ data: Data, siteCount: Int) -> [(site: Int, cell: Geometry)]? {
        let bytes = [UInt8](data)
        let head = format.utf8.count
        guard bytes.count > head + 12, bytes.starts(with: format.utf8) else { return nil }
        let body = bytes[(head + 8)...]
        var h = FNV()
        for b in body { h.mix(UInt64(b)) }
        guard read(UInt64.self, bytes, at: head) == h.value else { return nil }
        let start = head + 8
        let n = Int(read(UInt32.self, bytes, at: start))
        let wkbStart = start + 4 + 4 * n
        guard wkbStart < bytes.count else { return nil }
        let sites = (0..<n).map { Int(read(UInt32.self, bytes, at: start + 4 + 4 * $0)) }
        guard sites.allSatisfy({ $0 < siteCount }),
              let all = try? Geometry(wkb: bytes[wkbStart...]), let parts = try? all.parts, parts.count == n else { return nil }
        return Array(zip(sites, parts))
    }

    /// Keeps the newest files of other site sets, and `file`.
    static func prune(_ dir: URL, keeping file: URL) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { return }
        let old = names.filter { $0.hasPrefix("voronoi-") && $0.hasSuffix(".bin") && $0 != file.lastPathComponent }
            .map { dir.appendingPathComponent($0) }
            .map { ($0, (try? fm.attributesOfItem(atPath: $0.path)[.modificationDate] as? Date) ?? .distantPast) }
            .sorted { $0.1 > $1.1 }
        for (url, _) in old.dropFirst(kept - 1) { try? fm.removeItem(at: url) }
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

    /// 64-bit FNV-1a.
    struct FNV {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        mutating func mix(_ v: UInt64) { value = (value ^ v) &* 0x0000_0100_0000_01b3 }
        mutating func mix(_ s: String) { for b in s.utf8 { mix(UInt64(b)) } }
    }
}
