/// Finds the code that holds a coding after consolidation: its own code, or the code it was merged
/// into, following merges to the end; each code is followed once, however many codings it has.
struct MergeResolver: Sendable {
    private let codes: [Int64: Code]
    private var resolved: [Int64: Int64] = [:]
    private var last: (id: Int64, end: Int64)?

    /// Resolves against every code of a project by id.
    init(codes: [Int64: Code]) { self.codes = codes }

    /// The code that holds codings of `id` now (`id` itself when it is not merged or unknown).
    mutating func resolve(_ id: Int64) -> Int64 {
        if let last, last.id == id { return last.end }
        let end = resolved[id] ?? codes[id]?.followingMerges { codes[$0] }.id ?? id
        resolved[id] = end
        last = (id, end)
        return end
    }
}
