import Foundation

/// Files appear whole or not at all: written under a temporary name beside the target, then
/// renamed over it, so an interrupted run never leaves half a map or report.
public enum AtomicFile {
    /// A temporary path beside `url` (hidden, unique to this process).
    public static func temporary(for url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
    }

    /// Moves a finished temporary file into place.
    public static func commit(_ tmp: URL, to url: URL) throws {
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        try FileManager.default.moveItem(at: tmp, to: url)
    }

    public static func write(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let tmp = temporary(for: url)
        defer { try? FileManager.default.removeItem(at: tmp) }
        try data.write(to: tmp)
        try commit(tmp, to: url)
    }
}
