import CPROJ
import Foundation

/// The theatre's metric projection, built with PROJ: a local azimuthal equidistant projection
/// centred on the theatre (distances from the centre are true and areas within ~150 km are off
/// by well under 1 %), or a UTM zone (scale within 0.1 % inside its 6° band). That is what
/// buffers, areas and the scale bar need. A plain PROJ string is used, so no proj.db lookup
/// happens at start-up.
public struct MapProjection: Sendable {
    public let center: LonLat
    private let proj: PROJTransform
    public let definition: String

    /// A UTM zone (1–60), north or south; `center` is the theatre's middle (for insets and checks).
    public init(utmZone zone: Int, south: Bool, center: LonLat) throws {
        guard (1...60).contains(zone) else {
            throw ProjectionError(operation: "map projection", message: "UTM zone \(zone) is not 1 to 60")
        }
        self.center = center
        definition = "+proj=utm +zone=\(zone)\(south ? " +south" : "") +ellps=WGS84 +units=m"
        proj = try PROJTransform(Self.utmPipeline(zone: zone, south: south))
    }

    /// Builds the projection; a centre PROJ refuses (not finite, beyond the poles) is a `ProjectionError`.
    public init(center: LonLat) throws {
        guard center.lat.isFinite, center.lon.isFinite, abs(center.lat) <= 90, abs(center.lon) <= 180 else {
            throw ProjectionError(operation: "map projection", message: "centre \(center.lat), \(center.lon) is not a position on Earth")
        }
        self.center = center
        definition = "+proj=aeqd +lat_0=\(center.lat) +lon_0=\(center.lon) +ellps=WGS84 +units=m"
        proj = try PROJTransform(Self.aeqdPipeline(center: center))
    }

    /// The PROJ pipelines behind the two kinds (degrees in, metres out).
    static func aeqdPipeline(center: LonLat) -> String {
        "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
            + "+step +proj=aeqd +lat_0=\(center.lat) +lon_0=\(center.lon) +ellps=WGS84"
    }

    static func utmPipeline(zone: Int, south: Bool) -> String {
        "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
            + "+step +proj=utm +zone=\(zone)\(south ? " +south" : "") +ellps=WGS84"
    }

    public func project(_ p: LonLat) throws -> XY {
        let c = try proj.transform(p.lon, p.lat, inverse: false, what: "projecting \(p)")
        return XY(c.0, c.1)
    }

    /// The PROJ library's version: coordinates cached on disk name it, since another PROJ may
    /// compute other last digits.
    public static var libraryVersion: String { proj_info().version.map { String(cString: $0) } ?? "unknown" }

    public func unproject(_ p: XY) throws -> LonLat {
        let c = try proj.transform(p.x, p.y, inverse: true, what: "unprojecting (\(p.x), \(p.y))")
        return LonLat(lon: c.0, lat: c.1)
    }

    /// Projects every coordinate of a lon/lat geometry (x = lon, y = lat) into metres.
    public func project(_ g: Geometry) throws -> Geometry {
        try g.mapCoordinates { try project(LonLat(lon: $0.x, lat: $0.y)) }
    }

    /// Turns a projected geometry back into lon/lat (x = lon, y = lat), e.g. for GeoJSON export.
    public func unproject(_ g: Geometry) throws -> Geometry {
        try g.mapCoordinates { let l = try unproject($0); return XY(l.lon, l.lat) }
    }
}

/// PROJ could not build or apply a transformation; the message is PROJ's own.
public struct ProjectionError: Error, CustomStringConvertible, Equatable {
    public let operation: String
    public let message: String
    public init(operation: String, message: String) { self.operation = operation; self.message = message }
    public var description: String { "\(operation) failed: \(message)" }
}

/// Owns one PROJ context and transformation. `@unchecked Sendable` because the compiler cannot
/// see that the C handles are safe to share: a PROJ object must not be used by two threads at
/// once, so every use takes the lock, and the handles never leave this type.
final class PROJTransform: @unchecked Sendable {
    private let ctx: OpaquePointer
    private let pj: OpaquePointer
    private let lock = NSLock()

