import Dispatch
import Foundation

/// Hands batches from the calling thread to one other thread, in order, so that producing them
/// (stepping through a million rows of SQLite) and consuming them (building values from the rows)
/// run on two cores at once.
///
/// The consumer gets a thread of its own rather than one from Dispatch's shared pool: the producer
/// holds the database while it waits for the consumer, and the pool's threads may all be waiting
/// for that database (the workbench serves requests from them).
enum BatchHandoff {
    /// Runs `produce` on the calling thread and `consume` on another, and returns what `consume`
    /// returns once both are done.
    ///
    /// - Parameters:
    ///   - depth: How many batches may wait between the two; `produce` blocks beyond that, so
    ///     memory stays bounded.
    ///   - produce: Called with the function that hands one batch on.
    ///   - consume: Called with the function that returns the next batch, or `nil` after the last.
    /// - Throws: What `produce` throws, after `consume` has seen the batches sent before it.
    static func overlap<Batch: Sendable, Result: Sendable>(
        depth: Int = 4, produce: (_ send: (Batch) -> Void) throws -> Void,
        consume: @escaping @Sendable (_ next: () -> Batch?) -> Result
    ) throws -> Result {
        let channel = Channel<Batch>(depth: Swift.max(1, depth))
        let outcome = Outcome<Result>()
        let done = DispatchSemaphore(value: 0)
        Thread {
            outcome.value = consume(channel.receive)
            done.signal()
        }.start()
        var joined = false
        func join() {
            guard !joined else { return }
            channel.close()
            done.wait()
            joined = true
        }
        defer { join() }
        try produce(channel.send)
        join()
        guard let value = outcome.value else { preconditionFailure("the consumer returned no value") }
        return value
    }

    /// Batches in flight, guarded by one lock.
    private final class Channel<Batch>: @unchecked Sendable {
        private let condition = NSCondition()
        private var waiting: [Batch] = []
        private var closed = false
        private let depth: Int

        init(depth: Int) { self.depth = depth }

        func send(_ batch: Batch) {
            condition.lock()
            defer { condition.unlock() }
            while waiting.count >= depth && !closed { condition.wait() }
            waiting.append(batch)
            condition.broadcast()
        }

        func receive() -> Batch? {
            condition.lock()
            defer { condition.unlock() }
            while waiting.isEmpty && !closed { condition.wait() }
            guard !waiting.isEmpty else { return nil }
            condition.broadcast()
            return waiting.removeFirst()
        }

        func close() {
            condition.lock()
            closed = true
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The consumer's result, written by its thread before the group it runs in is left.
    private final class Outcome<Result>: @unchecked Sendable {
        var value: Result?
    }
}
