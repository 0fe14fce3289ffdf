import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `transform` of each element, computed on all cores, in the elements' order.
    ///
    /// - Complexity: The elements' transforms divided among the cores.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let results = ConcurrentResults<T>(count: count)
        withoutActuallyEscaping(transform) { transform in
            let elements = self
            let work: @Sendable (Int) -> Void = { index in results.set(index, transform(elements[index])) }
            DispatchQueue.concurrentPerform(iterations: elements.count, execute: work)
        }
        return results.values()
    }
}

/// Slots filled from several threads, each slot by one of them.
private final class ConcurrentResults<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() -> [T] { slots.map { $0! } }
}