    /// With `database: false` (the default) the context cannot find `proj.db`: PROJ opens it
    /// for every transformation it builds, to look up names that a plain PROJ string never has,
    /// and reading its schema cost ~3.5 ms per context (two per map). The coordinates are the
    /// same bits either way (`ProjectionTests` checks).
    init(_ definition: String, database: Bool = false) throws {
        guard let ctx = proj_context_create() else {
            throw ProjectionError(operation: "PROJ context", message: "PROJ could not create a context")
        }
        proj_log_level(ctx, PJ_LOG_NONE)
        // Some of PROJ's messages skip the level (e.g. "Cannot find proj.db"): a logger that drops them all.
        proj_log_func(ctx, nil) { _, _, _ in }
        if !database {
            // No file can be found below /dev/null: the search for proj.db fails at once.
            "/dev/null".withCString { path in
                var paths: [UnsafePointer<CChar>?] = [path]
                proj_context_set_search_paths(ctx, 1, &paths)
            }
        }
        guard let pj = proj_create(ctx, definition) else {
            let message = Self.message(ctx, proj_context_errno(ctx))
            proj_context_destroy(ctx)
            throw ProjectionError(operation: "map projection \(definition)", message: message)
        }
        self.ctx = ctx
        self.pj = pj
    }

    /// PROJ's text for an error number.
    private static func message(_ ctx: OpaquePointer, _ errno: Int32) -> String {
        guard let text = proj_context_errno_string(ctx, errno) else { return "PROJ error \(errno)" }
        return String(cString: text)
    }

    deinit {
        proj_destroy(pj)
        proj_context_destroy(ctx)
    }

    /// Transforms one coordinate pair; PROJ's error (or a result that is not finite) is a `ProjectionError`.
    func transform(_ a: Double, _ b: Double, inverse: Bool, what: @autoclosure () -> String) throws -> (Double, Double) {
        guard a.isFinite, b.isFinite else {
            throw ProjectionError(operation: what(), message: "the coordinates are not finite numbers")
        }
        lock.lock()
        defer { lock.unlock() }
        proj_errno_reset(pj)
        let c = proj_trans(pj, inverse ? PJ_INV : PJ_FWD, proj_coord(a, b, 0, 0))
        let errno = proj_errno(pj)
        guard errno == 0, c.xy.x.isFinite, c.xy.y.isFinite else {
            let message = errno == 0 ? "the result is not finite" : Self.message(ctx, errno)
            throw ProjectionError(operation: what(), message: message)
        }
        return (c.xy.x, c.xy.y)
    }
}

/// True distances on the WGS84 ellipsoid (Karney's algorithm, as shipped in PROJ).
public enum Geodesic {
    private static let wgs84: geod_geodesic = {
        var g = geod_geodesic()
        geod_init(&g, 6378137, 1 / 298.257223563)
        return g
    }()

    /// Distance in metres and the initial bearing (degrees clockwise from north) from `a` to `b`.
    public static func inverse(_ a: LonLat, _ b: LonLat) -> (metres: Double, bearing: Double) {
        var g = wgs84
        var s12 = 0.0, azi1 = 0.0, azi2 = 0.0
        geod_inverse(&g, a.lat, a.lon, b.lat, b.lon, &s12, &azi1, &azi2)
        return (s12, azi1 < 0 ? azi1 + 360 : azi1)
    }

    public static func distanceKm(_ a: LonLat, _ b: LonLat) -> Double { inverse(a, b).metres / 1000 }

    /// The point `km` away from `start` along `bearing` degrees.
    public static func destination(from start: LonLat, bearing: Double, km: Double) -> LonLat {
        var g = wgs84
        var lat2 = 0.0, lon2 = 0.0, azi2 = 0.0
        geod_direct(&g, start.lat, start.lon, bearing, km * 1000, &lat2, &lon2, &azi2)
        return LonLat(lon: lon2, lat: lat2)
    }
}
