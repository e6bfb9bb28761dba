import Dispatch
import Synchronization

/// Runs `count` items over `jobs` threads, items taken in order from a shared counter, so the
/// first items finish first and each thread keeps its own `worker` state (a text shaper, a
/// GEOS context) from one item to the next. The first failure (by item number) is rethrown
/// once the threads stop; items not yet started are skipped.
public enum Parallel {
    public static func forEach<W>(count: Int, jobs: Int, worker: @Sendable () -> W,
                                  _ body: @Sendable (Int, W) throws -> Void) throws {
        guard count > 0 else { return }
        let next = Mutex(0)
        let failure = Mutex<(index: Int, error: any Error)?>(nil)
        let threads = max(1, min(jobs, count))
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let state = worker()
            while true {
                let i = next.withLock { n in defer { n += 1 }; return n }
                if i >= count || failure.withLock({ $0 != nil }) { return }
                do { try body(i, state) } catch {
                    failure.withLock { f in if f.map({ i < $0.index }) ?? true { f = (i, error) } }
                }
            }
        }
        if let f = failure.withLock({ $0 }) { throw f.error }
    }
}
