/// A cheap upper bound on how deeply a YAML text nests, checked before the text reaches the
/// parser: Yams builds its node tree recursively, so a value nested some thousands of levels
/// deep overflows the stack instead of failing. Events nest a handful of levels; the bound
/// (indentation and sequence dashes of block lines, plus open flow brackets) only
/// overestimates, so a real file is never refused for depth it does not have.
enum YAMLNesting {
    /// Far above any events file (they need about 6) and far below what overflows the stack.
    static let limit = 200

    /// The first line whose nesting bound exceeds `limit`, or nil.
    static func firstLineTooDeep(in text: String, limit: Int = limit) -> Int? {
        var line = 1
        var flow = 0             // open [ and { of flow collections
        var quote: UInt8? = nil  // inside a quoted scalar (may span lines)
        var atLineStart = true
        var indent = 0
        var previous: UInt8 = UInt8(ascii: " ")   // last significant byte, to see where a flow collection may start
        var inComment = false
        for b in text.utf8 {
            if b == UInt8(ascii: "\n") {
                line += 1; atLineStart = true; indent = 0; inComment = false
                previous = UInt8(ascii: " ")
                continue
            }
            if inComment { continue }
            if let q = quote {
                if b == q { quote = nil }
                continue
            }
            if atLineStart {
                if b == UInt8(ascii: " ") { indent += 1; continue }
                if b == UInt8(ascii: "-") || b == UInt8(ascii: "?") { indent += 1; continue }
                atLineStart = false
                // Block nesting: a level needs more indentation, except a sequence under a mapping
                // key, hence twice the columns.
                if flow == 0, 2 * (indent + 1) > limit { return line }
            }
            switch b {
            case UInt8(ascii: "#") where previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t"):
                inComment = true
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                if Self.opensValue(previous) { quote = b }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                if flow > 0 || Self.opensValue(previous) {
                    flow += 1
                    if flow + 2 * (indent + 1) > limit { return line }
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if flow > 0 { flow -= 1 }
            default: break
            }
            previous = b
        }
        return nil
    }

    /// Whether a value (quoted scalar or flow collection) may start after this byte.
    private static func opensValue(_ previous: UInt8) -> Bool {
        [UInt8(ascii: " "), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":"),
         UInt8(ascii: "-"), UInt8(ascii: "?")].contains(previous)
    }
}
