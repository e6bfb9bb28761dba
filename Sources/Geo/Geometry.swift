import CGEOS
import Foundation

/// An immutable geometry value backed by a GEOS object. The GEOS pointer never leaves this
/// type: callers get coordinates back as `Shape`s, numbers and other `Geometry` values.
/// Every GEOS call that can fail is checked and throws a `GeometryError` with GEOS's message.
public struct Geometry: Sendable {
    /// Owns one GEOS geometry. `@unchecked Sendable` because the compiler cannot see that the
    /// pointer is safe to share: the geometry is never modified after construction (every
    /// operation makes a new one), every call goes through the calling thread's own context
    /// (`GEOSContext.current`), and the geometry keeps its GEOS factory alive by reference count,
    /// so it may be read on a thread other than the one that made it (the basemap is built on a
    /// second core and read on the main thread, after a join).
    final class Handle: @unchecked Sendable {
        let ptr: OpaquePointer
        init(_ ptr: OpaquePointer) { self.ptr = ptr }
        deinit { GEOSGeom_destroy_r(GEOSContext.current.handle, ptr) }
    }
    let handle: Handle
    var ptr: OpaquePointer { handle.ptr }

    init(taking ptr: OpaquePointer) { handle = Handle(ptr) }

    /// Runs one GEOS call that returns a new geometry (NULL on failure) and wraps the result, or
    /// throws with the message GEOS reported for this call.
    static func make(_ operation: String, _ call: (GEOSContextHandle_t) -> OpaquePointer?) throws -> Geometry {
        let context = GEOSContext.current
        context.clearMessages()
        guard let ptr = call(context.handle) else { throw context.error(operation) }
        return Geometry(taking: ptr)
    }

    /// Runs a GEOS predicate (1 true, 0 false, anything else an exception inside GEOS).
    static func test(_ operation: String, _ call: (GEOSContextHandle_t) -> CChar) throws -> Bool {
        let context = GEOSContext.current
        context.clearMessages()
        switch call(context.handle) {
        case 1: return true
        case 0: return false
        default: throw context.error(operation)
        }
    }

    /// Runs a GEOS call that reports success as 1 and failure as 0.
    static func check(_ operation: String, _ call: (GEOSContextHandle_t) -> Int32) throws {
        let context = GEOSContext.current
        context.clearMessages()
        guard call(context.handle) == 1 else { throw context.error(operation) }
    }

    // MARK: construction

    /// Coordinates must be finite: GEOS would take NaN and infinities and fail later, far from the cause.
    static func checkFinite(_ pts: [XY], _ operation: String) throws {
        if let bad = pts.first(where: { !$0.x.isFinite || !$0.y.isFinite }) {
            throw GeometryError(operation: operation, message: "coordinate (\(bad.x), \(bad.y)) is not a finite number")
        }
    }

    public static func point(_ p: XY) throws -> Geometry {
        try checkFinite([p], "point")
        return try make("point") { GEOSGeom_createPointFromXY_r($0, p.x, p.y) }
    }

    /// A coordinate sequence owned by the caller (handed on to a geometry constructor, which takes it).
    static func sequence(_ pts: [XY], _ ctx: GEOSContextHandle_t, _ operation: String) throws -> OpaquePointer {
        try checkFinite(pts, operation)
        guard let count = UInt32(exactly: pts.count) else {
            throw GeometryError(operation: operation, message: "too many coordinates (\(pts.count))")
        }
        guard let seq = GEOSCoordSeq_create_r(ctx, count, 2) else { throw GEOSContext.current.error(operation) }
        for (i, p) in pts.enumerated() where GEOSCoordSeq_setXY_r(ctx, seq, UInt32(i), p.x, p.y) == 0 {
            GEOSCoordSeq_destroy_r(ctx, seq)
            throw GEOSContext.current.error(operation)
        }
        return seq
    }

    public static func lineString(_ pts: [XY]) throws -> Geometry {
        guard pts.count != 1 else { throw GeometryError(operation: "line", message: "a line needs at least 2 points, got 1") }
        let ctx = GEOSContext.current.handle
        let seq = try sequence(pts, ctx, "line")
        return try make("line") { GEOSGeom_createLineString_r($0, seq) }
    }

