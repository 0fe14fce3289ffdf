import Foundation

/// Runs a check once, before a store's first write: later writes of the same store trust it.
///
/// A check that throws is not counted as done, so the next write checks again.
final class FirstWriteCheck: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false

    /// Runs `check` unless it passed before.
    func runOnce(_ check: () throws -> Void) rethrows {
        lock.lock()
        defer { lock.unlock() }
        guard !done else { return }
        try check()
        done = true
    }
}
