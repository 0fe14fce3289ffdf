import Foundation

/// A word or expression distinctive of participants' talk: a candidate for an in-vivo code.
public struct InVivoSuggestion: Sendable, Hashable, Codable {
    /// The expression, lowercased.
    public var expression: String
    /// The group whose talk it is distinctive of, if groups are compared.
    public var group: String?
    /// Occurrences in that talk.
    public var frequency: Int
    /// Occurrences in the reference talk.
    public var referenceFrequency: Int
    /// Distinct participants who used it.
    public var speakers: Int
    /// Log-likelihood G² against the reference.
    public var logLikelihood: Double
    /// Up to three places it occurs, as `document:utterance`.
    public var examples: [String]
}

/// Finds words and multi-word expressions (up to three words) that are distinctive for
/// participants' talk, by log-likelihood against the rest of the corpus. It changes nothing.
///
/// With two or more groups, each group's participants are compared with the other groups'
/// participants (or, with a group named, that group against all other participants); moderators,
/// who often echo participants' words, count on neither side. With a single group, participants
/// are compared with the moderators' talk.
public struct InVivoSuggester {
    private struct Counts {
        var target: [String: Int] = [:]
        var reference: [String: Int] = [:]
        var speakers: [String: Set<String>] = [:]
        var examples: [String: [String]] = [:]
        var targetTokens = 0
        var referenceTokens = 0
    }

    private var counts: [String?: Counts] = [:]
    private let groupFilter: String?
    private let compareGroups: Bool

    /// Prepares a suggester.
    ///
    /// - Parameters:
    ///   - group: Only this group's participants are the target; everything else is the reference.
    ///   - groups: All groups in the corpus; with two or more (and no `group`), each group is compared with the rest.
    public init(group: String?, groups: [String]) {
        groupFilter = group
        compareGroups = group == nil && groups.count >= 2
        if let group {
            counts[group] = Counts()
        } else if compareGroups {
            for name in groups { counts[name] = Counts() }
        } else {
            counts[nil] = Counts()
        }
    }

    /// Adds one utterance.
    public mutating func add(_ utterance: UtteranceRecord) {
        let words = Tokenizer.words(in: utterance.text).map { $0.lowercased() }
        let grams = Self.candidates(words)
        for key in Array(counts.keys) {
            if key != nil && utterance.isModerator { continue }
            let isTarget = key.map { utterance.group == $0 } ?? !utterance.isModerator
            if isTarget {
                counts[key]!.targetTokens += words.count
                for gram in grams {
                    counts[key]!.target[gram, default: 0] += 1
                    if let speaker = utterance.speaker { counts[key]!.speakers[gram, default: []].insert(speaker) }
                    let place = "\(utterance.document):\(utterance.index)"
                    let examples = counts[key]!.examples[gram, default: []]
                    if examples.count < 3, examples.last != place { counts[key]!.examples[gram, default: []].append(place) }
                }
            } else {
                counts[key]!.referenceTokens += words.count
                for gram in grams { counts[key]!.reference[gram, default: 0] += 1 }
            }
        }
    }

    /// The ranked suggestions.
    ///
    /// - Parameters:
    ///   - limit: The most suggestions to return.
    ///   - minimumFrequency: The fewest occurrences in the target talk.
    /// A word or shorter expression that occurs exactly as often as a longer expression containing it
    /// is left out: the longer expression says more (`digitale kluis` rather than `kluis`).
    public func suggestions(limit: Int, minimumFrequency: Int = 2) -> [InVivoSuggestion] {
        var result: [InVivoSuggestion] = []
        for (group, count) in counts {
            let c = Double(count.targetTokens)
            let d = Double(count.referenceTokens)
            var subsumed: Set<String> = []
            for (gram, frequency) in count.target where frequency >= minimumFrequency && gram.contains(" ") {
                let words = gram.split(separator: " ")
                for length in 1..<words.count {
                    for start in 0...(words.count - length) {
                        let part = words[start..<(start + length)].joined(separator: " ")
                        if count.target[part] == frequency { subsumed.insert(part) }
                    }
                }
            }
            for (gram, frequency) in count.target where frequency >= minimumFrequency && !subsumed.contains(gram) {
                let reference = count.reference[gram] ?? 0
                guard d == 0 || Double(frequency) / c > Double(reference) / d else { continue }
                let g2 =
                    d == 0 ? Double(frequency) : KeynessStatistics.logLikelihood(a: Double(frequency), b: Double(reference), c: c, d: d)
                result.append(
                    InVivoSuggestion(
                        expression: gram, group: group, frequency: frequency, referenceFrequency: reference,
                        speakers: count.speakers[gram]?.count ?? 0, logLikelihood: g2, examples: count.examples[gram] ?? []))
            }
        }
        return Array(
            result.sorted {
                ($0.logLikelihood, $0.speakers, $1.expression) > ($1.logLikelihood, $1.speakers, $0.expression)
            }.prefix(limit))
    }

    /// Content words (not stop words, at least 4 letters) and two- and three-word expressions
    /// that neither start nor end with a stop word.
    static func candidates(_ words: [String]) -> [String] {
        var result: [String] = []
        for (index, word) in words.enumerated() {
            let content = !StopWords.contains(word) && word.count >= 4 && !word.allSatisfy(\.isNumber)
            if content { result.append(word) }
            guard !StopWords.contains(word) else { continue }
            for length in 2...3 where index + length <= words.count {
                let last = words[index + length - 1]
                if !StopWords.contains(last) { result.append(words[index..<(index + length)].joined(separator: " ")) }
            }
        }
        return result
    }
}
