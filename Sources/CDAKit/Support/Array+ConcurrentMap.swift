extension Array where Element: Sendable {
    /// `transform` of each element, computed on all cores, in the elements' order.
    ///
    /// - Complexity: The elements' transforms divided among the cores.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        var results: [T] = []
        results.reserveCapacity(count)
        pipelined(window: count, transform) { results.append($0) }
        return results
    }
}
