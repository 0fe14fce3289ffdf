/// A search pattern for concordances: one or more words, each may hold `*` (any letters) and
/// `?` (one letter). Matching is on the project tokenizer's words, so punctuation between words
/// does not matter.
public struct WordPattern: Sendable, Hashable {
    /// The words of the pattern, normalised like the text.
    public var words: [String]

    /// Parses a pattern such as `digitalis*`, `digitale kluis` or `wij`.
    ///
    /// - Returns: `nil` when the pattern has no word.
    public init?(_ text: String, scope: TextScope) {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { scope.normalize($0) }
        guard !parts.isEmpty else { return nil }
        words = parts
    }

    /// Whether the words starting at `start` in `tokens` match; the number of words matched.
    func match(_ tokens: [ScopedToken], at start: Int) -> Bool {
        guard start + words.count <= tokens.count else { return false }
        for (offset, word) in words.enumerated() where !Self.glob(word, matches: tokens[start + offset].form) { return false }
        return true
    }

    /// Glob matching with `*` and `?` over characters.
    static func glob(_ pattern: String, matches word: String) -> Bool {
        if !pattern.contains("*") && !pattern.contains("?") { return pattern == word }
        let p = Array(pattern)
        let w = Array(word)
        var pi = 0
        var wi = 0
        var star = -1
        var mark = 0
        while wi < w.count {
            if pi < p.count, p[pi] == "?" || p[pi] == w[wi] {
                pi += 1
                wi += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi
                mark = wi
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                wi = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
