/// A word (or n-gram) that one side uses relatively more than the other.
public struct KeywordEntry: Sendable, Hashable, Codable {
    /// The word or n-gram, lowercased.
    public var item: String
    /// Occurrences in the target.
    public var frequency: Int
    /// Occurrences in the reference.
    public var referenceFrequency: Int
    /// Dunning's log-likelihood G² (full 2×2 table).
    public var logLikelihood: Double
    /// Hardie's Log Ratio (target against reference).
    public var logRatio: Double
    /// %DIFF; `nil` when the reference frequency is 0.
    public var percentDifference: Double?
}

/// Keyness of one group against another (or the rest).
public struct KeynessResult: Sendable, Hashable, Codable {
    /// The target group.
    public var target: String
    /// The reference: a group, or `rest`.
    public var reference: String
    /// Tokens (words or n-grams) in the target.
    public var targetTokens: Int
    /// Tokens in the reference.
    public var referenceTokens: Int
    /// Items relatively more frequent in the target, by G².
    public var targetKeywords: [KeywordEntry]
    /// Items relatively more frequent in the reference, by G².
    public var referenceKeywords: [KeywordEntry]
}

/// Compares word frequencies of two groups.
public enum Keyness {
    /// Computes keywords of `target` against `reference` (another group) or against all other talk.
    ///
    /// - Parameters:
    ///   - target: The target group.
    ///   - reference: The reference group; `nil` compares with all other talk in scope.
    ///   - scope: The attribute groups are compared by, and other filters (document, theme,
    ///     moderators, folding); its `group` is ignored.
    ///   - ngrams: 1 for words, 2 for bigrams (words adjacent within an utterance).
    ///   - minimumFrequency: The fewest occurrences over both sides.
    ///   - limit: The most items each way.
    /// - Complexity: One pass over the talk in scope plus O(*v* log *v*) for *v* distinct items.
    ///   - skipStopWords: Whether items made only of stop words are left out.
    /// - Throws: `AnalysisError.unknownGroup` (listing the groups there are) for a target or
    ///   reference that is not a value of `scope.by`.
    public static func compare(
        target: String, reference: String?, in store: ProjectStore, scope: TextScope, ngrams: Int = 1, minimumFrequency: Int = 3,
        limit: Int = 25, skipStopWords: Bool = false
    ) throws -> KeynessResult {
        try store.checkGroups([target] + (reference.map { [$0] } ?? []), by: scope.by)
        var scope = scope
        scope.group = nil
        // Counts per item id: a compared word id, or for n-grams an id given to each distinct run of ids.
        var a: [Int] = []
        var b: [Int] = []
        var c = 0
        var d = 0
        var forms: [String] = []
        var grams = NGramIDs(length: max(1, ngrams))
        try store.forEachUtterance(in: scope, readText: false) { words in
            forms = words.forms
            if ngrams <= 1 {
                a = Array(repeating: 0, count: words.count)
                b = a
            }
        } _: { utterance in
            let isTarget = utterance.record.group == target
            guard isTarget || (reference.map { utterance.record.group == $0 } ?? true) else { return }
            let tokens = utterance.tokens
            if ngrams <= 1 {
                if isTarget {
                    c += tokens.count
                    for token in tokens { a[Int(token.word)] += 1 }
                } else {
                    d += tokens.count
                    for token in tokens { b[Int(token.word)] += 1 }
                }
                return
            }
            guard tokens.count >= ngrams else { return }
            for start in 0...(tokens.count - ngrams) {
                let item = grams.id(of: tokens[start..<(start + ngrams)].map(\.word))
                if item >= a.count {
                    a.append(0)
                    b.append(0)
                }
                if isTarget { a[item] += 1 } else { b[item] += 1 }
            }
            if isTarget { c += tokens.count - ngrams + 1 } else { d += tokens.count - ngrams + 1 }
        }
        var entries: [KeywordEntry] = []
        for id in a.indices {
            let fa = a[id]
            let fb = b[id]
            guard fa + fb >= max(1, minimumFrequency) else { continue }
            let item = ngrams <= 1 ? forms[id] : grams.words(of: id).map { forms[Int($0)] }.joined(separator: " ")
            if skipStopWords, item.split(separator: " ").allSatisfy({ StopWords.contains(String($0)) }) { continue }
            let (x, y, tc, td) = (Double(fa), Double(fb), Double(c), Double(d))
            entries.append(
                KeywordEntry(
                    item: item, frequency: fa, referenceFrequency: fb,
                    logLikelihood: KeynessStatistics.logLikelihood(a: x, b: y, c: tc, d: td),
                    logRatio: KeynessStatistics.logRatio(a: x, b: y, c: tc, d: td),
                    percentDifference: KeynessStatistics.percentDifference(a: x, b: y, c: tc, d: td)))
        }
        let byStrength = { (l: KeywordEntry, r: KeywordEntry) in (l.logLikelihood, r.item) > (r.logLikelihood, l.item) }
        let targetSide = entries.filter {
            c > 0 && (d == 0 || Double($0.frequency) / Double(c) > Double($0.referenceFrequency) / Double(d))
        }
        let referenceSide = entries.filter {
            d > 0 && (c == 0 || Double($0.frequency) / Double(c) < Double($0.referenceFrequency) / Double(d))
        }
        return KeynessResult(
            target: target, reference: reference ?? "rest", targetTokens: c, referenceTokens: d,
            targetKeywords: Array(targetSide.sorted(by: byStrength).prefix(limit)),
            referenceKeywords: Array(referenceSide.sorted(by: byStrength).prefix(limit)))
    }
}

/// Dense ids for runs of word ids (n-grams), in order of first sight.
struct NGramIDs {
    let length: Int
    private var ids: [[Int32]: Int] = [:]
    private var runs: [[Int32]] = []

    init(length: Int) { self.length = length }

    /// The id of a run, new ones numbered on.
    mutating func id(of run: [Int32]) -> Int {
        if let known = ids[run] { return known }
        ids[run] = runs.count
        runs.append(run)
        return runs.count - 1
    }

    /// The word ids of a run.
    func words(of id: Int) -> [Int32] { runs[id] }
}
