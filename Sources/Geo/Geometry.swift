import CGEOS
import Foundation

/// An immutable geometry value backed by a GEOS object. The GEOS pointer never leaves this
/// type: callers get coordinates back as `Shape`s, numbers and other `Geometry` values.
public struct Geometry: @unchecked Sendable {
    final class Handle {
        let ptr: OpaquePointer
        init(_ ptr: OpaquePointer) { self.ptr = ptr }
        deinit { GEOSGeom_destroy_r(GEOSContext.shared.handle, ptr) }
    }
    let handle: Handle
    var ptr: OpaquePointer { handle.ptr }
    static var ctx: GEOSContextHandle_t { GEOSContext.shared.handle }

    init(taking ptr: OpaquePointer) { handle = Handle(ptr) }

    static func wrap(_ ptr: OpaquePointer?, _ operation: String) throws -> Geometry {
        guard let ptr else {
            throw GeometryError(operation: operation, message: GEOSContext.shared.lastError ?? "unknown GEOS error")
        }
        return Geometry(taking: ptr)
    }

    // MARK: construction

    public static func point(_ p: XY) -> Geometry {
        Geometry(taking: GEOSGeom_createPointFromXY_r(ctx, p.x, p.y)!)
    }

    static func sequence(_ pts: [XY]) -> OpaquePointer {
        let seq = GEOSCoordSeq_create_r(ctx, UInt32(pts.count), 2)!
        for (i, p) in pts.enumerated() { GEOSCoordSeq_setXY_r(ctx, seq, UInt32(i), p.x, p.y) }
        return seq
    }

    public static func lineString(_ pts: [XY]) throws -> Geometry {
        try wrap(GEOSGeom_createLineString_r(ctx, sequence(pts)), "line")
    }

    /// A polygon from an outer ring (closed automatically) and optional holes.
    public static func polygon(_ outer: [XY], holes: [[XY]] = []) throws -> Geometry {
        func ring(_ r: [XY]) throws -> OpaquePointer {
            var r = r
            if let f = r.first, f != r.last { r.append(f) }
            guard let g = GEOSGeom_createLinearRing_r(ctx, sequence(r)) else {
                throw GeometryError(operation: "ring", message: GEOSContext.shared.lastError ?? "invalid ring")
            }
            return g
        }
        let shell = try ring(outer)
        var hs: [OpaquePointer?] = try holes.map { try ring($0) }
        return try wrap(hs.withUnsafeMutableBufferPointer {
            GEOSGeom_createPolygon_r(ctx, shell, $0.baseAddress, UInt32(holes.count))
        }, "polygon")
    }

    public static func rectangle(_ r: Rect) -> Geometry {
        try! polygon([XY(r.minX, r.minY), XY(r.maxX, r.minY), XY(r.maxX, r.maxY), XY(r.minX, r.maxY)])
    }

    /// A collection of the given geometries (copied, so the inputs stay valid values).
    public static func collection(_ parts: [Geometry], type: Int32 = Int32(GEOS_GEOMETRYCOLLECTION.rawValue)) -> Geometry {
        var clones: [OpaquePointer?] = parts.map { GEOSGeom_clone_r(ctx, $0.ptr) }
        let g = clones.withUnsafeMutableBufferPointer {
            GEOSGeom_createCollection_r(ctx, type, $0.baseAddress, UInt32(parts.count))
        }
        return Geometry(taking: g!)
    }

    public static func multiPoint(_ pts: [XY]) -> Geometry {
        collection(pts.map { point($0) }, type: Int32(GEOS_MULTIPOINT.rawValue))
    }

    public static var empty: Geometry {
        Geometry(taking: GEOSGeom_createEmptyCollection_r(ctx, Int32(GEOS_GEOMETRYCOLLECTION.rawValue))!)
    }

    /// Reads the geometry of a GeoJSON text (a FeatureCollection becomes a collection of its features' geometries).
    public static func fromGeoJSON(_ text: String) throws -> Geometry {
        let reader = GEOSGeoJSONReader_create_r(ctx)
        defer { GEOSGeoJSONReader_destroy_r(ctx, reader) }
        return try wrap(GEOSGeoJSONReader_readGeometry_r(ctx, reader, text), "GeoJSON read")
    }

    public static func fromWKT(_ text: String) throws -> Geometry {
        let reader = GEOSWKTReader_create_r(ctx)
        defer { GEOSWKTReader_destroy_r(ctx, reader) }
        return try wrap(GEOSWKTReader_read_r(ctx, reader, text), "WKT read")
    }

