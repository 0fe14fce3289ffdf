extension Code {
    /// The code that holds this code's codings now: this code when it is not merged, else the end
    /// of its chain of merges.
    ///
    /// Every place that resolves a merged code (counting, lineage, checks, exports) walks the chain
    /// here, so they cannot disagree. In a damaged project the walk stops at a code met twice or at
    /// a merge target `code(id)` does not find, and returns the last code reached, which is then
    /// still `.merged` (`cda check` reports both).
    ///
    /// - Parameter code: Looks a code up by id (in memory or in the store).
    /// - Complexity: O(*m*) lookups for a chain of *m* merges.
    public func followingMerges(_ code: (Int64) throws -> Code?) rethrows -> Code {
        var current = self
        var seen: Set<Int64> = []
        while current.status == .merged, let next = try current.mergedIntoID.flatMap(code), seen.insert(current.id).inserted {
            current = next
        }
        return current
    }
}