    /// A polygon from an outer ring (closed automatically) and optional holes.
    public static func polygon(_ outer: [XY], holes: [[XY]] = []) throws -> Geometry {
        let context = GEOSContext.current
        let ctx = context.handle
        var rings: [OpaquePointer] = []
        func ring(_ r: [XY]) throws -> OpaquePointer {
            var r = r
            if let f = r.first, f != r.last { r.append(f) }
            guard r.isEmpty || r.count >= 4 else {
                throw GeometryError(operation: "ring", message: "a ring needs at least 3 distinct points, got \(r.count - 1)")
            }
            let seq = try sequence(r, ctx, "ring")
            context.clearMessages()
            guard let g = GEOSGeom_createLinearRing_r(ctx, seq) else { throw context.error("ring") }
            return g
        }
        do {
            for r in [outer] + holes { rings.append(try ring(r)) }
        } catch {
            for g in rings { GEOSGeom_destroy_r(ctx, g) }   // not yet handed to a polygon
            throw error
        }
        // The polygon takes the rings (even when it fails, so they are not destroyed here).
        var hs: [OpaquePointer?] = rings.dropFirst().map { $0 }
        return try make("polygon") { ctx in
            hs.withUnsafeMutableBufferPointer { GEOSGeom_createPolygon_r(ctx, rings[0], $0.baseAddress, UInt32($0.count)) }
        }
    }

    public static func rectangle(_ r: Rect) throws -> Geometry {
        try polygon([XY(r.minX, r.minY), XY(r.maxX, r.minY), XY(r.maxX, r.maxY), XY(r.minX, r.maxY)])
    }

    /// A collection of the given geometries (copied, so the inputs stay valid values).
    public static func collection(_ parts: [Geometry], type: Int32 = Int32(GEOS_GEOMETRYCOLLECTION.rawValue)) throws -> Geometry {
        let ctx = GEOSContext.current.handle
        var clones: [OpaquePointer?] = []
        clones.reserveCapacity(parts.count)
        for part in parts {
            guard let c = GEOSGeom_clone_r(ctx, part.ptr) else {
                for c in clones { GEOSGeom_destroy_r(ctx, c) }
                throw GEOSContext.current.error("collection")
            }
            clones.append(c)
        }
        // The collection takes the clones (also when it fails, so they are not destroyed here).
        return try make("collection") { ctx in
            clones.withUnsafeMutableBufferPointer { GEOSGeom_createCollection_r(ctx, type, $0.baseAddress, UInt32($0.count)) }
        }
    }

    public static func multiPoint(_ pts: [XY]) throws -> Geometry {
        try collection(pts.map { try point($0) }, type: Int32(GEOS_MULTIPOINT.rawValue))
    }

    /// An empty geometry collection.
    public static var empty: Geometry {
        get throws { try make("empty collection") { GEOSGeom_createEmptyCollection_r($0, Int32(GEOS_GEOMETRYCOLLECTION.rawValue)) } }
    }

    /// Reads the geometry of a GeoJSON text (a FeatureCollection becomes a collection of its features' geometries).
    public static func fromGeoJSON(_ text: String) throws -> Geometry {
        let ctx = GEOSContext.current.handle
        guard let reader = GEOSGeoJSONReader_create_r(ctx) else { throw GEOSContext.current.error("GeoJSON read") }
        defer { GEOSGeoJSONReader_destroy_r(ctx, reader) }
        return try make("GeoJSON read") { GEOSGeoJSONReader_readGeometry_r($0, reader, text) }
    }

    public static func fromWKT(_ text: String) throws -> Geometry {
        let ctx = GEOSContext.current.handle
        guard let reader = GEOSWKTReader_create_r(ctx) else { throw GEOSContext.current.error("WKT read") }
        defer { GEOSWKTReader_destroy_r(ctx, reader) }
        return try make("WKT read") { GEOSWKTReader_read_r($0, reader, text) }
    }

