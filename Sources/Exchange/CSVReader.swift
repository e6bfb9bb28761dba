/// RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes), read from bytes
/// with the line each record starts on, so errors can name file:line:column. Hand-written
/// rather than OGR's CSV driver: OGR reports feature ids, not lines, and a quoted line break in
/// ACLED's notes would put every later line number off.
struct CSVReader {
    struct Record {
        let line: Int
        let fields: [String]
    }

    static func records(_ bytes: [UInt8]) -> [Record] {
        var out: [Record] = []
        forEachRecord(bytes) { out.append($0) }
        return out
    }

    /// Calls `body` with each record in turn, so a large file is never held as strings whole.
    static func forEachRecord(_ bytes: [UInt8], _ body: (Record) throws -> Void) rethrows {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0   // a UTF-8 byte-order mark
        var inQuotes = false, sawAny = false
        func endField() { fields.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true) }
        func endRecord() throws {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { try body(Record(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == quote {
                    if i + 1 < bytes.count && bytes[i + 1] == quote { field.append(quote); i += 1 } else { inQuotes = false }
                } else {
                    if b == lf { line += 1 }
                    field.append(b)
                }
            } else if b == quote && field.isEmpty {
                inQuotes = true
            } else if b == comma {
                endField()
            } else if b == lf || b == cr {
                if b == cr && i + 1 < bytes.count && bytes[i + 1] == lf { i += 1 }
                try endRecord()
                line += 1
                recordLine = line
                sawAny = false
                i += 1
                continue
            } else {
                field.append(b)
            }
            sawAny = true
            i += 1
        }
        if sawAny || !field.isEmpty || !fields.isEmpty { try endRecord() }
    }
}
