import CGEOS

/// The process-wide GEOS context. mapgen is single-threaded; GEOS's reentrant (`_r`) API is
/// used through this one handle so that no global GEOS state is touched.
final class GEOSContext {
    static let shared = GEOSContext()
    let handle: GEOSContextHandle_t
    /// The last message GEOS reported, so that a failed call can say why instead of crashing.
    fileprivate(set) var lastError: String?

    private init() {
        handle = GEOS_init_r()
        let box = Unmanaged.passUnretained(self).toOpaque()
        GEOSContext_setErrorMessageHandler_r(handle, { message, userdata in
            guard let message, let userdata else { return }
            let ctx = Unmanaged<GEOSContext>.fromOpaque(userdata).takeUnretainedValue()
            ctx.lastError = String(cString: message)
        }, box)
        GEOSContext_setNoticeMessageHandler_r(handle, { _, _ in }, nil)
    }
}

/// A GEOS operation failed; the message is GEOS's own.
public struct GeometryError: Error, CustomStringConvertible {
    public let operation: String
    public let message: String
    public var description: String { "\(operation) failed: \(message)" }
}
