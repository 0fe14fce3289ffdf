import Testing

@testable import CDAKit

/// Producing on the calling thread while another thread consumes, in order.
@Suite struct BatchHandoffTests {
    private struct Stop: Error {}

    @Test func theConsumerSeesEveryBatchInOrder() throws {
        let seen = try BatchHandoff.overlap(depth: 2) { send in
            for batch in 0..<500 { send(Array(batch * 10..<(batch + 1) * 10)) }
        } consume: { next in
            var all: [Int] = []
            while let batch = next() { all += batch }
            return all
        }
        #expect(seen == Array(0..<5000))
    }

    @Test func whatTheProducerThrowsComesBackAfterTheConsumerEnds() {
        #expect(throws: Stop.self) {
            _ = try BatchHandoff.overlap(depth: 1) { send in
                send([1])
                send([2])
                throw Stop()
            } consume: { next in
                var count = 0
                while let batch = next() { count += batch.count }
                return count
            }
        }
    }

    @Test func nothingProducedStillEnds() throws {
        let count = try BatchHandoff.overlap { (_: ([Int]) -> Void) in
        } consume: { next in
            var count = 0
            while next() != nil { count += 1 }
            return count
        }
        #expect(count == 0)
    }
}