    // MARK: properties

    /// GEOS answers these for every geometry type; its error return (an internal exception) is
    /// taken as "empty" and NaN, so that it shows rather than passing for a real zero.
    public var isEmpty: Bool { GEOSisEmpty_r(GEOSContext.current.handle, ptr) != 0 }
    public var area: Double { var a = Double.nan; return GEOSArea_r(GEOSContext.current.handle, ptr, &a) == 1 ? a : .nan }
    public var length: Double { var l = Double.nan; return GEOSLength_r(GEOSContext.current.handle, ptr, &l) == 1 ? l : .nan }

    /// Whether GEOS considers the geometry valid (OGC rules); the reason it is not is in `invalidReason`.
    public var isValid: Bool { get throws { try Self.test("validity check") { GEOSisValid_r($0, ptr) } } }

    /// Why the geometry is invalid ("Self-intersection[36.1 35.2]"), or "Valid Geometry".
    public var invalidReason: String {
        get throws {
            let context = GEOSContext.current
            context.clearMessages()
            guard let s = GEOSisValidReason_r(context.handle, ptr) else { throw context.error("validity check") }
            defer { GEOSFree_r(context.handle, s) }
            return String(cString: s)
        }
    }

    public var typeName: String {
        get throws {
            let context = GEOSContext.current
            context.clearMessages()
            guard let s = GEOSGeomType_r(context.handle, ptr) else { throw context.error("geometry type") }
            defer { GEOSFree_r(context.handle, s) }
            return String(cString: s)
        }
    }

    public var wkt: String {
        get throws {
            let context = GEOSContext.current
            let ctx = context.handle
            context.clearMessages()
            guard let w = GEOSWKTWriter_create_r(ctx) else { throw context.error("WKT write") }
            defer { GEOSWKTWriter_destroy_r(ctx, w) }
            GEOSWKTWriter_setRoundingPrecision_r(ctx, w, 3)
            guard let s = GEOSWKTWriter_write_r(ctx, w, ptr) else { throw context.error("WKT write") }
            defer { GEOSFree_r(ctx, s) }
            return String(cString: s)
        }
    }

    public var parts: [Geometry] {
        get throws {
            let n = GEOSGetNumGeometries_r(GEOSContext.current.handle, ptr)
            guard n >= 0 else { throw GEOSContext.current.error("parts") }
            return try (0..<n).map { i in
                try Self.make("parts") { ctx in GEOSGetGeometryN_r(ctx, ptr, i).flatMap { GEOSGeom_clone_r(ctx, $0) } }
            }
        }
    }

    /// The bounding box, or nil for an empty geometry.
    public var envelope: Rect? {
        get throws {
            if isEmpty { return nil }
            var r = Rect(minX: 0, minY: 0, maxX: 0, maxY: 0)
            try Self.check("envelope") { ctx in
                GEOSGeom_getXMin_r(ctx, ptr, &r.minX) & GEOSGeom_getYMin_r(ctx, ptr, &r.minY)
                    & GEOSGeom_getXMax_r(ctx, ptr, &r.maxX) & GEOSGeom_getYMax_r(ctx, ptr, &r.maxY)
            }
            return r
        }
    }

    // MARK: operations

    public func intersection(_ o: Geometry) throws -> Geometry { try Self.make("intersection") { GEOSIntersection_r($0, ptr, o.ptr) } }
    public func difference(_ o: Geometry) throws -> Geometry { try Self.make("difference") { GEOSDifference_r($0, ptr, o.ptr) } }
    public func union(_ o: Geometry) throws -> Geometry { try Self.make("union") { GEOSUnion_r($0, ptr, o.ptr) } }
    public func unaryUnion() throws -> Geometry { try Self.make("union") { GEOSUnaryUnion_r($0, ptr) } }
    public func boundary() throws -> Geometry { try Self.make("boundary") { GEOSBoundary_r($0, ptr) } }

    /// The largest buffer distance taken, in the geometry's units (metres in map space): half the
    /// Earth's circumference. Anything larger is a mistake, not a map.
    public static let maxBufferDistance = 20_000_000.0

