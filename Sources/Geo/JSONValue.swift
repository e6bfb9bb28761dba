import Foundation

/// A JSON value (the --json outputs, GeoJSON properties), written with sorted keys so the
/// output is byte-stable. GeoJSON itself is written by OGR (Situation.MixedFeatureCollection).
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
