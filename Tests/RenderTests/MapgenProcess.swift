import Foundation
import XCTest

/// The built `mapgen` run as a user runs it: a subprocess (the binary beside the test bundle),
/// with a time limit, telling a clean exit from a crash (signal) or a hang.
struct MapgenProcess {
    struct Outcome {
        let status: Int32
        /// Killed by a signal (a crash: trap, segfault, stack overflow), not a normal exit.
        let crashed: Bool
        /// Still running when the time limit passed (then killed).
        let hung: Bool
        let out: String
        let err: String
    }

    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("mapgen")
    }

    /// Skips the calling test when the binary is not built (e.g. `swift test` of one target).
    static func requireBinary() throws {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw XCTSkip("mapgen is not built beside the tests (\(binary.path))")
        }
    }

    /// Runs `mapgen args --data data` in `dir`. Output goes through files, not pipes, so a chatty
    /// or stuck child cannot block on a full pipe.
    static func run(_ args: [String], data: URL = repoRoot, in dir: URL? = nil, timeout: TimeInterval = 300) throws -> Outcome {
        try requireBinary()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("mapgen-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let p = Process()
        p.executableURL = binary
        p.arguments = args + ["--data", data.path]
        p.currentDirectoryURL = dir ?? FileManager.default.temporaryDirectory
        p.standardOutput = out
        p.standardError = err
        let done = DispatchSemaphore(value: 0)
        p.terminationHandler = { _ in done.signal() }
        try p.run()
        var hung = false
        if done.wait(timeout: .now() + timeout) == .timedOut {
            hung = true
            kill(p.processIdentifier, SIGKILL)
            done.wait()
        }
        try out.close(); try err.close()
        return Outcome(status: p.terminationStatus, crashed: !hung && p.terminationReason == .uncaughtSignal, hung: hung,
                       out: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                       err: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
