import CGDAL
import Foundation

/// Any failure of GDAL/OGR, with GDAL's own message (CPLGetLastErrorMsg) and the file it
/// concerns, so the CLI can print one line a user can act on.
public struct VectorError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let operation: String
    public let message: String

    public init(path: String, operation: String, message: String) {
        self.path = path; self.operation = operation; self.message = message
    }

    public var description: String { "\(path): \(operation) failed\(message.isEmpty ? "" : ": \(message)")" }
}

/// GDAL could not be loaded: the command needs it, a plain map does not.
public struct GDALUnavailable: Error, CustomStringConvertible, Equatable {
    /// What the loader tried and why it failed (dlopen's message).
    public let reason: String
    public var description: String { "\(reason); this command needs GDAL: apt-get install libgdal-dev" }
}

/// The GDAL functions VectorIO calls (a table filled by dlsym, see CGDAL.h). Immutable once
/// loaded, and GDAL's functions may be called from any thread.
typealias GDALFunctions = mapgen_gdal

/// Process-wide GDAL set-up, done once, at the first use: the library loaded, every driver
/// registered, and GDAL's own printing to stderr silenced (errors are read back with
/// CPLGetLastErrorMsg and thrown instead).
enum GDALRuntime {
    private static let loaded: Result<GDALFunctions, GDALUnavailable> = {
        var message = [CChar](repeating: 0, count: 1024)
        guard let table = mapgen_gdal_load(&message, message.count) else {
            return .failure(GDALUnavailable(reason: String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)))
        }
        let g = table.pointee
        _ = g.CPLSetErrorHandler(g.CPLQuietErrorHandler)
        g.GDALAllRegister()
        return .success(g)
    }()

    /// Starts an operation with a clean error state (the state is per thread in GDAL); throws
    /// `GDALUnavailable` when GDAL is not installed.
    static func begin() throws -> GDALFunctions {
        let g = try loaded.get()
        g.CPLErrorReset()
        return g
    }

    static func lastMessage(_ g: GDALFunctions) -> String {
        guard let m = g.CPLGetLastErrorMsg() else { return "" }
        return String(cString: m)
    }

    static func error(_ g: GDALFunctions, _ path: String, _ operation: String) -> VectorError {
        VectorError(path: path, operation: operation, message: lastMessage(g))
    }

    /// Calls `body` with a GDAL string list ("KEY=VALUE" entries), freed afterwards.
    static func withOptions<T>(_ g: GDALFunctions, _ options: [(String, String)],
                               _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) throws -> T) rethrows -> T {
        var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        for (k, v) in options { list = g.CSLSetNameValue(list, k, v) }
        defer { g.CSLDestroy(list) }
        return try body(list)
    }

    /// Sets a GDAL configuration option for this thread while `body` runs.
    static func withThreadConfig<T>(_ g: GDALFunctions, _ key: String, _ value: String?, _ body: () throws -> T) rethrows -> T {
        let old = g.CPLGetThreadLocalConfigOption(key, nil).map { String(cString: $0) }
        g.CPLSetThreadLocalConfigOption(key, value)
        defer { g.CPLSetThreadLocalConfigOption(key, old) }
        return try body()
    }

    /// The GDAL version string, e.g. "3.6.2"; throws when GDAL is not installed.
    public static func version() throws -> String {
        let g = try begin()
        return g.GDALVersionInfo("RELEASE_NAME").map { String(cString: $0) } ?? "unknown"
    }
}
