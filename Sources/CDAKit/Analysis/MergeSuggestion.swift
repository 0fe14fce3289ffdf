import Foundation

/// A pair of codes that may mean the same, with the reasons.
public struct MergeSuggestion: Sendable, Hashable, Codable {
    /// The first code (alphabetically).
    public var first: String
    /// The second code.
    public var second: String
    /// A ranking score from 0 to 2: name similarity (0–1) plus fragment overlap weighted by its support (0–1).
    public var score: Double
    /// Why, in words.
    public var reasons: [String]
    /// Jaccard index of the utterances the two codes cover.
    public var fragmentOverlap: Double
}

/// Proposes code merges from similar names and overlapping fragments. It changes nothing.
public enum MergeSuggester {
    /// Ranks candidate pairs among active codes.
    ///
    /// Name reasons: equal apart from case, diacritics, quotes and spacing; equal after reducing
    /// Dutch and English plurals to singulars; equal apart from stop words; word order; small edit
    /// distance. Fragment reason: the Jaccard index *J* of the (document, utterance) pairs each code
    /// covers, weighted by its support *s* (shared utterances) as `J · s / (s + 1)`, so that two codes
    /// sharing one utterance do not outrank two codes sharing ten. A pair is listed when the names are
    /// similar, or when *J* ≥ 0.5 over at least two shared utterances.
    ///
    /// - Parameters:
    ///   - corpus: The coded corpus.
    ///   - limit: The most pairs to return.
    /// - Complexity: O(*k*²·*n*) for *k* active codes with names of length *n*, plus O(*c*) codings.
    public static func suggest(in corpus: CodedCorpus, limit: Int = 50) -> [MergeSuggestion] {
        let active = corpus.codes.values.filter { $0.status == .active }.sorted { $0.name < $1.name }
        var units: [Int64: Set<CodedCorpus.UtteranceKey>] = [:]
        for span in corpus.codings {
            for index in span.fragment.startUtterance...span.fragment.endUtterance {
                units[span.codeID, default: []].insert(.init(document: span.fragment.documentID, index: index))
            }
        }
        let keys = active.map { NameKey($0.name) }
        var result: [MergeSuggestion] = []
        for i in active.indices {
            for j in active.indices where j > i {
                var reasons: [String] = []
                var nameScore = 0.0
                let a = keys[i]
                let b = keys[j]
                if a.folded == b.folded {
                    reasons.append("same name apart from case, accents or spacing")
                    nameScore = 1
                } else if a.singular == b.singular {
                    reasons.append("same name apart from singular/plural")
                    nameScore = 0.9
                } else if !a.content.isEmpty, a.content == b.content {
                    reasons.append(
                        a.contentOrdered == b.contentOrdered ? "same words apart from function words" : "same words in another order")
                    nameScore = 0.85
                } else {
                    let distance = NameSuggester.editDistance(Array(a.folded), Array(b.folded))
                    let longest = max(a.folded.count, b.folded.count)
                    if longest >= 6, distance <= max(1, longest / 6) {
                        reasons.append("names differ by \(distance) letter(s)")
                        nameScore = 0.8 - 0.1 * Double(distance - 1)
                    }
                }
                let ua = units[active[i].id] ?? []
                let ub = units[active[j].id] ?? []
                let union = ua.union(ub).count
                let shared = ua.intersection(ub).count
                let jaccard = union == 0 ? 0 : Double(shared) / Double(union)
                if jaccard > 0 {
                    reasons.append(String(format: "%d shared coded utterance(s), Jaccard %.2f", shared, jaccard))
                }
                guard nameScore > 0 || (jaccard >= 0.5 && shared >= 2) else { continue }
                let overlapScore = jaccard * Double(shared) / Double(shared + 1)
                result.append(
                    MergeSuggestion(
                        first: active[i].name, second: active[j].name, score: nameScore + overlapScore,
                        reasons: reasons, fragmentOverlap: jaccard))
            }
        }
        return Array(result.sorted { ($0.score, $1.first, $1.second) > ($1.score, $0.first, $0.second) }.prefix(limit))
    }

    /// Normal forms of a code name for comparison.
    struct NameKey {
        var folded: String
        var singular: String
        var content: Set<String>
        var contentOrdered: [String]

        init(_ name: String) {
            let stripped = name.replacingOccurrences(of: "\"", with: "")
            let words = Tokenizer.words(in: stripped).map { $0.lowercased().folding(options: .diacriticInsensitive, locale: nil) }
            folded = words.joined(separator: " ")
            singular = words.map(NameKey.singular).joined(separator: " ")
            contentOrdered = words.filter { !StopWords.contains($0) }.map(NameKey.singular)
            content = Set(contentOrdered)
        }

        /// A crude singular for Dutch and English plurals (`waarden` → `waarde`, `policies` → `policy`).
        static func singular(_ word: String) -> String {
            guard word.count > 4 else { return word }
            for (suffix, replacement) in [
                ("ies", "y"), ("'s", ""), ("’s", ""), ("den", "de"), ("ten", "te"), ("en", ""), ("es", "e"), ("s", ""),
            ]
            where word.hasSuffix(suffix) {
                return String(word.dropLast(suffix.count)) + replacement
            }
            return word
        }
    }
}
