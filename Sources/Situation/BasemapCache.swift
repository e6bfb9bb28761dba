import Foundation
import Geo

/// The theatre's basemap as built (layers projected, the country's land cut out along the border,
/// the border's reach buffered), kept as WKB in `<theatre>/.mapgen-cache/basemap-<key>.bin`: the
/// basemap thread then reads ten geometries instead of parsing GeoJSON and running GEOS, and stops
/// being the longest part of loading a theatre.
///
/// The key is a hash of everything the basemap is made from: the names of its files and their
/// bytes, the control-land rule (file, seed), the way-out reach, the inset file, the projection,
/// and the GEOS and PROJ versions. An edit of any of them means another name, so a cached basemap
/// is never stale. A basemap with layers declared from other sources (`BasemapSources`, any
/// format OGR reads) is not cached. A file is written only after the basemap was built without
/// error; one that does not read back whole is ignored; a folder that cannot be written only
/// costs the building.
enum BasemapCache {
    static let format = "mapgen-basemap-1\n"

    static func load(_ d: TheatreDescription, projection: MapProjection, build: () throws -> Basemap) throws -> Basemap {
        guard ProcessInfo.processInfo.environment["MAPGEN_NO_STORE"] == nil, let key = key(d, projection: projection) else {
            return try build()
        }
        let file = CacheFile(cacheFolder: d.folder.appendingPathComponent(".mapgen-cache"), kind: "basemap", key: key,
                             format: format, othersKept: 2)
        if let body = file.read(), let cached = decode(body: body) { return cached }
        let basemap = try build()
        if let body = try? encode(basemap) { file.write(body) }
        return basemap
    }

    /// The key, or nil when the basemap names sources this cache does not follow.
    static func key(_ d: TheatreDescription, projection: MapProjection) -> String? {
        let m = d.basemap
        let dir = d.folder.appendingPathComponent(m.dir)
        guard !FileManager.default.fileExists(atPath: dir.appendingPathComponent(BasemapSources.fileName).path) else { return nil }
        var h = FNV64()
        h.mix(format); h.mix(Geometry.geosVersion); h.mix(MapProjection.libraryVersion); h.mix(projection.definition)
        let files: [(String, URL)] = [m.land, m.sea, m.border, m.coast, m.rivers, m.lakes, m.provinces]
            .map { name in (name ?? "-", name.map { dir.appendingPathComponent($0) }) }
            .map { ($0.0, $0.1 ?? dir) }
            + [(d.controlLand.file ?? "-", d.controlLand.file.map { d.folder.appendingPathComponent($0) } ?? dir),
               (d.inset.file, d.folder.appendingPathComponent(d.inset.file))]
        for (name, url) in files {
            h.mix(name)
            guard name != "-" else { continue }
            guard let data = try? Data(contentsOf: url) else { return nil }
            h.mix(data)
        }
        h.mix(d.controlLand.seed.lon.bitPattern); h.mix(d.controlLand.seed.lat.bitPattern)
        h.mix((d.wayOut?.reachKm ?? 2).bitPattern)
        return String(h.value, radix: 16)
    }

    /// The layers in `Basemap`'s order.
    static func layers(_ b: Basemap) -> [Geometry] {
        [b.land, b.sea, b.border, b.coast, b.rivers, b.lakes, b.provinces, b.controlLand, b.borderReach, b.insetCountries]
    }

    /// The body of the file (`CacheFile` frames it): per layer its WKB's length (8 bytes) and the WKB.
    static func encode(_ b: Basemap) throws -> [UInt8] {
        var body: [UInt8] = []
        for g in layers(b) {
            let wkb = try g.wkb
            withUnsafeBytes(of: UInt64(wkb.count).littleEndian) { body += $0 }
            body += wkb
        }
        return body
    }

    /// The basemap a whole cache file holds, or nil when it does not read back whole.
    static func decode(_ data: Data) -> Basemap? {
        CacheFile.body(of: data, format: format).flatMap { decode(body: $0) }
    }

    static func decode(body bytes: [UInt8]) -> Basemap? {
        var offset = 0
        var g: [Geometry] = []
        while offset < bytes.count {
            guard let n = read(bytes, at: offset).flatMap({ Int(exactly: $0) }), n <= bytes.count - offset - 8,
                  let geometry = try? Geometry(wkb: bytes[(offset + 8)..<(offset + 8 + n)]) else { return nil }
            g.append(geometry)
            offset += 8 + n
        }
        guard g.count == 10 else { return nil }
        return Basemap(land: g[0], sea: g[1], border: g[2], coast: g[3], rivers: g[4], lakes: g[5], provinces: g[6],
                       controlLand: g[7], borderReach: g[8], insetCountries: g[9])
    }

    private static func read(_ bytes: [UInt8], at offset: Int) -> UInt64? {
        guard offset >= 0, offset + 8 <= bytes.count else { return nil }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        return v
    }
}
