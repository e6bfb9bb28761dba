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

/// Process-wide GDAL set-up, done once: every driver registered, and GDAL's own printing to
/// stderr silenced (errors are read back with CPLGetLastErrorMsg and thrown instead).
enum GDALRuntime {
    static let ready: Void = {
        CPLSetErrorHandler(CPLQuietErrorHandler)
        GDALAllRegister()
    }()

    /// Starts an operation with a clean error state (the state is per thread in GDAL).
    static func begin() {
        _ = ready
        CPLErrorReset()
    }

    static var lastMessage: String {
        guard let m = CPLGetLastErrorMsg() else { return "" }
        return String(cString: m)
    }

    static func error(_ path: String, _ operation: String) -> VectorError {
        VectorError(path: path, operation: operation, message: lastMessage)
    }

    /// Calls `body` with a GDAL string list ("KEY=VALUE" entries), freed afterwards.
    static func withOptions<T>(_ options: [(String, String)], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) throws -> T) rethrows -> T {
        var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        for (k, v) in options { list = CSLSetNameValue(list, k, v) }
        defer { CSLDestroy(list) }
        return try body(list)
    }

    /// Sets a GDAL configuration option for this thread while `body` runs.
    static func withThreadConfig<T>(_ key: String, _ value: String?, _ body: () throws -> T) rethrows -> T {
        let old = CPLGetThreadLocalConfigOption(key, nil).map { String(cString: $0) }
        CPLSetThreadLocalConfigOption(key, value)
        defer { CPLSetThreadLocalConfigOption(key, old) }
        return try body()
    }

    /// The GDAL version string, e.g. "3.6.2".
    public static var version: String { String(cString: GDALVersionInfo("RELEASE_NAME")) }
}
