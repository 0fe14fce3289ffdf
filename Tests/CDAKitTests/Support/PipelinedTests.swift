import Foundation
import Testing

@testable import CDAKit

/// Reading ahead while storing: results in order, never more than the window ahead, and a stop
/// when the consumer throws.
@Suite struct PipelinedTests {
    /// Counts transforms started, from any thread.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
        var count: Int {
            lock.lock()
            defer { lock.unlock() }
            return value
        }
    }

    struct Stop: Error {}

    @Test func resultsArriveInOrderAndNeverMoreThanTheWindowAhead() {
        let started = Counter()
        var consumed: [Int] = []
        var furthestAhead = 0
        Array(0..<200).pipelined(window: 3) { number in
            _ = started.increment()
            // Uneven work, so that later elements often finish first.
            if number % 7 == 0 { Thread.sleep(forTimeInterval: 0.001) }
            return number * number
        } consume: { square in
            furthestAhead = max(furthestAhead, started.count - consumed.count)
            consumed.append(square)
        }
        #expect(consumed == (0..<200).map { $0 * $0 })
        // Element i starts only once more than i - window results were taken: beside the one being
        // consumed, at most `window` more have started.
        #expect(furthestAhead <= 1 + 3)
    }

    @Test func aThrowingConsumerStopsTheTransformsNotYetStarted() {
        let started = Counter()
        var consumed = 0
        #expect(throws: Stop.self) {
            try Array(0..<1_000).pipelined(window: 4) { number in
                _ = started.increment()
                return number
            } consume: { number in
                consumed += 1
                if number == 10 { throw Stop() }
            }
        }
        #expect(consumed == 11)
        #expect(started.count <= 11 + 4)
    }

    @Test func anEmptyArrayConsumesNothing() {
        var consumed = 0
        [Int]().pipelined(window: 2) {
            $0
        } consume: { _ in
            consumed += 1
        }
        #expect(consumed == 0)
    }
}
