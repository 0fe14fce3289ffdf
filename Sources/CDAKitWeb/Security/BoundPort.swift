import Foundation

/// The port the server listens on, known once it has bound (the configured port, or the one the
/// system chose for port 0). Read by the `Host` check on every request.
final class BoundPort: @unchecked Sendable {
    private let lock = NSLock()
    private var port: Int

    init(_ port: Int) { self.port = port }

    /// The port.
    var value: Int {
        get { lock.withLock { port } }
        set { lock.withLock { port = newValue } }
    }
}
