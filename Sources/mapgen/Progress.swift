import Foundation
import Synchronization

/// Progress of a many-map run on standard error: a bar with counts and the time left when
/// stderr is a terminal, a plain line per item otherwise (logs, CI). Safe from any thread.
final class Progress: Sendable {
    private struct State {
        var done = 0
        let started = Date()
    }
    private let total: Int
    private let what: String
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let state = Mutex(State())

    init(total: Int, what: String) {
        self.total = total
        self.what = what
    }

    /// One more item finished; `label` names it (e.g. its date).
    func step(_ label: String) {
        let line: String = state.withLock { s in
            s.done += 1
            if !isTerminal { return "\(what) \(s.done)/\(total): \(label)\n" }
            let elapsed = Date().timeIntervalSince(s.started)
            let left = s.done < total ? elapsed / Double(s.done) * Double(total - s.done) : 0
            let width = 30, filled = width * s.done / max(1, total)
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            return "\r\(what) [\(bar)] \(s.done)/\(total) \(label)  \(String(format: "%.1f", elapsed)) s, ~\(Int(left.rounded(.up))) s left\u{1B}[K"
                + (s.done == total ? "\n" : "")
        }
        FileHandle.standardError.write(Data(line.utf8))
    }
}
