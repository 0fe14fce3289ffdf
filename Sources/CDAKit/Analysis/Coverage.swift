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
        var ranges: [CodedCorpus.UtteranceKey: [Range<Int>]] = [:]
        var whole: Set<CodedCorpus.UtteranceKey> = []
        for fragment in fragments {
            for index in fragment.startUtterance...fragment.endUtterance {
                let key = CodedCorpus.UtteranceKey(document: fragment.documentID, index: index)
                guard !whole.contains(key), let info = corpus.utterances[key] else { continue }
                let inner = index > fragment.startUtterance && index < fragment.endUtterance
                let startsAtBeginning = index > fragment.startUtterance || (fragment.startOffset ?? 0) == 0
                let endsAtEnd = index < fragment.endUtterance || (fragment.endOffset ?? info.length) >= info.length
                if inner || (startsAtBeginning && endsAtEnd) {
                    whole.insert(key)
                    ranges[key] = nil
                } else if let range = fragment.coveredRange(inUtterance: index, length: info.length) {
                    ranges[key, default: []].append(range)
                }
            }
        }
        var result: [CodedCorpus.UtteranceKey: Int] = [:]
        for key in whole { result[key] = corpus.utterances[key]?.words ?? 0 }
        for (key, pieces) in ranges {
            guard let text = corpus.utterances[key]?.text else { continue }
            let merged = union(pieces)
            var count = 0
            var cursor = 0
            Tokenizer.forEachSpan(in: text) { span in
                while cursor < merged.count, merged[cursor].upperBound <= span.start { cursor += 1 }
                if cursor < merged.count, merged[cursor].lowerBound < span.end { count += 1 }
            }
            result[key] = count
        }
        return result
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
