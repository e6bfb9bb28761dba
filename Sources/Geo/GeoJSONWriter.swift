import Foundation

/// A JSON value for GeoJSON properties, written with sorted keys so the output is byte-stable.
public enum JSONValue: Sendable, ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case string(String), number(Double), integer(Int), bool(Bool), null
    case array([JSONValue]), object([String: JSONValue])

    public init(stringLiteral v: String) { self = .string(v) }
    public init(floatLiteral v: Double) { self = .number(v) }
    public init(integerLiteral v: Int) { self = .integer(v) }
    public init(booleanLiteral v: Bool) { self = .bool(v) }
    public init(arrayLiteral v: JSONValue...) { self = .array(v) }
    public init(dictionaryLiteral v: (String, JSONValue)...) { self = .object(Dictionary(uniqueKeysWithValues: v)) }

    /// A number rounded to `digits` decimals (areas, distances); nil becomes null.
    public static func rounded(_ v: Double?, _ digits: Int = 2) -> JSONValue {
        guard let v, v.isFinite else { return .null }
        let k = pow(10, Double(digits))
        return .number((v * k).rounded() / k)
    }

    public func encoded(indent: Int? = nil, level: Int = 0) -> String {
        let nl = indent == nil ? "" : "\n"
        let pad = { (l: Int) in indent.map { String(repeating: " ", count: $0 * l) } ?? "" }
        switch self {
        case .string(let s): return Self.quote(s)
        case .number(let d):
            if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
            var s = String(format: "%.6f", d)
            while s.hasSuffix("0") { s.removeLast() }
            return s
        case .integer(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let a):
            if a.isEmpty { return "[]" }
            return "[" + nl + a.map { pad(level + 1) + $0.encoded(indent: indent, level: level + 1) }.joined(separator: "," + nl) + nl + pad(level) + "]"
        case .object(let o):
            if o.isEmpty { return "{}" }
            let sep = indent == nil ? ":" : ": "
            return "{" + nl + o.keys.sorted().map { k in
                pad(level + 1) + Self.quote(k) + sep + o[k]!.encoded(indent: indent, level: level + 1)
            }.joined(separator: "," + nl) + nl + pad(level) + "}"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if c.value < 0x20 { out += String(format: "\\u%04x", c.value) } else { out.unicodeScalars.append(c) }
            }
        }
        return out + "\""
    }
}

/// Writes RFC 7946 GeoJSON: lon/lat, 5 decimals (about 1 m), exterior rings counter-clockwise,
/// holes clockwise, no `crs` member.
public struct GeoJSONWriter {
    public private(set) var features: [String] = []

    public init() {}

    /// Adds a feature for a lon/lat geometry (x = lon, y = lat).
    public mutating func add(_ geometry: Geometry, properties: [String: JSONValue]) {
        guard let g = Self.geometryJSON(geometry.shapes) else { return }
        features.append("{\"type\":\"Feature\",\"properties\":\(JSONValue.object(properties).encoded()),\"geometry\":\(g)}")
    }

    public var text: String {
        "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
    }

    static func coord(_ p: XY) -> String { String(format: "[%.5f,%.5f]", p.x, p.y) }
    static func line(_ pts: [XY]) -> String { "[" + pts.map(coord).joined(separator: ",") + "]" }

    static func signedArea(_ r: [XY]) -> Double {
        var a = 0.0
        for i in 0..<max(0, r.count - 1) { a += r[i].x * r[i + 1].y - r[i + 1].x * r[i].y }
        return a / 2
    }

    static func polygon(_ rings: [[XY]]) -> String {
        "[" + rings.enumerated().map { i, r in
            let ccw = signedArea(r) > 0
            return line((i == 0) == ccw ? r : r.reversed())
        }.joined(separator: ",") + "]"
    }

    static func geometryJSON(_ shapes: [Shape]) -> String? {
        let points = shapes.compactMap { if case .point(let p) = $0 { return p } else { return nil } }
        let lines = shapes.compactMap { if case .line(let l) = $0 { return l } else { return nil } }
        let polys = shapes.compactMap { if case .polygon(let r) = $0 { return r } else { return nil } }
        var parts: [String] = []
        if points.count == 1 { parts.append("{\"type\":\"Point\",\"coordinates\":\(coord(points[0]))}") }
        if points.count > 1 { parts.append("{\"type\":\"MultiPoint\",\"coordinates\":\(line(points))}") }
        if lines.count == 1 { parts.append("{\"type\":\"LineString\",\"coordinates\":\(line(lines[0]))}") }
        if lines.count > 1 { parts.append("{\"type\":\"MultiLineString\",\"coordinates\":[\(lines.map(line).joined(separator: ","))]}") }
        if polys.count == 1 { parts.append("{\"type\":\"Polygon\",\"coordinates\":\(polygon(polys[0]))}") }
        if polys.count > 1 { parts.append("{\"type\":\"MultiPolygon\",\"coordinates\":[\(polys.map(polygon).joined(separator: ","))]}") }
        switch parts.count {
        case 0: return nil
        case 1: return parts[0]
        default: return "{\"type\":\"GeometryCollection\",\"geometries\":[\(parts.joined(separator: ","))]}"
        }
    }
}
