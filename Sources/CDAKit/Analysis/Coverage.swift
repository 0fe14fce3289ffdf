/// Which words a set of fragments covers.
///
/// A word counts as covered when at least one of its Unicode scalars lies inside a fragment;
/// overlapping fragments count each word once.
public enum Coverage {
    /// The number of covered words in each utterance the fragments touch.
    ///
    /// - Parameters:
    ///   - fragments: The fragments, overlapping or not.
    ///   - corpus: The coded corpus, with texts for utterances that partial fragments touch.
    /// - Complexity: O(*f* + *w*) for *f* fragment pieces and *w* words in partially covered utterances.
    public static func coveredWords(by fragments: some Sequence<Fragment>, in corpus: CodedCorpus) -> [CodedCorpus.UtteranceKey: Int] {
        let utterances = corpus.utterances
        var located: [(document: Int, fragment: Fragment)] = []
        for fragment in fragments {
            if let document = utterances.document(fragment.documentID) { located.append((document, fragment)) }
        }
        var result: [CodedCorpus.UtteranceKey: Int] = [:]
        forEachCoveredSlot(by: located, in: utterances) { slot, words in result[utterances.keys[slot]] = words }
        return result
    }

    /// Calls `body` once for each loaded utterance the fragments touch, with its slot and its
    /// number of covered words.
    ///
    /// - Parameters:
    ///   - fragments: The fragments with their documents' ordinals in `utterances`, overlapping or not.
    ///   - utterances: The corpus's utterances, with texts for those that partial fragments touch.
    ///   - body: Called with an utterance's slot in `utterances` and its covered words.
    /// - Complexity: O(*f* + *u* + *w*) for *f* fragment pieces, *u* loaded utterances and *w* words
    ///   in partially covered utterances.
    static func forEachCoveredSlot(
        by fragments: some Sequence<(document: Int, fragment: Fragment)>, in utterances: CodedCorpus.Utterances,
        _ body: (_ slot: Int, _ words: Int) -> Void
    ) {
        var isWhole = [Bool](repeating: false, count: utterances.count)
        var whole: [Int] = []
        var ranges: [Int: [Range<Int>]] = [:]
        for (document, fragment) in fragments {
            for index in fragment.startUtterance...fragment.endUtterance {
                guard let slot = utterances.slot(document: document, index: index), !isWhole[slot] else { continue }
                let length = utterances.infos[slot].length
                let inner = index > fragment.startUtterance && index < fragment.endUtterance
                let startsAtBeginning = index > fragment.startUtterance || (fragment.startOffset ?? 0) == 0
                let endsAtEnd = index < fragment.endUtterance || (fragment.endOffset ?? length) >= length
                if inner || (startsAtBeginning && endsAtEnd) {
                    isWhole[slot] = true
                    whole.append(slot)
                    if !ranges.isEmpty { ranges[slot] = nil }
                } else if let range = fragment.coveredRange(inUtterance: index, length: length) {
                    ranges[slot, default: []].append(range)
                }
            }
        }
        for slot in whole { body(slot, utterances.infos[slot].words) }
        for (slot, pieces) in ranges {
            guard let text = utterances.infos[slot].text else { continue }
            let merged = union(pieces)
            var count = 0
            var cursor = 0
            Tokenizer.forEachSpan(in: text) { span in
                while cursor < merged.count, merged[cursor].upperBound <= span.start { cursor += 1 }
                if cursor < merged.count, merged[cursor].lowerBound < span.end { count += 1 }
            }
            body(slot, count)
        }
    }

    /// Sorted, non-overlapping ranges covering the same offsets.
    static func union(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}
