import Foundation

/// A word that occurs near the node word, with its association score.
public struct Collocate: Sendable, Hashable, Codable {
    /// The collocate, lowercased.
    public var word: String
    /// Co-occurrences within the window.
    public var observed: Int
    /// The collocate's frequency in scope.
    public var frequency: Int
    /// The expected co-occurrences under independence: f(node) · f(collocate) · window / N.
    public var expected: Double
    /// The score of the chosen measure.
    public var score: Double
}

/// Collocations of a node word within a window of words, inside utterances.
///
/// With O observed co-occurrences, node frequency f(n), collocate frequency f(c), N words in
/// scope and a window of S = L + R positions, E = f(n) · f(c) · S / N. Measures:
/// `mi` = log2(O / E); `t` = (O − E) / √O; `logdice` = 14 + log2(2 · O / (f(n) + f(c)));
/// `g2` = G² on the 2×2 table (O, f(c) − O | f(n) · S − O, N − f(n) · S − f(c) + O).
public enum Collocations {
    /// The association measures.
    public enum Measure: String, Sendable, CaseIterable {
        /// Mutual information.
        case mi
        /// The t-score.
        case t
        /// logDice.
        case logdice
        /// Log-likelihood G².
        case g2
    }

    /// Finds collocates of `node` (a word, `*` allowed).
    ///
    /// - Parameters:
    ///   - window: Words to the left and right.
    ///   - minimumObserved: The fewest co-occurrences.
    /// - Complexity: One pass over the talk in scope, O(*n* · (*L* + *R*)).
    ///   - skipStopWords: Whether stop words are left out as collocates (they still count in N).
    public static func find(
        node: String, in store: ProjectStore, scope: TextScope, window: (left: Int, right: Int) = (5, 5), measure: Measure = .logdice,
        minimumObserved: Int = 2, limit: Int = 25, skipStopWords: Bool = false
    ) throws -> [Collocate] {
        let pattern = scope.normalize(node)
        var frequency: [String: Int] = [:]
        var observed: [String: Int] = [:]
        var total = 0
        var nodeCount = 0
        try store.forEachUtterance(in: scope) { utterance in
            let forms = utterance.tokens.map(\.form)
            total += forms.count
            for form in forms { frequency[form, default: 0] += 1 }
            for (index, form) in forms.enumerated() where WordPattern.glob(pattern, matches: form) {
                nodeCount += 1
                let lower = max(0, index - window.left)
                let upper = min(forms.count - 1, index + window.right)
                for position in lower...upper where position != index { observed[forms[position], default: 0] += 1 }
            }
        }
        let span = Double(window.left + window.right)
        let n = Double(total)
        let fn = Double(nodeCount)
        var result: [Collocate] = []
        for (word, count) in observed where count >= minimumObserved && !WordPattern.glob(pattern, matches: word) {
            if skipStopWords && StopWords.contains(word) { continue }
            let fc = Double(frequency[word] ?? 0)
            let o = Double(count)
            let expected = n > 0 ? fn * fc * span / n : 0
            let score: Double
            switch measure {
            case .mi: score = expected > 0 ? log2(o / expected) : 0
            case .t: score = (o - expected) / o.squareRoot()
            case .logdice: score = 14 + log2(2 * o / (fn + fc))
            case .g2: score = KeynessStatistics.logLikelihood(a: o, b: fc - o, c: fn * span, d: n - fn * span)
            }
            result.append(Collocate(word: word, observed: count, frequency: Int(fc), expected: expected, score: score))
        }
        return Array(result.sorted { ($0.score, $1.word) > ($1.score, $0.word) }.prefix(limit))
    }
}