    // MARK: properties

    public var isEmpty: Bool { GEOSisEmpty_r(Self.ctx, ptr) == 1 }
    public var isValid: Bool { GEOSisValid_r(Self.ctx, ptr) == 1 }
    public var area: Double { var a = 0.0; GEOSArea_r(Self.ctx, ptr, &a); return a }
    public var length: Double { var l = 0.0; GEOSLength_r(Self.ctx, ptr, &l); return l }
    public var typeName: String { String(cString: GEOSGeomType_r(Self.ctx, ptr)) }
    public var wkt: String {
        let w = GEOSWKTWriter_create_r(Self.ctx)
        defer { GEOSWKTWriter_destroy_r(Self.ctx, w) }
        GEOSWKTWriter_setRoundingPrecision_r(Self.ctx, w, 3)
        let s = GEOSWKTWriter_write_r(Self.ctx, w, ptr)!
        defer { GEOSFree_r(Self.ctx, s) }
        return String(cString: s)
    }

    public var parts: [Geometry] {
        let n = GEOSGetNumGeometries_r(Self.ctx, ptr)
        return (0..<n).map { Geometry(taking: GEOSGeom_clone_r(Self.ctx, GEOSGetGeometryN_r(Self.ctx, ptr, $0))!) }
    }

    public var envelope: Rect? {
        if isEmpty { return nil }
        var r = Rect(minX: 0, minY: 0, maxX: 0, maxY: 0)
        GEOSGeom_getXMin_r(Self.ctx, ptr, &r.minX); GEOSGeom_getYMin_r(Self.ctx, ptr, &r.minY)
        GEOSGeom_getXMax_r(Self.ctx, ptr, &r.maxX); GEOSGeom_getYMax_r(Self.ctx, ptr, &r.maxY)
        return r
    }

    // MARK: operations

    public func intersection(_ o: Geometry) throws -> Geometry { try Self.wrap(GEOSIntersection_r(Self.ctx, ptr, o.ptr), "intersection") }
    public func difference(_ o: Geometry) throws -> Geometry { try Self.wrap(GEOSDifference_r(Self.ctx, ptr, o.ptr), "difference") }
    public func union(_ o: Geometry) throws -> Geometry { try Self.wrap(GEOSUnion_r(Self.ctx, ptr, o.ptr), "union") }
    public func unaryUnion() throws -> Geometry { try Self.wrap(GEOSUnaryUnion_r(Self.ctx, ptr), "union") }
    public func boundary() throws -> Geometry { try Self.wrap(GEOSBoundary_r(Self.ctx, ptr), "boundary") }
    public func buffer(_ width: Double, quadrantSegments: Int32 = 16) throws -> Geometry {
        try Self.wrap(GEOSBuffer_r(Self.ctx, ptr, width, quadrantSegments), "buffer")
    }
    /// Union of polygons that tile without overlapping (such as Voronoi cells): much faster than
    /// a general union because only shared edges have to be dissolved.
    public func coverageUnion() throws -> Geometry { try Self.wrap(GEOSCoverageUnion_r(Self.ctx, ptr), "coverage union") }
    public func makeValid() throws -> Geometry { try Self.wrap(GEOSMakeValid_r(Self.ctx, ptr), "make valid") }
    public func convexHull() throws -> Geometry { try Self.wrap(GEOSConvexHull_r(Self.ctx, ptr), "convex hull") }
    public func lineMerge() throws -> Geometry { try Self.wrap(GEOSLineMerge_r(Self.ctx, ptr), "line merge") }
    public func pointOnSurface() throws -> Geometry { try Self.wrap(GEOSPointOnSurface_r(Self.ctx, ptr), "point on surface") }

    public func distance(to o: Geometry) -> Double { var d = 0.0; GEOSDistance_r(Self.ctx, ptr, o.ptr, &d); return d }
    public func contains(_ o: Geometry) -> Bool { GEOSContains_r(Self.ctx, ptr, o.ptr) == 1 }
    public func intersects(_ o: Geometry) -> Bool { GEOSIntersects_r(Self.ctx, ptr, o.ptr) == 1 }
    public func covers(_ o: Geometry) -> Bool { GEOSCovers_r(Self.ctx, ptr, o.ptr) == 1 }

