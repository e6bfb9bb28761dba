import Foundation

/// One compiled file in a theatre's `.mapgen-cache/`, as the gazetteer, basemap and Voronoi
/// caches keep them: `<kind>-<key>.bin`, holding a format line, an FNV-1a checksum of the rest
/// (8 bytes, little-endian) and the body. The key names everything the body is made from, so a
/// file is never stale; one of another format, or damaged, reads as absent; a write is atomic,
/// skipped where the theatre folder does not exist or cannot be written, and leaves only the
/// newest few files of the same kind beside it (a branch switch brings an older text back).
public struct CacheFile: Sendable {
    public let url: URL
    let format: String
    /// Files of the same kind with other keys kept beside this one.
    let othersKept: Int

    /// The file of `kind` and `key` in `cacheFolder` (a theatre's `.mapgen-cache`).
    public init(cacheFolder: URL, kind: String, key: String, format: String, othersKept: Int) {
        url = cacheFolder.appendingPathComponent("\(kind)-\(key).bin")
        self.format = format
        self.othersKept = othersKept
    }

    /// The body kept in the file, or nil when there is none or it does not read back whole.
    public func read() -> [UInt8]? {
        (try? Data(contentsOf: url)).flatMap { Self.body(of: $0, format: format) }
    }

    /// Keeps `body`; a failure only costs the next run the work again.
    public func write(_ body: [UInt8]) {
        let cacheFolder = url.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: cacheFolder.deletingLastPathComponent().path),
              (try? AtomicFile.write(Self.framed(body, format: format), to: url)) != nil else { return }
        prune(cacheFolder)
    }

    /// format, checksum of the body, body.
    public static func framed(_ body: [UInt8], format: String) -> Data {
        var h = FNV64()
        h.mix(body)
        var out = Array(format.utf8)
        withUnsafeBytes(of: h.value.littleEndian) { out += $0 }
        return Data(out + body)
    }

    /// The body of a file's bytes, or nil when the format or the checksum is not right.
    public static func body(of data: Data, format: String) -> [UInt8]? {
        let bytes = [UInt8](data)
        let head = format.utf8.count
        guard bytes.count >= head + 8, bytes.starts(with: format.utf8) else { return nil }
        var stored: UInt64 = 0
        for i in 0..<8 { stored |= UInt64(bytes[head + i]) << (8 * UInt64(i)) }
        let body = Array(bytes[(head + 8)...])
        var h = FNV64()
        h.mix(body)
        return stored == h.value ? body : nil
    }

    private func prune(_ cacheFolder: URL) {
        let fm = FileManager.default
        let kind = url.lastPathComponent.prefix { $0 != "-" } + "-"
        guard let names = try? fm.contentsOfDirectory(atPath: cacheFolder.path) else { return }
        let old = names.filter { $0.hasPrefix(kind) && $0.hasSuffix(".bin") && $0 != url.lastPathComponent }
            .map { cacheFolder.appendingPathComponent($0) }
            .map { ($0, (try? fm.attributesOfItem(atPath: $0.path)[.modificationDate] as? Date) ?? .distantPast) }
            .sorted { $0.1 > $1.1 }
        for (file, _) in old.dropFirst(othersKept) { try? fm.removeItem(at: file) }
    }
}
