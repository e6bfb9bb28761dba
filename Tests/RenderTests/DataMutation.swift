import Foundation

/// A small, fast, seedable generator (SplitMix64), so a fuzz run can be repeated exactly.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One change to one shipped data file, the kind of damage an editor, a bad export or a typo does.
struct DataMutation: CustomStringConvertible {
    enum Kind: String, CaseIterable {
        case flipByte = "byte flip", truncate, deleteLine = "deleted line", duplicateLine = "duplicated line",
             invalidUTF8 = "invalid UTF-8", wrongType = "wrong type", deepNesting = "deep nesting"
    }

    let file: String          // relative to the data root, e.g. "Gazetteer/places.tsv"
    let kind: Kind
    let detail: String
    let bytes: [UInt8]        // the file's new content
    /// The run must fail with a clean error naming this file (text that cannot be a number, bad UTF-8, …).
    let mustFailNamingFile: Bool

    var description: String { "\(kind.rawValue) in \(file) (\(detail))" }

    /// Numeric columns (0-based) of each table, and whether the file has a header row.
    static let numericColumns: [String: [Int]] = [
        "Gazetteer/places.tsv": [0, 4, 5, 14, 20],
        "Gazetteer/arabic.tsv": [1, 2],
        "Gazetteer/sites.tsv": [8, 9, 10],
        "Gazetteer/highways.tsv": [1],
        "Reports/control.tsv": [2],
        "Reports/areas.tsv": [4],
    ]
    /// Replacements for a numeric field; the first ones are never numbers, the rest are out of range or odd.
    static let notNumbers = ["abc", "12abc", "nan", "inf", "1e999", "0x1p3", "3,5"]
    static let oddNumbers = ["-1", "-999999", "1e308", "99999999999999999999", "0", "1e-320", ""]

    static func random(_ rng: inout SplitMix64, files: [String: [UInt8]]) -> DataMutation {
        let names = files.keys.sorted()
        let kind = Kind.allCases.randomElement(using: &rng) ?? .flipByte
        switch kind {
        case .wrongType:
            let file = numericColumns.keys.sorted().randomElement(using: &rng) ?? "Reports/areas.tsv"
            return wrongType(file, files[file] ?? [], &rng)
        case .deepNesting:
            return deepNesting(files["Reports/events.yaml"] ?? [], &rng)
        default:
            let file = names.randomElement(using: &rng) ?? names[0]
            return generic(kind, file, files[file] ?? [], &rng)
        }
    }

    static func generic(_ kind: Kind, _ file: String, _ original: [UInt8], _ rng: inout SplitMix64) -> DataMutation {
        var b = original
        var lines = splitLines(b)
        switch kind {
        case .flipByte:
            let at = Int.random(in: 0..<max(1, b.count), using: &rng)
            let mask = UInt8(1) << UInt8.random(in: 0...7, using: &rng)
            if !b.isEmpty { b[at] ^= mask }
            return DataMutation(file: file, kind: kind, detail: "byte \(at) ^ \(mask)", bytes: b, mustFailNamingFile: false)
        case .truncate:
            let at = Int.random(in: 0..<max(1, b.count), using: &rng)
            return DataMutation(file: file, kind: kind, detail: "at byte \(at) of \(b.count)", bytes: Array(b.prefix(at)),
                                mustFailNamingFile: false)
        case .deleteLine:
            let i = Int.random(in: 0..<max(1, lines.count), using: &rng)
            if !lines.isEmpty { lines.remove(at: i) }
            return DataMutation(file: file, kind: kind, detail: "line \(i + 1)", bytes: Array(lines.joined()), mustFailNamingFile: false)
        case .duplicateLine:
            let i = Int.random(in: 0..<max(1, lines.count), using: &rng)
            if !lines.isEmpty { lines.insert(lines[i], at: i) }
            return DataMutation(file: file, kind: kind, detail: "line \(i + 1)", bytes: Array(lines.joined()), mustFailNamingFile: false)
        case .invalidUTF8:
            let bad: [[UInt8]] = [[0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80]]
            let seq = bad.randomElement(using: &rng) ?? [0xFF]
            // At a character boundary, so that the inserted bytes (not a split character) are what is wrong.
            var at = Int.random(in: 0...b.count, using: &rng)
            while at < b.count, b[at] & 0xC0 == 0x80 { at += 1 }
            b.insert(contentsOf: seq, at: at)
            return DataMutation(file: file, kind: kind, detail: "\(seq.map { String(format: "%02X", $0) }.joined()) at byte \(at)",
                                bytes: b, mustFailNamingFile: true)
        case .wrongType, .deepNesting:
            return DataMutation(file: file, kind: kind, detail: "", bytes: b, mustFailNamingFile: false)
        }
    }

