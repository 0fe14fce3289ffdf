import CDAKit
import Dispatch

/// Runs the project store's blocking calls off Swift's cooperative threads, so that a slow query
/// or a wait for another process's write lock (up to the store's busy timeout) never stalls the
/// server's other requests.
struct StoreAccess: Sendable {
    /// The project.
    let store: ProjectStore

    /// Runs `body` with the store on a dispatch worker thread and returns its result.
    func run<T: Sendable>(_ body: @escaping @Sendable (ProjectStore) throws -> T) async throws -> T {
        let store = self.store
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try body(store) })
            }
        }
    }
}
