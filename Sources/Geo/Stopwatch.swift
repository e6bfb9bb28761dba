import Foundation

/// Stage timings on stderr when the environment has MAPGEN_TIMING set: where a run's time goes,
/// without a profiler. Silent (and nearly free) otherwise.
public struct Stopwatch {
    private var last = DispatchTime.now()
    private static let enabled = ProcessInfo.processInfo.environment["MAPGEN_TIMING"] != nil

    public init() {}

    public mutating func lap(_ stage: @autoclosure () -> String) {
        guard Self.enabled else { return }
        let now = DispatchTime.now()
        let ms = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e6
        FileHandle.standardError.write(Data(String(format: "%8.1f ms  %@\n", ms, stage()).utf8))
        last = now
    }
}