    static func wrongType(_ file: String, _ original: [UInt8], _ rng: inout SplitMix64) -> DataMutation {
        var lines = splitLines(original)
        let header = file != "Gazetteer/places.tsv"
        let data = lines.indices.filter { i in
            !(lines[i].first == UInt8(ascii: "#")) && !(header && i == firstDataLine(lines)) && lines[i].contains(UInt8(ascii: "\t"))
        }
        let i = data.randomElement(using: &rng) ?? 0
        let column = numericColumns[file]?.randomElement(using: &rng) ?? 0
        let notNumber = Bool.random(using: &rng)
        let value = (notNumber ? notNumbers : oddNumbers).randomElement(using: &rng) ?? "abc"
        var fields = lines[i].split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map(Array.init)
        let hadNewline = fields.last?.last == UInt8(ascii: "\n")
        if hadNewline { fields[fields.count - 1].removeLast() }
        guard column < fields.count else {
            return DataMutation(file: file, kind: .wrongType, detail: "line \(i + 1) too short", bytes: original, mustFailNamingFile: false)
        }
        let was = String(decoding: fields[column], as: UTF8.self)
        fields[column] = Array(value.utf8)
        lines[i] = Array(fields.joined(separator: [UInt8(ascii: "\t")])) + (hadNewline ? [UInt8(ascii: "\n")] : [])
        // Text that is no number must be refused, in a required and in an optional column alike.
        return DataMutation(file: file, kind: .wrongType, detail: "line \(i + 1) column \(column + 1): \"\(was)\" → \"\(value)\"",
                            bytes: Array(lines.joined()), mustFailNamingFile: notNumber)
    }

    static func deepNesting(_ original: [UInt8], _ rng: inout SplitMix64) -> DataMutation {
        let depth = [300, 5_000, 20_000].randomElement(using: &rng) ?? 5_000
        let style = Int.random(in: 0..<3, using: &rng)
        var text = "\n- id: fuzz-deep\n  date: '2020-02-01'\n  type: statement\n  sources:\n  - outlet: Fuzz\n  figures:\n"
        switch style {
        case 0: text += "    deep: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        case 1: text += "    deep: " + String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth) + "\n"
        default:
            for level in 0..<min(depth, 1_000) { text += String(repeating: " ", count: 4 + level) + "k\(level):\n" }
            text += String(repeating: " ", count: 4 + min(depth, 1_000)) + "end\n"
        }
        return DataMutation(file: "Reports/events.yaml", kind: .deepNesting, detail: "\(["flow lists", "flow maps", "block maps"][style]) × \(depth)",
                            bytes: original + Array(text.utf8), mustFailNamingFile: true)
    }

    static func firstDataLine(_ lines: [[UInt8]]) -> Int {
        lines.firstIndex { !($0.first == UInt8(ascii: "#")) && $0 != [UInt8(ascii: "\n")] } ?? 0
    }

    /// Lines with their newline kept, so that joining gives the bytes back.
    static func splitLines(_ b: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var start = 0
        for (i, c) in b.enumerated() where c == UInt8(ascii: "\n") {
            out.append(Array(b[start...i]))
            start = i + 1
        }
        if start < b.count { out.append(Array(b[start...])) }
        return out
    }
}