    /// The area within `width` of the geometry. A distance that is not finite or beyond
    /// `maxBufferDistance`, or a segment count outside 1…1000, is refused with a `GeometryError`
    /// instead of being handed to GEOS (which would build a meaningless shape or exhaust memory).
    public func buffer(_ width: Double, quadrantSegments: Int32 = 16) throws -> Geometry {
        guard width.isFinite, abs(width) <= Self.maxBufferDistance else {
            throw GeometryError(operation: "buffer", message: "distance \(width) is not a finite number up to \(Int(Self.maxBufferDistance))")
        }
        guard (1...1000).contains(quadrantSegments) else {
            throw GeometryError(operation: "buffer", message: "\(quadrantSegments) segments per quarter circle is outside 1…1000")
        }
        return try Self.make("buffer") { GEOSBuffer_r($0, ptr, width, quadrantSegments) }
    }
    /// Union of polygons that tile without overlapping (such as Voronoi cells): much faster than
    /// a general union because only shared edges have to be dissolved.
    public func coverageUnion() throws -> Geometry { try Self.make("coverage union") { GEOSCoverageUnion_r($0, ptr) } }
    public func makeValid() throws -> Geometry { try Self.make("make valid") { GEOSMakeValid_r($0, ptr) } }
    public func convexHull() throws -> Geometry { try Self.make("convex hull") { GEOSConvexHull_r($0, ptr) } }
    public func lineMerge() throws -> Geometry { try Self.make("line merge") { GEOSLineMerge_r($0, ptr) } }
    public func pointOnSurface() throws -> Geometry { try Self.make("point on surface") { GEOSPointOnSurface_r($0, ptr) } }
    public func centroid() throws -> Geometry { try Self.make("centroid") { GEOSGetCentroid_r($0, ptr) } }

    public func distance(to o: Geometry) throws -> Double {
        var d = 0.0
        try Self.check("distance") { GEOSDistance_r($0, ptr, o.ptr, &d) }
        return d
    }
    public func contains(_ o: Geometry) throws -> Bool { try Self.test("contains") { GEOSContains_r($0, ptr, o.ptr) } }
    public func intersects(_ o: Geometry) throws -> Bool { try Self.test("intersects") { GEOSIntersects_r($0, ptr, o.ptr) } }
    public func covers(_ o: Geometry) throws -> Bool { try Self.test("covers") { GEOSCovers_r($0, ptr, o.ptr) } }

    /// The coordinates of a point geometry.
    public var pointXY: XY {
        get throws {
            var x = 0.0, y = 0.0
            try Self.check("point coordinates") { ctx in GEOSGeomGetX_r(ctx, ptr, &x) & GEOSGeomGetY_r(ctx, ptr, &y) }
            return XY(x, y)
        }
    }

    /// Voronoi cells of the sites, each paired with the index (in `sites`) of its site. The cells
    /// cover at least `extent`. GEOS 3.11 does not keep the input order; every point of a cell
    /// is nearest to that cell's site (the definition of a Voronoi cell), so each cell is matched
    /// back through the site nearest to its centroid, which lies inside the convex cell.
    public static func voronoiCells(sites: [XY], extent: Rect) throws -> [(site: Int, cell: Geometry)] {
        guard [extent.minX, extent.minY, extent.maxX, extent.maxY].allSatisfy(\.isFinite),
              extent.width > 0, extent.height > 0 else {
            throw GeometryError(operation: "voronoi", message: "extent \(extent) is empty or not finite")
        }
        let env = try rectangle(extent)
        let input = try multiPoint(sites)
        let diagram = try make("voronoi") { GEOSVoronoiDiagram_r($0, input.ptr, env.ptr, 0, 0) }
        let index = NearestIndex(sites, extent: extent)
        var out: [(Int, Geometry)] = []
        for cell in try diagram.parts where !cell.isEmpty {
            if let site = index.nearest(to: try cell.centroid().pointXY) { out.append((site, cell)) }
        }
        return out
    }

