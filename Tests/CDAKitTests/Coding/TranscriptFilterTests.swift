import Testing

@testable import CDAKit

/// The transcript's filters by speaker, group, code and coder, on a hand-made document:
/// utterances 1 M (g1), 2 A (g1), 3 B (g2), 4 A (g1), 5 B (g2); codings 10 x/ann on 2,
/// 11 y/bob on 3–4, 12 x/bob on 5.
@Suite struct TranscriptFilterTests {
    private let lines = [(1, "M", "g1"), (2, "A", "g1"), (3, "B", "g2"), (4, "A", "g1"), (5, "B", "g2")].map {
        TranscriptFilter.Line(index: $0.0, speaker: $0.1, group: $0.2)
    }

    private var codings: [DocumentCoding] {
        [(10, "x", "ann", 2, 2), (11, "y", "bob", 3, 4), (12, "x", "bob", 5, 5)].map { id, code, coder, start, end in
            DocumentCoding(
                id: Int64(id), code: code, codeID: code == "x" ? 1 : 2, status: .active, color: nil,
                fragment: Fragment(documentID: "d", startUtterance: start, endUtterance: end), round: 1, coder: coder, memo: nil,
                createdAt: "2026-01-01T00:00:00Z")
        }
    }

    private func shown(_ filter: TranscriptFilter) -> (utterances: [Int], codings: [Int64]) {
        let result = filter.apply(lines: lines, codings: codings)
        return (result.utterances, result.codings)
    }

    @Test func noConditionShowsEverythingAndListsTheChoices() {
        let result = TranscriptFilter().apply(lines: lines, codings: codings)
        #expect(TranscriptFilter().isEmpty)
        #expect(result.utterances == [1, 2, 3, 4, 5])
        #expect(result.codings == [10, 11, 12])
        #expect(result.totalUtterances == 5 && result.totalCodings == 3)
        #expect(result.speakers == ["A", "B", "M"])
        #expect(result.groups == ["g1", "g2"])
        #expect(result.codes == ["x", "y"])
        #expect(result.coders == ["ann", "bob"])
    }

    @Test func aSpeakerKeepsTheirUtterancesAndEveryCodingTouchingThem() {
        // Coding 11 runs over 3 (B) and 4 (A), so it stays with A's utterance 4.
        #expect(shown(TranscriptFilter(speaker: "A")) == ([2, 4], [10, 11]))
        #expect(shown(TranscriptFilter(speaker: "nobody")) == ([], []))
    }

    @Test func aCodeKeepsTheUtterancesItCoversAndOnlyItsCodings() {
        #expect(shown(TranscriptFilter(code: "x")) == ([2, 5], [10, 12]))
        #expect(shown(TranscriptFilter(code: "y")) == ([3, 4], [11]))
    }

    @Test func conditionsCombine() {
        #expect(shown(TranscriptFilter(code: "x", coder: "bob")) == ([5], [12]))
        #expect(shown(TranscriptFilter(group: "g2", code: "y")) == ([3], [11]))
        #expect(shown(TranscriptFilter(speaker: "B", coder: "ann")) == ([], []))
        #expect(shown(TranscriptFilter(group: "g1", coder: "bob")) == ([4], [11]))
    }
}
