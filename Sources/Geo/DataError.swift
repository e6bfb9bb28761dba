/// A problem in a data file, said the way a user can act on it:
/// `Reports/events.yaml:12: unknown place "Saraqep" (did you mean "Saraqib"?)`.
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
public func tsvRows(_ text: String) -> [(line: Int, fields: [Substring])] {
    var out: [(Int, [Substring])] = []
    var n = 0
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
        n += 1
        let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
        if line.isEmpty || line.hasPrefix("#") { continue }
        out.append((n, line.split(separator: "\t", omittingEmptySubsequences: false)))
    }
    return out
}