    /// Only the polygons of this geometry, as one MultiPolygon: overlay results can carry
    /// stray lines or points where areas touch, which area operations must not see.
    public var polygonal: Geometry {
        get throws {
            var polys: [Geometry] = []
            func walk(_ g: Geometry) throws {
                switch GEOSGeomTypeId_r(GEOSContext.current.handle, g.ptr) {
                case Int32(GEOS_POLYGON.rawValue):
                    if !g.isEmpty { polys.append(g) }
                case Int32(GEOS_MULTIPOLYGON.rawValue), Int32(GEOS_GEOMETRYCOLLECTION.rawValue):
                    for part in try g.parts { try walk(part) }
                default: break
                }
            }
            try walk(self)
            return try Self.collection(polys, type: Int32(GEOS_MULTIPOLYGON.rawValue))
        }
    }

    /// The faces formed by a set of noded lines (GEOSPolygonize).
    public static func polygonize(_ lines: Geometry) throws -> [Geometry] {
        let noded = try lines.unaryUnion()
        var input: [OpaquePointer?] = [noded.ptr]
        let result = try make("polygonize") { ctx in
            input.withUnsafeMutableBufferPointer { GEOSPolygonize_r(ctx, $0.baseAddress, 1) }
        }
        return try withExtendedLifetime(noded) { try result.parts }
    }

    /// Applies `transform` to every coordinate (used to project lon/lat into metres). An error
    /// thrown by `transform` stops the walk and is rethrown as it is.
    public func mapCoordinates(_ transform: (XY) throws -> XY) throws -> Geometry {
        struct Walk {
            let transform: (XY) throws -> XY
            var failure: (any Error)?
        }
        return try withoutActuallyEscaping(transform) { t in
            var walk = Walk(transform: t)
            let result = try withUnsafeMutablePointer(to: &walk) { wp in
                try Self.make("transform") { ctx in
                    GEOSGeom_transformXY_r(ctx, ptr, { x, y, userdata in
                        guard let x, let y, let walk = userdata?.assumingMemoryBound(to: Walk.self) else { return 0 }
                        do {
                            let r = try walk.pointee.transform(XY(x.pointee, y.pointee))
                            x.pointee = r.x; y.pointee = r.y
                            return 1
                        } catch {
                            walk.pointee.failure = error
                            return 0
                        }
                    }, wp)
                }
            }
            if let failure = walk.failure { throw failure }
            return result
        }
    }

    // MARK: reading coordinates back

    /// The geometry as plain coordinate shapes, collections flattened. Reading back can only fail
    /// for a type mismatch, which the dispatch on the type rules out; a part GEOS cannot read is skipped.
    public var shapes: [Shape] {
        var out: [Shape] = []
        Self.collect(ptr, GEOSContext.current.handle, into: &out)
        return out
    }

    static func coords(_ g: OpaquePointer?, _ ctx: GEOSContextHandle_t) -> [XY] {
        guard let g, let seq = GEOSGeom_getCoordSeq_r(ctx, g) else { return [] }
        var n: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(ctx, seq, &n) == 1 else { return [] }
        var pts = [XY]()
        pts.reserveCapacity(Int(n))
        var x = 0.0, y = 0.0
        for i in 0..<n where GEOSCoordSeq_getXY_r(ctx, seq, i, &x, &y) == 1 {
            pts.append(XY(x, y))
        }
        return pts
    }

    static func collect(_ g: OpaquePointer?, _ ctx: GEOSContextHandle_t, into out: inout [Shape]) {
        guard let g, GEOSisEmpty_r(ctx, g) == 0 else { return }
        switch GEOSGeomTypeId_r(ctx, g) {
        case Int32(GEOS_POINT.rawValue):
            if let p = coords(g, ctx).first { out.append(.point(p)) }
        case Int32(GEOS_LINESTRING.rawValue), Int32(GEOS_LINEARRING.rawValue):
            out.append(.line(coords(g, ctx)))
        case Int32(GEOS_POLYGON.rawValue):
            var rings = [coords(GEOSGetExteriorRing_r(ctx, g), ctx)]
            let nh = GEOSGetNumInteriorRings_r(ctx, g)
            for i in 0..<max(0, nh) { rings.append(coords(GEOSGetInteriorRingN_r(ctx, g, i), ctx)) }
            out.append(.polygon(rings))
        default:
            let n = GEOSGetNumGeometries_r(ctx, g)
            for i in 0..<max(0, n) { collect(GEOSGetGeometryN_r(ctx, g, i), ctx, into: &out) }
        }
    }
}

