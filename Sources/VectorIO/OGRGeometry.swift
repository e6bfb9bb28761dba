import CGDAL
import Geo

/// Conversion between plain shapes and OGR geometries. The OGR handles made here are handed
/// straight to a feature (which takes ownership) or read and forgotten: none leaves this module.
enum OGRGeometry {
    static func wkbType(_ kind: GeometryKind) -> OGRwkbGeometryType {
        switch kind {
        case .none: return wkbNone
        case .point: return wkbPoint
        case .lineString: return wkbLineString
        case .polygon: return wkbPolygon
        case .multiPoint: return wkbMultiPoint
        case .multiLineString: return wkbMultiLineString
        case .multiPolygon: return wkbMultiPolygon
        case .mixed: return wkbUnknown
        }
    }

    static func kind(_ gdal: GDALFunctions, _ type: OGRwkbGeometryType) -> GeometryKind? {
        switch gdal.OGR_GT_Flatten(type) {
        case wkbNone: return GeometryKind.none
        case wkbPoint: return .point
        case wkbLineString: return .lineString
        case wkbPolygon: return .polygon
        case wkbMultiPoint: return .multiPoint
        case wkbMultiLineString: return .multiLineString
        case wkbMultiPolygon: return .multiPolygon
        case wkbUnknown: return .mixed
        default: return nil
        }
    }

    /// A new OGR geometry of `kind` from `shapes`, or nil when they do not fit the kind
    /// (a layer holds one geometry type only). The caller owns the result.
    static func make(_ gdal: GDALFunctions, _ shapes: [Shape], as kind: GeometryKind) -> OGRGeometryH? {
        func points(_ pts: [XY], into g: OGRGeometryH) { for p in pts { gdal.OGR_G_AddPoint_2D(g, p.x, p.y) } }
        func polygon(_ rings: [[XY]]) -> OGRGeometryH? {
            guard let poly = gdal.OGR_G_CreateGeometry(wkbPolygon) else { return nil }
            for r in rings {
                guard let ring = gdal.OGR_G_CreateGeometry(wkbLinearRing) else { continue }
                points(r, into: ring)
                if r.first != r.last, let first = r.first { gdal.OGR_G_AddPoint_2D(ring, first.x, first.y) }
                _ = gdal.OGR_G_AddGeometryDirectly(poly, ring)
            }
            return poly
        }
        func line(_ pts: [XY]) -> OGRGeometryH? {
            guard let g = gdal.OGR_G_CreateGeometry(wkbLineString) else { return nil }
            points(pts, into: g)
            return g
        }
        func point(_ p: XY) -> OGRGeometryH? {
            guard let g = gdal.OGR_G_CreateGeometry(wkbPoint) else { return nil }
            gdal.OGR_G_SetPoint_2D(g, 0, p.x, p.y)
            return g
        }
        let pts = shapes.compactMap { if case .point(let p) = $0 { return p } else { return nil } }
        let lines = shapes.compactMap { if case .line(let l) = $0 { return l } else { return nil } }
        let polys = shapes.compactMap { if case .polygon(let r) = $0 { return r } else { return nil } }
        func multi(_ type: OGRwkbGeometryType, _ parts: [OGRGeometryH?]) -> OGRGeometryH? {
            guard let g = gdal.OGR_G_CreateGeometry(type) else { return nil }
            for p in parts { if let p { _ = gdal.OGR_G_AddGeometryDirectly(g, p) } }
            return g
        }
        switch kind {
        case .none: return nil
        case .point: return shapes.count == 1 && pts.count == 1 ? point(pts[0]) : nil
        case .lineString: return shapes.count == 1 && lines.count == 1 ? line(lines[0]) : nil
        case .polygon: return shapes.count == 1 && polys.count == 1 ? polygon(polys[0]) : nil
        case .multiPoint: return pts.count == shapes.count ? multi(wkbMultiPoint, pts.map(point)) : nil
        case .multiLineString: return lines.count == shapes.count ? multi(wkbMultiLineString, lines.map(line)) : nil
        case .multiPolygon: return polys.count == shapes.count ? multi(wkbMultiPolygon, polys.map(polygon)) : nil
        case .mixed:
            // The simplest type that holds the shapes: Point or MultiPoint, LineString or
            // MultiLineString, Polygon or MultiPolygon, a GeometryCollection of those when mixed.
            var parts: [OGRGeometryH?] = []
            if !pts.isEmpty { parts.append(pts.count == 1 ? point(pts[0]) : multi(wkbMultiPoint, pts.map(point))) }
            if !lines.isEmpty { parts.append(lines.count == 1 ? line(lines[0]) : multi(wkbMultiLineString, lines.map(line))) }
            if !polys.isEmpty { parts.append(polys.count == 1 ? polygon(polys[0]) : multi(wkbMultiPolygon, polys.map(polygon))) }
            switch parts.count {
            case 0: return nil
            case 1: return parts[0]
            default: return multi(wkbGeometryCollection, parts)
            }
        }
    }

    /// The shapes of an OGR geometry (not owned: a feature's).
    static func shapes(_ gdal: GDALFunctions, _ geometry: OGRGeometryH) -> [Shape] {
        func coords(_ g: OGRGeometryH) -> [XY] {
            (0..<gdal.OGR_G_GetPointCount(g)).map { XY(gdal.OGR_G_GetX(g, $0), gdal.OGR_G_GetY(g, $0)) }
        }
        let g = geometry
        switch gdal.OGR_GT_Flatten(gdal.OGR_G_GetGeometryType(g)) {
        case wkbPoint:
            return gdal.OGR_G_IsEmpty(g) != 0 ? [] : [.point(XY(gdal.OGR_G_GetX(g, 0), gdal.OGR_G_GetY(g, 0)))]
        case wkbLineString, wkbLinearRing:
            return [.line(coords(g))]
        case wkbPolygon:
            return [.polygon((0..<gdal.OGR_G_GetGeometryCount(g)).compactMap { gdal.OGR_G_GetGeometryRef(g, $0).map(coords) })]
        default:
            return (0..<gdal.OGR_G_GetGeometryCount(g)).flatMap { i in gdal.OGR_G_GetGeometryRef(g, i).map { shapes(gdal, $0) } ?? [] }
        }
    }
}
