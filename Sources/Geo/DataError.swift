/// A problem in a data file, said the way a user can act on it:
/// `Reports/events.yaml:12: unknown place "Townn" (did you mean "Town"?)`.
public struct DataError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let line: Int?
    public let message: String
    public let fix: String?

    public init(file: String, line: Int? = nil, _ message: String, fix: String? = nil) {
        self.file = file; self.line = line; self.message = message; self.fix = fix
    }

    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        s += ": \(message)"
        if let fix { s += "\n  fix: \(fix)" }
        return s
    }
}

/// Splits a TSV text into (line number, fields), skipping blank and `#` comment lines.
/// Works on UTF-8 bytes: splitting a String by Character would segment graphemes and cost
/// tens of milliseconds on the gazetteer.
public func tsvRows(_ text: String) -> [(line: Int, fields: [Substring])] {
    let tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r"), hash = UInt8(ascii: "#")
    var out: [(Int, [Substring])] = []
    let utf8 = text.utf8
    var n = 0
    var width = 0   // the last row's field count: rows of a table are alike, so arrays grow once
    var lineStart = utf8.startIndex
    while lineStart < utf8.endIndex {
        n += 1
        let lineEnd = utf8[lineStart...].firstIndex(of: newline) ?? utf8.endIndex
        var contentEnd = lineEnd
        if contentEnd > lineStart, utf8[utf8.index(before: contentEnd)] == cr { contentEnd = utf8.index(before: contentEnd) }
        if contentEnd > lineStart, utf8[lineStart] != hash {
            var fields: [Substring] = []
            fields.reserveCapacity(width)
            var fieldStart = lineStart
            var i = lineStart
            while i < contentEnd {
                if utf8[i] == tab {
                    fields.append(text[fieldStart..<i])
                    fieldStart = utf8.index(after: i)
                }
                i = utf8.index(after: i)
            }
            fields.append(text[fieldStart..<contentEnd])
            width = fields.count
            out.append((n, fields))
        }
        lineStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
    }
    return out
}
