import Foundation

/// The parsed gazetteer (places and name index) kept as one binary file,
/// `<theatre>/.mapgen-cache/gazetteer-<key>.bin`, so that a run reads it instead of parsing
/// `places.tsv` and folding every name again (a third of loading a theatre).
///
/// The key is a hash of the bytes of `places.tsv` and `arabic.tsv` (and of this format), so an
/// edit of either means another file name: a cached gazetteer is never stale. A file is written
/// only after the text parsed without error, so the cache never hides an error in the text;
/// one that does not read back whole (checksum, lengths) is ignored; a folder that cannot be
/// written only costs the parsing.
enum GazetteerCache {
    static let format = "mapgen-gazetteer-2\n"
    static let sources = ["places.tsv", "arabic.tsv"]

    /// The gazetteer of `directory`, from the cache in `cacheFolder` when it holds this text's.
    static func load(directory: URL, cacheFolder: URL, parse: () throws -> Gazetteer) throws -> Gazetteer {
        var h = FNV64()
        h.mix(format)
        for name in sources {
            h.mix(name)
            guard let data = try? Data(contentsOf: directory.appendingPathComponent(name)) else { h.mix("absent"); continue }
            h.mix(data)
        }
        let file = CacheFile(cacheFolder: cacheFolder, kind: "gazetteer", key: String(h.value, radix: 16), format: format, othersKept: 2)
        if let body = file.read(), let cached = decode(body: body) { return cached }
        let gazetteer = try parse()
        file.write(encode(gazetteer))
        return gazetteer
    }

    /// The body of the file (`CacheFile` frames it).
    static func encode(_ g: Gazetteer) -> [UInt8] {
        var w = Writer()
        w.int(g.places.count)
        for p in g.places {
            w.int(p.id); w.string(p.name)
            w.int(p.variants.count); for v in p.variants { w.string(v) }
            w.int(p.arabic == nil ? 0 : 1); if let a = p.arabic { w.string(a) }
            w.double(p.location.lon); w.double(p.location.lat)
            w.string(p.kind.rawValue); w.string(p.country)
            w.int(p.population); w.int(p.rank); w.string(p.source)
        }
        let keys = g.byKey.sorted { $0.key < $1.key }
        w.int(keys.count)
        for (k, indices) in keys {
            w.string(k)
            w.int(indices.count); for i in indices { w.int(i) }
        }
        return w.bytes
    }

    /// The gazetteer a whole cache file holds, or nil when it does not read back whole.
    static func decode(_ data: Data) -> Gazetteer? {
        CacheFile.body(of: data, format: format).flatMap { decode(body: $0) }
    }

    static func decode(body bytes: [UInt8]) -> Gazetteer? {
        var r = Reader(bytes: bytes, at: 0)
        guard let count = r.count() else { return nil }
        var places: [Place] = []
        places.reserveCapacity(count)
        for _ in 0..<count {
            guard let id = r.int(), let name = r.string(), let nv = r.count() else { return nil }
            var variants: [String] = []
            variants.reserveCapacity(nv)
            for _ in 0..<nv { guard let v = r.string() else { return nil }; variants.append(v) }
            guard let hasArabic = r.int() else { return nil }
            var arabic: String?
            if hasArabic == 1 { guard let a = r.string() else { return nil }; arabic = a }
            guard let lon = r.double(), let lat = r.double(), let kind = r.string().flatMap(PlaceKind.init(rawValue:)),
                  let country = r.string(), let population = r.int(), let rank = r.int(), let source = r.string() else { return nil }
            places.append(Place(id: id, name: name, variants: variants, arabic: arabic, location: LonLat(lon: lon, lat: lat),
                                kind: kind, country: country, population: population, rank: rank, source: source))
        }
        guard let nk = r.count() else { return nil }
        var byKey = [String: [Int]](minimumCapacity: nk)
        for _ in 0..<nk {
            guard let k = r.string(), let n = r.count() else { return nil }
            var indices: [Int] = []
            indices.reserveCapacity(n)
            for _ in 0..<n { guard let i = r.int(), places.indices.contains(i) else { return nil }; indices.append(i) }
            byKey[k] = indices
        }
        guard r.offset == bytes.count else { return nil }
        return Gazetteer(places: places, byKey: byKey)
    }

    struct Writer {
        var bytes: [UInt8] = []
        mutating func int(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { bytes += $0 } }
        mutating func double(_ v: Double) { int(Int(bitPattern: UInt(v.bitPattern))) }
        mutating func string(_ s: String) { int(s.utf8.count); bytes += s.utf8 }
    }

    struct Reader {
        let bytes: [UInt8]
        var offset: Int
        init(bytes: [UInt8], at offset: Int) { self.bytes = bytes; self.offset = offset }
        mutating func int() -> Int? {
            guard offset + 8 <= bytes.count else { return nil }
            var v: UInt64 = 0
            for i in 0..<8 { v |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
            offset += 8
            return Int(Int64(bitPattern: v))
        }
        /// A length: not negative, and not more than the bytes left could hold.
        mutating func count() -> Int? {
            guard let n = int(), n >= 0, n <= bytes.count - offset else { return nil }
            return n
        }
        mutating func double() -> Double? { int().map { Double(bitPattern: UInt64(UInt(bitPattern: $0))) } }
        mutating func string() -> String? {
            guard let n = count() else { return nil }
            defer { offset += n }
            return String(decoding: bytes[offset..<(offset + n)], as: UTF8.self)
        }
    }
}

/// 64-bit FNV-1a, eight bytes at a time over bytes (change detection, not security).
public struct FNV64 {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    public init() {}
    public mutating func mix(_ v: UInt64) { value = (value ^ v) &* 0x0000_0100_0000_01b3 }
    public mutating func mix(_ s: String) { for b in s.utf8 { mix(UInt64(b)) } }
    public mutating func mix(_ data: Data) { data.withUnsafeBytes { mix(raw: $0) } }
    public mutating func mix(_ bytes: ArraySlice<UInt8>) { bytes.withUnsafeBytes { mix(raw: $0) } }
    public mutating func mix(_ bytes: [UInt8]) { bytes.withUnsafeBytes { mix(raw: $0) } }
    mutating func mix(raw: UnsafeRawBufferPointer) {
        var i = 0
        while i + 8 <= raw.count { mix(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)); i += 8 }
        var tail: UInt64 = 0, shift: UInt64 = 0
        while i < raw.count { tail |= UInt64(raw[i]) << shift; shift += 8; i += 1 }
        mix(tail); mix(UInt64(raw.count))
    }
}
