import CGEOS
import Foundation

/// The GEOS context of the calling thread. GEOS's reentrant (`_r`) API wants one context per
/// thread, never shared (as shapely and GEOSwift do): each thread gets its own on first use,
/// finished when the thread ends. The context collects the messages GEOS reports, so that a
/// failed call can say why instead of returning a bare NULL.
///
/// Not Sendable on purpose: a context belongs to its thread. Geometries themselves may move
/// between threads (see `Geometry`): a GEOS geometry keeps its factory alive by reference
/// count, so it outlives the context that made it.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    /// The last error message GEOS reported on this context.
    private(set) var lastError: String?
    /// The last notice (GEOS reports why a geometry is invalid as a notice).
    private(set) var lastNotice: String?

    private init(handle: GEOSContextHandle_t) {
        self.handle = handle
    }

    deinit { GEOS_finish_r(handle) }

    /// The calling thread's context, created on first use.
    static var current: GEOSContext {
        if let raw = pthread_getspecific(threadKey.key) {
            return Unmanaged<GEOSContext>.fromOpaque(raw).takeUnretainedValue()
        }
        return makeForThisThread()
    }

    private static func makeForThisThread() -> GEOSContext {
        // GEOS_init_r only fails when memory runs out, when nothing else could work either.
        let context = GEOSContext(handle: GEOS_init_r())
        let box = Unmanaged.passRetained(context).toOpaque()   // released by the key's destructor
        GEOSContext_setErrorMessageHandler_r(context.handle, { message, userdata in
            guard let message, let userdata else { return }
            Unmanaged<GEOSContext>.fromOpaque(userdata).takeUnretainedValue().lastError = String(cString: message)
        }, box)
        GEOSContext_setNoticeMessageHandler_r(context.handle, { message, userdata in
            guard let message, let userdata else { return }
            Unmanaged<GEOSContext>.fromOpaque(userdata).takeUnretainedValue().lastNotice = String(cString: message)
        }, box)
        pthread_setspecific(threadKey.key, box)
        return context
    }

    /// Forgets earlier messages, so that an error reports the message of the call that failed.
    func clearMessages() { lastError = nil; lastNotice = nil }

    /// The error for a failed call: GEOS's own message when it gave one.
    func error(_ operation: String) -> GeometryError {
        GeometryError(operation: operation, message: lastError ?? lastNotice ?? "GEOS gave no reason")
    }

    /// The thread-local slot holding each thread's context; its destructor finishes the context
    /// when the thread exits.
    private static let threadKey = ThreadKey()

    private final class ThreadKey: Sendable {
        let key: pthread_key_t
        init() {
            var k = pthread_key_t()
            pthread_key_create(&k) { raw in
                #if os(Linux)
                guard let raw else { return }
                #endif
                Unmanaged<GEOSContext>.fromOpaque(raw).release()
            }
            key = k
        }
    }
}

/// A GEOS operation failed, or was asked something it cannot answer; the message is GEOS's own
/// (or says which argument was refused).
public struct GeometryError: Error, CustomStringConvertible, Equatable {
    public let operation: String
    public let message: String
    public init(operation: String, message: String) { self.operation = operation; self.message = message }
    public var description: String { "\(operation) failed: \(message)" }
}
