import CSQLite
import Foundation

/// One SQLite connection, and the statements prepared on it: the only code that holds sqlite3
/// pointers. Used from one thread at a time (the report store opens, reads and closes it in one call).
final class SQLiteDatabase {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let handle: OpaquePointer

    init(path: String, readOnly: Bool) throws {
        var h: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let rc = sqlite3_open_v2(path, &h, flags, nil)
        guard rc == SQLITE_OK, let h else {
            let message = h.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(h)
            throw Failure(description: "\(path): \(message)")
        }
        handle = h
    }

    deinit { sqlite3_close_v2(handle) }

    fileprivate var lastError: Failure { Failure(description: String(cString: sqlite3_errmsg(handle))) }

    func execute(_ sql: String) throws {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else { throw lastError }
    }

    func prepare(_ sql: String) throws -> Statement { try Statement(self, sql) }

    fileprivate func prepareRaw(_ sql: String) throws -> OpaquePointer {
        var s: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &s, nil) == SQLITE_OK, let s else { throw lastError }
        return s
    }

    /// A prepared statement: bind by 1-based index, step, read columns by 0-based index.
    final class Statement {
        private let db: SQLiteDatabase   // kept alive while the statement lives
        private let stmt: OpaquePointer
        /// SQLite copies bound text before `bind` returns.
        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        fileprivate init(_ db: SQLiteDatabase, _ sql: String) throws {
            self.db = db
            stmt = try db.prepareRaw(sql)
        }

        deinit { sqlite3_finalize(stmt) }

        func bind(_ values: [Value]) throws {
            sqlite3_reset(stmt)
            sqlite3_clear_bindings(stmt)
            for (i, v) in values.enumerated() {
                let rc: Int32
                switch v {
                case .int(let n): rc = sqlite3_bind_int64(stmt, Int32(i + 1), sqlite3_int64(n))
                case .text(let s): rc = sqlite3_bind_text(stmt, Int32(i + 1), s, -1, Self.transient)
                case .null: rc = sqlite3_bind_null(stmt, Int32(i + 1))
                }
                guard rc == SQLITE_OK else { throw db.lastError }
            }
        }

        /// True while there is a row to read.
        func step() throws -> Bool {
            switch sqlite3_step(stmt) {
            case SQLITE_ROW: return true
            case SQLITE_DONE: return false
            default: throw db.lastError
            }
        }

        /// Runs an insert or update with these values.
        func run(_ values: [Value]) throws {
            try bind(values)
            _ = try step()
        }

        func int(_ column: Int) -> Int { Int(sqlite3_column_int64(stmt, Int32(column))) }
        func isNull(_ column: Int) -> Bool { sqlite3_column_type(stmt, Int32(column)) == SQLITE_NULL }
        func text(_ column: Int) -> String {
            guard let p = sqlite3_column_text(stmt, Int32(column)) else { return "" }
            return String(cString: p)
        }
    }

    enum Value {
        case int(Int), text(String), null
    }
}
