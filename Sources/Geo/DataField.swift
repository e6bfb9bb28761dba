/// A numeric column of a data file, read strictly: text that is not a number, or a number out
/// of its range, is an error naming the file, line and column, never a silent default.
public struct DataField {
    public let file: String
    public let line: Int

    public init(file: String, line: Int) { self.file = file; self.line = line }

    /// A decimal number within `range`. Only decimal notation is taken: Swift's `Double("nan")`,
    /// `Double("inf")` and `Double("0x1p3")` parse, but no data file means them.
    public func double(_ text: some StringProtocol, _ column: String, in range: ClosedRange<Double>,
                       example: String) throws -> Double {
        guard text.utf8.allSatisfy(Self.isDecimal), let v = Double(text), v.isFinite, range.contains(v) else {
            throw DataError(file: file, line: line,
                            "\(column) is \"\(text)\", not a number from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound))",
                            fix: "write \(column) as a plain number, e.g. \(example)")
        }
        return v
    }

    /// As `double`, where an empty field means "not given".
    public func optionalDouble(_ text: some StringProtocol, _ column: String, in range: ClosedRange<Double>,
                               example: String) throws -> Double? {
        text.isEmpty ? nil : try double(text, column, in: range, example: example)
    }

    /// A whole number within `range`.
    public func int(_ text: some StringProtocol, _ column: String, in range: ClosedRange<Int>, example: String) throws -> Int {
        guard let v = Int(text), range.contains(v) else {
            throw DataError(file: file, line: line, "\(column) is \"\(text)\", not a whole number from \(range.lowerBound) to \(range.upperBound)",
                            fix: "write \(column) as a whole number, e.g. \(example)")
        }
        return v
    }

    /// As `int`, where an empty field means "not given".
    public func optionalInt(_ text: some StringProtocol, _ column: String, in range: ClosedRange<Int>, example: String) throws -> Int? {
        text.isEmpty ? nil : try int(text, column, in: range, example: example)
    }

    /// A byte of decimal notation: 0-9 + - . e E.
    private static func isDecimal(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "e"), UInt8(ascii: "E"): return true
        default: return false
        }
    }

    static func format(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v) }
}
