/// The compared forms sorted by their UTF-8 bytes, to find all words with a given beginning fast.
public struct WordPrefixTable: Sendable {
    private let sorted: [(bytes: [UInt8], id: Int32)]
    private let exact: [[UInt8]: Int32]

    /// Sorts the words of `words`.
    ///
    /// - Complexity: O(*v* log *v*).
    public init(_ words: ScopeWords) {
        let entries = words.forms.enumerated().map { (bytes: Array($0.element.utf8), id: Int32($0.offset)) }
        sorted = entries.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        exact = Dictionary(entries.map { ($0.bytes, $0.id) }, uniquingKeysWith: { first, _ in first })
    }

    /// The compared ids whose form is `form`, or begins with it when `prefix`.
    ///
    /// - Complexity: O(log *v* + *k*) for *k* ids found.
    public func ids(of form: String, prefix: Bool) -> [Int32] {
        let wanted = Array(form.utf8)
        guard prefix else { return exact[wanted].map { [$0] } ?? [] }
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].bytes.lexicographicallyPrecedes(wanted) { low = middle + 1 } else { high = middle }
        }
        var found: [Int32] = []
        while low < sorted.count, sorted[low].bytes.starts(with: wanted) {
            found.append(sorted[low].id)
            low += 1
        }
        return found
    }
}
