import CPROJ
import Foundation

/// A local azimuthal equidistant projection (metres) centred on the theatre, built with PROJ.
/// Distances from the centre are true and areas within ~150 km are off by well under 1 %,
/// which is what buffers, areas and the scale bar need. A plain PROJ string is used, so no
/// proj.db lookup happens at start-up.
public final class MapProjection: @unchecked Sendable {
    public let center: LonLat
    private let ctx: OpaquePointer
    private let pj: OpaquePointer

    public init(center: LonLat) {
        self.center = center
        ctx = proj_context_create()
        proj_log_level(ctx, PJ_LOG_NONE)
        let def = "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
            + "+step +proj=aeqd +lat_0=\(center.lat) +lon_0=\(center.lon) +ellps=WGS84"
        guard let p = proj_create(ctx, def) else {
            fatalError("PROJ could not build the map projection: \(def)")
        }
        pj = p
    }

    deinit {
        proj_destroy(pj)
        proj_context_destroy(ctx)
    }

    public var definition: String { "+proj=aeqd +lat_0=\(center.lat) +lon_0=\(center.lon) +ellps=WGS84 +units=m" }

    public func project(_ p: LonLat) -> XY {
        let c = proj_trans(pj, PJ_FWD, proj_coord(p.lon, p.lat, 0, 0))
        return XY(c.xy.x, c.xy.y)
    }

    public func unproject(_ p: XY) -> LonLat {
        let c = proj_trans(pj, PJ_INV, proj_coord(p.x, p.y, 0, 0))
        return LonLat(lon: c.lp.lam, lat: c.lp.phi)
    }

    /// Projects every coordinate of a lon/lat geometry (x = lon, y = lat) into metres.
    public func project(_ g: Geometry) throws -> Geometry {
        try g.mapCoordinates { project(LonLat(lon: $0.x, lat: $0.y)) }
    }

    /// Turns a projected geometry back into lon/lat (x = lon, y = lat), e.g. for GeoJSON export.
    public func unproject(_ g: Geometry) throws -> Geometry {
        try g.mapCoordinates { let l = unproject($0); return XY(l.lon, l.lat) }
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
