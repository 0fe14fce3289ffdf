import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// Computes `transform` of each element on all cores, at most `window` elements ahead of the
    /// consumer, and hands each result to `consume` on the calling thread, in the elements' order.
    ///
    /// The calling thread consumes while other threads transform, so slow consuming (storing a
    /// file) overlaps with transforming the next elements (reading them), and no more than
    /// `window` results wait in memory at once. When `consume` throws, the elements not yet
    /// started are not transformed.
    ///
    /// - Complexity: The transforms divided among the cores, beside the consumption.
    func pipelined<T: Sendable>(
        window: Int, _ transform: @Sendable (Element) -> T, consume: (T) throws -> Void
    ) rethrows {
        let slots = PipelineSlots<T>(count: count, window: Swift.max(1, window))
        try withoutActuallyEscaping(transform) { transform in
            let elements = self
            let done = DispatchGroup()
            DispatchQueue.global().async(group: done) {
                DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                    guard slots.waitForRoom(index) else { return slots.skip(index) }
                    slots.fill(index, transform(elements[index]))
                }
            }
            defer {
                slots.cancel()
                done.wait()
            }
            for index in elements.indices { try consume(slots.take(index)) }
        }
    }
}

/// The results between the transforming threads and the consumer.
private final class PipelineSlots<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private var results: [T?]
    private var ready: [Bool]
    private let window: Int
    /// How many results the consumer has taken.
    private var taken = 0
    private var cancelled = false

    init(count: Int, window: Int) {
        results = Array(repeating: nil, count: count)
        ready = Array(repeating: false, count: count)
        self.window = window
    }

    /// Waits until element `index` is within the window; `false` when the pipeline was cancelled.
    func waitForRoom(_ index: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while index >= taken + window && !cancelled { condition.wait() }
        return !cancelled
    }

    func fill(_ index: Int, _ value: T) {
        condition.lock()
        results[index] = value
        ready[index] = true
        condition.broadcast()
        condition.unlock()
    }

    func skip(_ index: Int) {
        condition.lock()
        ready[index] = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for result `index` and takes it out, making room for one more.
    func take(_ index: Int) -> T {
        condition.lock()
        defer { condition.unlock() }
        while !ready[index] { condition.wait() }
        let value = results[index]!
        results[index] = nil
        taken = index + 1
        condition.broadcast()
        return value
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
