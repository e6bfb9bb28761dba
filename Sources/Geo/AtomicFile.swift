import Foundation
import Synchronization

/// Files appear whole or not at all, and nothing but a regular file is ever replaced.
///
/// Each file is written to a unique temporary file in its target folder (`mkstemp`), and only
/// when every file of a batch is written are they renamed over their targets (`rename(2)`, one
/// atomic step each). The old file stays readable until the new one takes its place; a failed
/// or interrupted run removes its temporary files (see `PendingTemporaries`) and leaves the
/// earlier outputs as they were. A directory, link or device at a target path is refused.
public enum AtomicFile {
    /// Writes one file.
    public static func write(_ data: Data, to url: URL) throws {
        try write([(url, data)])
    }

    /// Writes several files together: all are written before any is renamed into place.
    public static func write(_ files: [(URL, Data)]) throws {
        var paths = Set<String>()
        for (url, _) in files {
            guard paths.insert(url.standardizedFileURL.path).inserted else {
                throw OutputError(path: url.path, problem: "is named twice in one run")
            }
            try checkReplaceable(url)
        }
        var staged: [(tmp: String, final: String)] = []
        defer { for s in staged { unlink(s.tmp); PendingTemporaries.shared.remove(s.tmp) } }
        for (url, data) in files {
            try createFolder(url.deletingLastPathComponent())
            staged.append((try stage(data, for: url), url.path))
        }
        for s in staged {
            // Checked again just before the rename: the target may have appeared since.
            try checkReplaceable(URL(fileURLWithPath: s.final))
            guard rename(s.tmp, s.final) == 0 else {
                throw OutputError(path: s.final, problem: "could not be written (\(errnoText()))")
            }
        }
    }

    /// Refuses a target that exists and is not a regular file (a folder above all).
    public static func checkReplaceable(_ url: URL) throws {
        var st = stat()
        guard lstat(url.path, &st) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return }
            throw OutputError(path: url.path, problem: "cannot be checked (\(errnoText()))")
        }
        let kind = st.st_mode & S_IFMT
        guard kind == S_IFREG else {
            let what = kind == S_IFDIR ? "a folder" : kind == S_IFLNK ? "a symbolic link" : "not a regular file"
            throw OutputError(path: url.path, problem: "is \(what); mapgen only replaces regular files: move it away or choose another output name")
        }
    }

    /// Checks that a folder exists and can be written, or could be created; creates nothing.
    public static func checkFolder(_ url: URL) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw OutputError(path: url.path, problem: "is a file, not a folder: choose another output folder") }
            guard access(url.path, W_OK | X_OK) == 0 else {
                throw OutputError(path: url.path, problem: "cannot be written to (\(errnoText())): choose another output folder")
            }
            return
        }
        // The nearest existing ancestor must be a folder we may write in.
        var ancestor = url.deletingLastPathComponent()
        while ancestor.path != "/", !FileManager.default.fileExists(atPath: ancestor.path) { ancestor = ancestor.deletingLastPathComponent() }
        guard FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDir), isDir.boolValue else {
            throw OutputError(path: url.path, problem: "cannot be made: \(ancestor.path) is a file, not a folder; choose another output folder")
        }
        guard access(ancestor.path, W_OK | X_OK) == 0 else {
            throw OutputError(path: url.path, problem: "cannot be made: \(ancestor.path) is not writable (\(errnoText())); choose another output folder")
        }
    }

    /// Creates a folder (and its parents), or says clearly why not.
    public static func createFolder(_ url: URL) throws {
        try checkFolder(url)
        var missing: [String] = []
        var dir = url.standardizedFileURL
        while dir.path != "/", !FileManager.default.fileExists(atPath: dir.path) {
            missing.append(dir.path)
            dir = dir.deletingLastPathComponent()
        }
        for path in missing.reversed() where mkdir(path, 0o777) != 0 && errno != EEXIST {
            throw OutputError(path: path, problem: "cannot be made (\(errnoText())); choose another output folder")
        }
    }

    /// Writes `data` to a fresh temporary file beside `url` and returns its path.
    static func stage(_ data: Data, for url: URL) throws -> String {
        var template = Array("\(url.deletingLastPathComponent().path)/.\(url.lastPathComponent).tmp.XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buf in buf.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw OutputError(path: url.path, problem: "could not be written (\(errnoText()))") }
        let tmp = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        PendingTemporaries.shared.add(tmp)
        defer { close(fd) }
        // mkstemp makes the file private (0600); give it the mode a plain write would.
        let mask = umask(0); umask(mask)
        fchmod(fd, 0o666 & ~mask)
        var failure: Int32 = 0
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; failure = errno; return }
                offset += n
            }
        }
        if failure != 0 {
            unlink(tmp); PendingTemporaries.shared.remove(tmp)
            throw OutputError(path: url.path, problem: "could not be written (\(String(cString: strerror(failure))))")
        }
        return tmp
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// An output that cannot be written, with the path and what to do.
public struct OutputError: Error, CustomStringConvertible {
    public let path: String
    public let problem: String
    public init(path: String, problem: String) { self.path = path; self.problem = problem }
    public var description: String { "\(path): \(problem)" }
}

/// Temporary files being written right now, so that a run stopped by SIGINT or SIGTERM can
/// remove them before it exits. The set lives in a `Mutex`, so the compiler checks the sharing.
public final class PendingTemporaries: Sendable {
    public static let shared = PendingTemporaries()
    private let paths = Mutex(Set<String>())

    func add(_ path: String) { paths.withLock { _ = $0.insert(path) } }
    func remove(_ path: String) { paths.withLock { _ = $0.remove(path) } }

    /// Removes every temporary file still pending (from a signal handler's queue).
    public func removeAll() {
        paths.withLock { set in
            for p in set { unlink(p) }
            set.removeAll()
        }
    }
}
