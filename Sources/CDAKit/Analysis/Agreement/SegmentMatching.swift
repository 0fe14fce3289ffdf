/// Agreement on coded segments, in the manner of MAXQDA's segment-level intercoder agreement.
///
/// Each coder's segments of a code (distinct fragments) are checked against each other coder who
/// coded the same document in the round: a segment *matches* when the other coder has a segment of
/// the same code whose overlap with it is at least the minimum share. The overlap share of two
/// segments *a* and *b* is |*a* ∩ *b*| / |*a* ∪ *b*|, both counted in code points of counted
/// utterances (moderators' talk is left out unless asked); two segments that share no code point
/// never match, even with a minimum of 0. Percent agreement is matched checks / all checks: with
/// coders A and B, (A's segments B matches + B's segments A matches) / (A's + B's segments).
/// A segment may match several, and several segments may match one; there is no pairing.
struct SegmentMatching {
    /// One coder's segment of a code, as the code points it covers in counted utterances.
    struct Segment: Sendable, Hashable {
        /// The coder's index in the scope.
        var coder: Int
        /// The coded fragment.
        var fragment: Fragment
        /// Per counted utterance the fragment touches, the offsets it covers there.
        var pieces: [CodedCorpus.UtteranceKey: Range<Int>]
        /// Code points covered, Σ of the pieces' lengths.
        var length: Int
    }

    /// The outcome for one code.
    struct CodeResult {
        /// Segments per coder index.
        var segments: [Int]
        /// Checks of a segment against another coder.
        var checked = 0
        /// Of those, the checks the other coder matched.
        var matched = 0
        /// Segments some other coder who coded the document did not match, with every coder's
        /// judgement (present: the segment's coder or a coder who matched it; absent: a coder who
        /// did not; `nil`: a coder who did not code the document).
        var unmatched: [(segment: Segment, judgements: [Int?])] = []
    }

    /// The minimum overlap share (0…1) for two segments to match.
    let minimumOverlap: Double

    /// The scope's segments per code: each coder's distinct fragments, reduced to counted utterances;
    /// fragments that cover no counted code point are left out.
    ///
    /// - Complexity: O(*s* · *l*) for *s* codings spanning at most *l* utterances each.
    static func segments(in scope: AgreementScope, corpus: CodedCorpus) -> [Int64: [Segment]] {
        let units = Set(scope.units)
        let index = scope.coderIndex
        struct Identity: Hashable {
            var code: Int64
            var coder: Int
            var fragment: Fragment
        }
        var seen: Set<Identity> = []
        var result: [Int64: [Segment]] = [:]
        for span in scope.spans.sorted(by: { $0.fragment < $1.fragment }) {
            guard let coder = index[span.coder], seen.insert(Identity(code: span.codeID, coder: coder, fragment: span.fragment)).inserted
            else { continue }
            var pieces: [CodedCorpus.UtteranceKey: Range<Int>] = [:]
            for position in span.fragment.startUtterance...span.fragment.endUtterance {
                let key = CodedCorpus.UtteranceKey(document: span.fragment.documentID, index: position)
                guard units.contains(key), let info = corpus.utterances[key],
                    let range = span.fragment.coveredRange(inUtterance: position, length: info.length)
                else { continue }
                pieces[key] = range
            }
            let length = pieces.values.reduce(0) { $0 + $1.count }
            if length > 0 {
                result[span.codeID, default: []].append(Segment(coder: coder, fragment: span.fragment, pieces: pieces, length: length))
            }
        }
        return result
    }

    /// The code points two segments share.
    ///
    /// - Complexity: O(min(*p*, *p*′)) in their numbers of pieces.
    static func shared(_ a: Segment, _ b: Segment) -> Int {
        guard a.fragment.documentID == b.fragment.documentID else { return 0 }
        let (small, large) = a.pieces.count <= b.pieces.count ? (a, b) : (b, a)
        var total = 0
        for (key, range) in small.pieces {
            if let other = large.pieces[key] {
                total += max(0, min(range.upperBound, other.upperBound) - max(range.lowerBound, other.lowerBound))
            }
        }
        return total
    }

    /// The overlap share |*a* ∩ *b*| / |*a* ∪ *b*| of two segments (0 when they share nothing).
    static func overlapShare(_ a: Segment, _ b: Segment) -> Double {
        let common = shared(a, b)
        return common == 0 ? 0 : Double(common) / Double(a.length + b.length - common)
    }

    /// Whether `b` matches `a`: they share a code point and the overlap share reaches the minimum.
    func matches(_ a: Segment, _ b: Segment) -> Bool {
        let common = Self.shared(a, b)
        return common > 0 && Double(common) / Double(a.length + b.length - common) >= minimumOverlap
    }

    /// Checks every segment of one code against the other coders.
    ///
    /// - Complexity: O(*s*² · *p*) for *s* segments of the code with *p* pieces each (per document).
    func match(_ segments: [Segment], scope: AgreementScope) -> CodeResult {
        var result = CodeResult(segments: Array(repeating: 0, count: scope.coders.count))
        let byDocument = Dictionary(grouping: segments, by: \.fragment.documentID)
        for segment in segments {
            result.segments[segment.coder] += 1
            let others = byDocument[segment.fragment.documentID] ?? []
            var judgements: [Int?] = Array(repeating: nil, count: scope.coders.count)
            judgements[segment.coder] = UtteranceJudgements.present
            var missed = false
            for (index, coder) in scope.coders.enumerated()
            where index != segment.coder && scope.judged(segment.fragment.documentID, by: coder) {
                result.checked += 1
                if others.contains(where: { $0.coder == index && matches(segment, $0) }) {
                    result.matched += 1
                    judgements[index] = UtteranceJudgements.present
                } else {
                    judgements[index] = UtteranceJudgements.absent
                    missed = true
                }
            }
            if missed { result.unmatched.append((segment, judgements)) }
        }
        return result
    }
}