/// A geometry prepared for many point-in-polygon tests against it. Not Sendable: GEOS builds its
/// index lazily on first use, so a prepared geometry stays on the thread that made it.
public final class PreparedGeometry {
    private let base: Geometry
    private let prepared: OpaquePointer

    public init(_ g: Geometry) throws {
        let context = GEOSContext.current
        context.clearMessages()
        guard let p = GEOSPrepare_r(context.handle, g.ptr) else { throw context.error("prepare") }
        base = g
        prepared = p
    }

    deinit { GEOSPreparedGeom_destroy_r(GEOSContext.current.handle, prepared) }

    public func contains(_ p: XY) throws -> Bool {
        let pt = try Geometry.point(p)
        return try withExtendedLifetime(base) {
            try Geometry.test("contains") { GEOSPreparedContains_r($0, prepared, pt.ptr) }
        }
    }

    /// Distance from a point, using the prepared geometry's index (fast for large areas and lines).
    public func distance(to p: XY) throws -> Double {
        let pt = try Geometry.point(p)
        var d = 0.0
        try withExtendedLifetime(base) { try Geometry.check("distance") { GEOSPreparedDistance_r($0, prepared, pt.ptr, &d) } }
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
    /// Two geometries are equal when their WKB encodings are: same type, same coordinates, same
    /// order. A geometry GEOS cannot encode equals nothing (`==` cannot throw).
    public static func == (a: Geometry, b: Geometry) -> Bool {
        func wkb(_ g: Geometry) -> [UInt8]? {
            let ctx = GEOSContext.current.handle
            guard let w = GEOSWKBWriter_create_r(ctx) else { return nil }
            defer { GEOSWKBWriter_destroy_r(ctx, w) }
            var size = 0
            guard let buf = GEOSWKBWriter_write_r(ctx, w, g.ptr, &size) else { return nil }
            defer { GEOSFree_r(ctx, buf) }
            return Array(UnsafeBufferPointer(start: buf, count: size))
        }
        guard let x = wkb(a), let y = wkb(b) else { return false }
        return x == y
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

    func column(_ x: Double) -> Int { cell((x - extent.minX) / cellW) }
    func row(_ y: Double) -> Int { cell((y - extent.minY) / cellH) }
    /// A grid index, clamped before the conversion to Int: a NaN or huge quotient (a point far
    /// outside, a degenerate extent) would trap in `Int(_:)`.
    func cell(_ q: Double) -> Int { q.isNaN ? 0 : Int(min(Double(cols - 1), max(0, q))) }
    func bucket(_ p: XY) -> Int { row(p.y) * cols + column(p.x) }

    func nearest(to p: XY) -> Int? {
        let ci = column(p.x), cj = row(p.y)
        var best: (Int, Double)? = nil
        for ring in 0..<cols {
            // Once a candidate is closer than anything a further ring could hold, stop.
            if let b = best, Double(ring - 1) * min(cellW, cellH) > b.1.squareRoot() { break }
            for j in (cj - ring)...(cj + ring) where j >= 0 && j < cols {
                // The ring's cells only, in the row-major order of the square they border:
                // whole rows at the top and bottom, the two end cells in between.
                let edgeRow = abs(j - cj) == ring
                let step = edgeRow || ring == 0 ? 1 : 2 * ring
                for i in stride(from: ci - ring, through: ci + ring, by: step) where i >= 0 && i < cols {
                    for k in buckets[j * cols + i] {
                        let d = (points[k] - p), dd = d.x * d.x + d.y * d.y
                        if let b = best, !(dd < b.1) { continue }
                        best = (k, dd)
                    }
                }
            }
        }
        return best?.0
    }
}