    /// Voronoi cells of the sites, each paired with the index (in `sites`) of its site. The cells
    /// cover at least `extent`. GEOS 3.11 does not keep the input order; every point of a cell
    /// is nearest to that cell's site (the definition of a Voronoi cell), so each cell is matched
    /// back through the site nearest to its centroid, which lies inside the convex cell.
    public static func voronoiCells(sites: [XY], extent: Rect) throws -> [(site: Int, cell: Geometry)] {
        let env = rectangle(extent)
        let input = multiPoint(sites)
        let diagram = try withExtendedLifetime(input) {
            try wrap(GEOSVoronoiDiagram_r(ctx, input.ptr, env.ptr, 0, 0), "voronoi")
        }
        let index = NearestIndex(sites, extent: extent)
        var out: [(Int, Geometry)] = []
        for cell in diagram.parts {
            guard let c = GEOSGetCentroid_r(ctx, cell.ptr) else { continue }
            var x = 0.0, y = 0.0
            GEOSGeomGetX_r(ctx, c, &x); GEOSGeomGetY_r(ctx, c, &y)
            GEOSGeom_destroy_r(ctx, c)
            if let site = index.nearest(to: XY(x, y)) { out.append((site, cell)) }
        }
        return out
    }

    /// Only the polygons of this geometry, as one MultiPolygon: overlay results can carry
    /// stray lines or points where areas touch, which area operations must not see.
    public var polygonal: Geometry {
        var polys: [OpaquePointer?] = []
        func walk(_ g: OpaquePointer) {
            switch GEOSGeomTypeId_r(Self.ctx, g) {
            case Int32(GEOS_POLYGON.rawValue):
                if GEOSisEmpty_r(Self.ctx, g) == 0 { polys.append(GEOSGeom_clone_r(Self.ctx, g)) }
            case Int32(GEOS_MULTIPOLYGON.rawValue), Int32(GEOS_GEOMETRYCOLLECTION.rawValue):
                for i in 0..<GEOSGetNumGeometries_r(Self.ctx, g) { walk(GEOSGetGeometryN_r(Self.ctx, g, i)) }
            default: break
            }
        }
        walk(ptr)
        let g = polys.withUnsafeMutableBufferPointer {
            GEOSGeom_createCollection_r(Self.ctx, Int32(GEOS_MULTIPOLYGON.rawValue), $0.baseAddress, UInt32($0.count))
        }
        return Geometry(taking: g!)
    }

    /// The faces formed by a set of noded lines (GEOSPolygonize).
    public static func polygonize(_ lines: Geometry) throws -> [Geometry] {
        let noded = try lines.unaryUnion()
        let result = try withExtendedLifetime(noded) {
            var input: [OpaquePointer?] = [noded.ptr]
            return try input.withUnsafeMutableBufferPointer {
                try wrap(GEOSPolygonize_r(ctx, $0.baseAddress, 1), "polygonize")
            }
        }
        return result.parts
    }

    /// Applies `transform` to every coordinate (used to project lon/lat into metres).
    public func mapCoordinates(_ transform: (XY) -> XY) throws -> Geometry {
        try withoutActuallyEscaping(transform) { t in
            var box = t
            return try withUnsafeMutablePointer(to: &box) { bp in
                try Self.wrap(GEOSGeom_transformXY_r(Self.ctx, ptr, { x, y, userdata in
                    let f = userdata!.assumingMemoryBound(to: ((XY) -> XY).self).pointee
                    let r = f(XY(x!.pointee, y!.pointee))
                    x!.pointee = r.x; y!.pointee = r.y
                    return 1
                }, bp), "transform")
            }
        }
    }

    // MARK: reading coordinates back

    /// The geometry as plain coordinate shapes, collections flattened.
    public var shapes: [Shape] {
        var out: [Shape] = []
        Self.collect(ptr, into: &out)
        return out
    }

    static func coords(_ g: OpaquePointer) -> [XY] {
        guard let seq = GEOSGeom_getCoordSeq_r(ctx, g) else { return [] }
        var n: UInt32 = 0
        GEOSCoordSeq_getSize_r(ctx, seq, &n)
        var pts = [XY]()
        pts.reserveCapacity(Int(n))
        var x = 0.0, y = 0.0
        for i in 0..<n {
            GEOSCoordSeq_getXY_r(ctx, seq, i, &x, &y)
            pts.append(XY(x, y))
        }
        return pts
    }

