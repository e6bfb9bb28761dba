import Foundation

/// Reads a data file as UTF-8 text. A missing file, a file that is not UTF-8 (with the line of
/// the first bad byte) and a leading byte-order mark are told apart, so that the fix fits.
public func readText(_ url: URL) throws -> String {
    let file = url.relativeDisplay
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
        let exists = FileManager.default.fileExists(atPath: url.path)
        throw DataError(file: file, exists ? "cannot read the file" : "no such file",
                        fix: exists ? "check the file's permissions" : "run mapgen from the repository root, or pass --data DIR")
    }
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }   // a BOM some editors write
    if let bad = firstInvalidUTF8(bytes) {
        let line = bytes[..<bad].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let lineStart = bytes[..<bad].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        throw DataError(file: file, line: line,
                        String(format: "not valid UTF-8 (byte 0x%02X at byte %d of the line)", bytes[bad], bad - lineStart + 1),
                        fix: "save the file as UTF-8")
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// The offset of the first byte that does not belong to a well-formed UTF-8 sequence (no
/// overlong forms, no surrogates, nothing above U+10FFFF), or nil when the bytes are UTF-8.
func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
    var i = 0
    let n = b.count
    while i < n {
        let c = b[i]
        if c < 0x80 { i += 1; continue }
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF   // range of the second byte
        switch c {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return i
        }
        guard i + 1 < n, (low...high).contains(b[i + 1]) else { return i }
        for k in 2..<length {
            guard i + k < n, (0x80...0xBF).contains(b[i + k]) else { return i }
        }
        i += length
    }
    return nil
}

extension URL {
    /// The path relative to the working directory when it is inside it, for messages.
    public var relativeDisplay: String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)` without Foundation (a tenth of the cost, and no
    /// character-set set-up on first use): the characters of CoreFoundation's whitespace set
    /// (the Zs spaces, tab and U+200B) off both ends. A test compares it with Foundation's.
    public var trimmingWhitespace: String {
        func blank(_ c: Unicode.Scalar) -> Bool {
            switch c.value {
            case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
            default: return false
            }
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !blank($0) }), let last = scalars.lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[first..<scalars.index(after: last)])
    }
}
