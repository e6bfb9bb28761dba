import CGEOS
import Foundation

/// Geometries as well-known binary, for caches: the coordinates come back bit for bit, so a
/// geometry read back gives the same results as the one written.
extension Geometry {
    /// This geometry's WKB (the machine's byte order).
    public var wkb: [UInt8] {
        get throws {
            let context = GEOSContext.current
            let ctx = context.handle
            context.clearMessages()
            guard let writer = GEOSWKBWriter_create_r(ctx) else { throw context.error("WKB writer") }
            defer { GEOSWKBWriter_destroy_r(ctx, writer) }
            // Z when the geometry has it (the writer's default drops it).
            GEOSWKBWriter_setOutputDimension_r(ctx, writer, 3)
            var size = 0
            guard let buf = GEOSWKBWriter_write_r(ctx, writer, ptr, &size) else { throw context.error("WKB write") }
            defer { GEOSFree_r(ctx, buf) }
            return Array(UnsafeBufferPointer(start: buf, count: size))
        }
    }

    /// The geometry a WKB encodes; throws when the bytes are not WKB.
    public init(wkb bytes: some Collection<UInt8>) throws {
        let context = GEOSContext.current
        let ctx = context.handle
        context.clearMessages()
        guard let reader = GEOSWKBReader_create_r(ctx) else { throw context.error("WKB reader") }
        defer { GEOSWKBReader_destroy_r(ctx, reader) }
        let data = Array(bytes)
        self = try Self.make("WKB read") { ctx in
            data.withUnsafeBufferPointer { GEOSWKBReader_read_r(ctx, reader, $0.baseAddress, $0.count) }
        }
    }

    /// The GEOS library's version, e.g. "3.11.1-CAPI-1.17.1": results cached on disk name it,
    /// since another GEOS may compute other coordinates.
    public static var geosVersion: String { String(cString: GEOSversion()) }
}
