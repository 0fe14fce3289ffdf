/// Finds sensitising terms in talk: single words, phrases, or words ending in `*` (prefix match),
/// case-insensitively, over the project tokenizer's words.
public struct TermMatcher: Sendable {
    private struct Pattern: Sendable {
        var term: String
        var words: [String]
        var lastIsPrefix: Bool
    }

    private let patterns: [Pattern]

    /// Compiles terms such as `china`, `sociaal krediet*`, `digitale kluis`.
    public init(terms: [String]) {
        patterns = terms.compactMap { term in
            let words = Tokenizer.words(in: term).map { $0.lowercased() }
            let prefix = term.trimmingCharactersAtEnd(" ").hasSuffix("*")
            guard !words.isEmpty else { return nil }
            return Pattern(term: term, words: words, lastIsPrefix: prefix)
        }
    }

    /// The terms that occur in `words` (lowercased words of one utterance).
    ///
    /// - Complexity: O(*t* · *n*) for *t* terms and *n* words.
    public func terms(in words: [String]) -> Set<String> {
        var found: Set<String> = []
        for pattern in patterns where !found.contains(pattern.term) {
            let count = pattern.words.count
            guard words.count >= count else { continue }
            for start in 0...(words.count - count) {
                var matches = true
                for offset in 0..<count {
                    let word = words[start + offset]
                    let wanted = pattern.words[offset]
                    let isLast = offset == count - 1
                    if isLast && pattern.lastIsPrefix ? !word.hasPrefix(wanted) : word != wanted {
                        matches = false
                        break
                    }
                }
                if matches {
                    found.insert(pattern.term)
                    break
                }
            }
        }
        return found
    }
}

extension String {
    fileprivate func trimmingCharactersAtEnd(_ character: Character) -> Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == character { end = index(before: end) }
        return self[..<end]
    }
}
