import Foundation

/// A YAML value written in the style of Reports/events.yaml (PyYAML's block style: keys in
/// the given order, sequences not indented under their key, quoting only where needed).
public indirect enum YAMLValue: Sendable, Equatable {
    case null
    case string(String)
    /// Written plain (numbers, true/false).
    case raw(String)
    case list([YAMLValue])
    case map([YAMLPair])

    public static func str(_ s: String?) -> YAMLValue { s.map { .string($0) } ?? .null }
}

public struct YAMLPair: Sendable, Equatable {
    public let key: String
    public let value: YAMLValue
    public init(_ key: String, _ value: YAMLValue) { self.key = key; self.value = value }
}

public enum YAMLWriter {
    /// A top-level list (as events.yaml), each item a mapping.
    public static func list(_ items: [YAMLValue]) -> String {
        var out = ""
        for item in items { emitItem(item, indent: 0, into: &out) }
        return out
    }

    /// A top-level mapping.
    public static func map(_ pairs: [YAMLPair]) -> String {
        var out = ""
        emitPairs(pairs, indent: 0, firstPrefix: nil, into: &out)
        return out
    }

    static func pad(_ n: Int) -> String { String(repeating: " ", count: n) }

    static func emitItem(_ v: YAMLValue, indent: Int, into out: inout String) {
        switch v {
        case .map(let pairs) where !pairs.isEmpty:
            emitPairs(pairs, indent: indent + 2, firstPrefix: pad(indent) + "- ", into: &out)
        case .list(let items) where !items.isEmpty:
            out += pad(indent) + "-\n"
            for i in items { emitItem(i, indent: indent + 2, into: &out) }
        default:
            out += pad(indent) + "- " + inline(v, indent: indent + 2) + "\n"
        }
    }

    static func emitPairs(_ pairs: [YAMLPair], indent: Int, firstPrefix: String?, into out: inout String) {
        for (i, p) in pairs.enumerated() {
            let lead = i == 0 && firstPrefix != nil ? firstPrefix! : pad(indent)
            let key = quoteIfNeeded(p.key)
            switch p.value {
            case .map(let sub) where !sub.isEmpty:
                out += lead + key + ":\n"
                emitPairs(sub, indent: indent + 2, firstPrefix: nil, into: &out)
            case .list(let items) where !items.isEmpty:
                out += lead + key + ":\n"
                for item in items { emitItem(item, indent: indent, into: &out) }
            default:
                out += lead + key + ": " + inline(p.value, indent: indent + 2) + "\n"
            }
        }
    }

    static func inline(_ v: YAMLValue, indent: Int) -> String {
        switch v {
        case .null: return "null"
        case .raw(let s): return s
        case .string(let s): return fold(quoteIfNeeded(s), indent: indent)
        case .list: return "[]"
        case .map: return "{}"
        }
    }

    /// Long plain scalars are folded at spaces near 120 columns, as PyYAML does with width=120.
    static func fold(_ s: String, indent: Int) -> String {
        guard s.count > 100, !s.hasPrefix("'"), !s.contains("  ") else { return s }
        var lines: [String] = []
        var cur = ""
        for w in s.split(separator: " ", omittingEmptySubsequences: false) {
            if !cur.isEmpty, cur.count + 1 + w.count > 118 - indent { lines.append(cur); cur = String(w) }
            else { cur = cur.isEmpty ? String(w) : cur + " " + w }
        }
        lines.append(cur)
        return lines.joined(separator: "\n" + pad(indent))
    }

    /// Plain when YAML reads it back as the same string; single-quoted otherwise.
    public static func quoteIfNeeded(_ s: String) -> String {
        if s.isEmpty { return "''" }
        let lower = s.lowercased()
        let reserved = ["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"]
        let first = s.unicodeScalars.first!
        let special: Set<Unicode.Scalar> = ["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"",
                                             "%", "@", "`"]
        let looksNumeric = Double(s) != nil || s.range(of: #"^[-+]?[0-9][0-9_,:.eE+-]*$"#, options: .regularExpression) != nil
        let looksDate = s.range(of: #"^\d{4}-\d{1,2}-\d{1,2}([Tt ].*)?$"#, options: .regularExpression) != nil
        let needs = reserved.contains(lower) || special.contains(first) || looksNumeric || looksDate
            || s.contains(": ") || s.contains(" #") || s.hasSuffix(":") || s.hasPrefix(" ") || s.hasSuffix(" ")
            || s.contains("\n") || s.contains("\t")
            || s.unicodeScalars.contains { $0.value < 0x20 }
        guard needs else { return s }
        if s.contains("\n") || s.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" }) {
            // Double quotes can escape control characters.
            var e = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": e += "\\\""
                case "\\": e += "\\\\"
                case "\n": e += "\\n"
                case "\t": e += "\\t"
                default: if u.value < 0x20 { e += String(format: "\\x%02X", u.value) } else { e.unicodeScalars.append(u) }
                }
            }
            return e + "\""
        }
        return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