    static func collect(_ g: OpaquePointer, into out: inout [Shape]) {
        if GEOSisEmpty_r(ctx, g) == 1 { return }
        switch GEOSGeomTypeId_r(ctx, g) {
        case Int32(GEOS_POINT.rawValue):
            if let p = coords(g).first { out.append(.point(p)) }
        case Int32(GEOS_LINESTRING.rawValue), Int32(GEOS_LINEARRING.rawValue):
            out.append(.line(coords(g)))
        case Int32(GEOS_POLYGON.rawValue):
            var rings = [coords(GEOSGetExteriorRing_r(ctx, g))]
            let nh = GEOSGetNumInteriorRings_r(ctx, g)
            for i in 0..<nh { rings.append(coords(GEOSGetInteriorRingN_r(ctx, g, i))) }
            out.append(.polygon(rings))
        default:
            let n = GEOSGetNumGeometries_r(ctx, g)
            for i in 0..<n { collect(GEOSGetGeometryN_r(ctx, g, i), into: &out) }
        }
    }
}

/// A geometry prepared for many point-in-polygon tests against it.
public final class PreparedGeometry {
    private let base: Geometry
    private let prepared: OpaquePointer

    public init(_ g: Geometry) {
        base = g
        prepared = GEOSPrepare_r(Geometry.ctx, g.ptr)
    }

    deinit { GEOSPreparedGeom_destroy_r(Geometry.ctx, prepared) }

    public func contains(_ p: XY) -> Bool {
        let pt = Geometry.point(p)
        return withExtendedLifetime(pt) { GEOSPreparedContains_r(Geometry.ctx, prepared, pt.ptr) == 1 }
    }

    /// Distance from a point, using the prepared geometry's index (fast for large areas and lines).
    public func distance(to p: XY) -> Double {
        let pt = Geometry.point(p)
        var d = 0.0
        withExtendedLifetime(pt) { _ = GEOSPreparedDistance_r(Geometry.ctx, prepared, pt.ptr, &d) }
        return d
    }

    public var isEmpty: Bool { base.isEmpty }
}

/// Plain coordinates of one simple geometry, for drawing and export.
public enum Shape: Equatable, Sendable {
    case point(XY)
    case line([XY])
    /// Outer ring first, then holes.
    case polygon([[XY]])
}

extension Geometry: Equatable {
    /// Two geometries are equal when their WKB encodings are: same type, same coordinates, same order.
    public static func == (a: Geometry, b: Geometry) -> Bool {
        func wkb(_ g: Geometry) -> [UInt8] {
            let w = GEOSWKBWriter_create_r(ctx)
            defer { GEOSWKBWriter_destroy_r(ctx, w) }
            var size = 0
            let buf = GEOSWKBWriter_write_r(ctx, w, g.ptr, &size)!
            defer { GEOSFree_r(ctx, buf) }
            return Array(UnsafeBufferPointer(start: buf, count: size))
        }
        return wkb(a) == wkb(b)
    }
}

/// Nearest-point queries over a fixed set of points, bucketed on a grid.
struct NearestIndex {
    let points: [XY]
    let extent: Rect
    let cols: Int
    let cellW: Double, cellH: Double
    var buckets: [[Int]]

    init(_ points: [XY], extent: Rect, cols: Int = 64) {
        self.points = points; self.extent = extent; self.cols = cols
        cellW = extent.width / Double(cols); cellH = extent.height / Double(cols)
        buckets = Array(repeating: [], count: cols * cols)
        for (i, p) in points.enumerated() { buckets[bucket(p)].append(i) }
    }

    func column(_ x: Double) -> Int { min(cols - 1, max(0, Int((x - extent.minX) / cellW))) }
    func row(_ y: Double) -> Int { min(cols - 1, max(0, Int((y - extent.minY) / cellH))) }
    func bucket(_ p: XY) -> Int { row(p.y) * cols + column(p.x) }

    func nearest(to p: XY) -> Int? {
        let ci = column(p.x), cj = row(p.y)
        var best: (Int, Double)? = nil
        for ring in 0..<cols {
            // Once a candidate is closer than anything a further ring could hold, stop.
            if let b = best, Double(ring - 1) * min(cellW, cellH) > b.1.squareRoot() { break }
            for j in (cj - ring)...(cj + ring) where j >= 0 && j < cols {
                for i in (ci - ring)...(ci + ring) where i >= 0 && i < cols {
                    guard abs(i - ci) == ring || abs(j - cj) == ring else { continue }
                    for k in buckets[j * cols + i] {
                        let d = (points[k] - p), dd = d.x * d.x + d.y * d.y
                        if best == nil || dd < best!.1 { best = (k, dd) }
                    }
                }
            }
        }
        return best?.0
    }
}
