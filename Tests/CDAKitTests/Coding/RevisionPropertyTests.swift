import CDATestSupport
import Testing

@testable import CDAKit

/// Random edit scripts on random transcripts: every coding whose words all survive covers exactly
/// those words afterwards (with anything inserted between them), and every coding none of whose
/// words survive is a conflict.
@Suite struct RevisionPropertyTests {
    /// A random coding of the original script: words `first` to `last` (original ids), or a whole utterance.
    struct PlannedCoding {
        var fragment: Fragment
        var words: [Int]
        var whole: Bool
    }

    static func codings(of script: RevisionScript, using random: inout some RandomNumberGenerator) -> [PlannedCoding] {
        let utterances = script.utterances
        var result: [PlannedCoding] = []
        for (t, turn) in script.turns.enumerated() {
            let ids = turn.words.map(\.id).filter { $0 >= 0 }
            guard !ids.isEmpty else { continue }
            result.append(PlannedCoding(fragment: Fragment(documentID: "r", startUtterance: t + 1), words: ids, whole: true))
            let i = Int.random(in: 0..<ids.count, using: &random)
            var j = Int.random(in: i..<ids.count, using: &random)
            var endTurn = t
            var words = Array(ids[i...j])
            // Sometimes run on into the next turn.
            if t + 1 < script.turns.count, Int.random(in: 0..<3, using: &random) == 0 {
                let next = script.turns[t + 1].words.map(\.id).filter { $0 >= 0 }
                j = Int.random(in: 0..<next.count, using: &random)
                words = Array(ids[i...]) + Array(next[...j])
                endTurn = t + 1
            }
            let start = script.place(of: words.first!)!.range.lowerBound
            let end = script.place(of: words.last!)!.range.upperBound
            var fragment = Fragment(documentID: "r", startUtterance: t + 1, startOffset: start, endUtterance: endTurn + 1, endOffset: end)
            if start == 0, end == utterances[endTurn].length {
                fragment.startOffset = nil
                fragment.endOffset = nil
            }
            result.append(PlannedCoding(fragment: fragment, words: words, whole: fragment.isWholeUtterances))
        }
        return result
    }

    /// Where a coding must be when all its words survive.
    static func expected(_ coding: PlannedCoding, in script: RevisionScript) -> Fragment {
        let first = script.place(of: coding.words.first!)!
        let last = script.place(of: coding.words.last!)!
        if coding.whole { return Fragment(documentID: "r", startUtterance: first.turn + 1, endUtterance: last.turn + 1) }
        let whole = first.range.lowerBound == 0 && last.range.upperBound == script.utterances[last.turn].length
        return Fragment(
            documentID: "r", startUtterance: first.turn + 1, startOffset: whole ? nil : first.range.lowerBound,
            endUtterance: last.turn + 1, endOffset: whole ? nil : last.range.upperBound)
    }

    @Test(arguments: 0..<40) func survivingWordsKeepTheirCodings(seed: UInt64) {
        var random = SeededGenerator(seed: 0x5EED_0000 + seed)
        let original = RevisionScript(using: &random)
        let codings = Self.codings(of: original, using: &random)
        var revised = original
        for _ in 0..<Int.random(in: 1...6, using: &random) { revised.edit(using: &random) }
        let alignment = TranscriptAlignment(old: original.utterances, new: revised.utterances)
        for coding in codings {
            let mapping = alignment.map(coding.fragment)
            let surviving = coding.words.filter { revised.place(of: $0) != nil }
            if surviving.count == coding.words.count {
                let want = Self.expected(coding, in: revised)
                let got: Fragment? =
                    switch mapping {
                    case .unchanged: coding.fragment
                    case .moved(let fragment): fragment
                    case .conflict: nil
                    }
                #expect(got == want, "seed \(seed): \(coding.fragment) → \(String(describing: got)), want \(want)")
            } else if surviving.isEmpty {
                #expect(mapping.isConflict, "seed \(seed): \(coding.fragment) lost all its words but is \(mapping)")
            } else if case .moved(let fragment) = mapping {
                let lengths = revised.utterances.map(\.length)
                #expect(fragment.endUtterance <= lengths.count && fragment.startUtterance <= fragment.endUtterance)
                #expect((fragment.endOffset ?? 0) <= lengths[fragment.endUtterance - 1])
            }
        }
    }
}

extension FragmentMapping {
    var isConflict: Bool {
        if case .conflict = self { return true }
        return false
    }
}
