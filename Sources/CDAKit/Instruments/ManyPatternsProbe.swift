/// A public face of the multi-pattern matcher, for tests and benchmarks.
public struct ManyPatternsProbe: Sendable {
    private let automaton: AhoCorasick

    /// Builds the matcher for byte patterns.
    public init(_ patterns: [[UInt8]]) { automaton = AhoCorasick(patterns) }

    /// Calls `body(pattern, endIndex)` for every occurrence in `text`.
    public func forEachMatch(in text: [UInt8], _ body: (Int, Int) -> Void) { automaton.forEachMatch(in: text, body) }
}
