import CDAKit
import Testing

/// The utterances an edit leaves, before any coding is carried.
@Suite struct TranscriptEditTests {
    static let utterances = [
        Utterance(index: 1, speakerID: "M", start: 0, end: 10, section: "plenair", text: "Wat vindt u ervan?"),
        Utterance(index: 2, speakerID: "C1", start: 10, end: 24, section: "plenair", text: "Eén loket. Dat is genoeg 🙂"),
        Utterance(index: 3, speakerID: "C1", start: 24, section: "plenair", text: "Echt waar."),
    ]

    @Test func aSplitDividesTheTimeInProportionToTheCodePointsAndDropsTheSpaceAtTheCut() throws {
        // "Eén loket." is 10 code points of 26; the cut falls at 10 + 14 × 10/26 seconds.
        let split = try TranscriptEdit.split(utterance: 2, at: 10).applied(to: Self.utterances, document: "d")
        #expect(split.map(\.text) == ["Wat vindt u ervan?", "Eén loket.", "Dat is genoeg 🙂", "Echt waar."])
        #expect(split.map(\.index) == [1, 2, 3, 4])
        #expect(split[1].start == 10 && split[2].end == 24)
        #expect(abs((split[1].end ?? 0) - (10 + 14.0 * 10 / 26)) < 1e-9)
        #expect(split[2].start == split[1].end)
        #expect(split[2].speakerID == "C1" && split[2].section == "plenair")
    }

    @Test func aMergeJoinsWithOneSpaceAndRunsFromTheFirstStartToTheSecondEnd() throws {
        let merged = try TranscriptEdit.mergeWithNext(utterance: 2).applied(to: Self.utterances, document: "d")
        #expect(merged.map(\.text) == ["Wat vindt u ervan?", "Eén loket. Dat is genoeg 🙂 Echt waar."])
        #expect(merged[1].start == 10 && merged[1].end == nil)
        #expect(merged.map(\.index) == [1, 2])
    }

    @Test func textAndSpeakerAreTrimmedAndReplaceOnlyTheirUtterance() throws {
        let fixed = try TranscriptEdit.text(utterance: 3, to: "  Echt wel.\n").applied(to: Self.utterances, document: "d")
        #expect(fixed.map(\.text) == ["Wat vindt u ervan?", "Eén loket. Dat is genoeg 🙂", "Echt wel."])
        let given = try TranscriptEdit.speaker(utterance: 1, to: " C1 ").applied(to: Self.utterances, document: "d")
        #expect(given.map(\.speakerID) == ["C1", "C1", "C1"])
    }

    @Test func editsThatCannotBeMadeAreRefused() {
        #expect(throws: TranscriptEditError.differentSpeakers(utterance: 1, first: "M", second: "C1")) {
            try TranscriptEdit.mergeWithNext(utterance: 1).applied(to: Self.utterances, document: "d")
        }
        #expect(throws: TranscriptEditError.nothingToMerge(utterance: 3)) {
            try TranscriptEdit.mergeWithNext(utterance: 3).applied(to: Self.utterances, document: "d")
        }
        // Only spaces on one side of the cut.
        #expect(throws: TranscriptEditError.cutAtEnd(utterance: 3, offset: 4, length: 9)) {
            try TranscriptEdit.split(utterance: 3, at: 4).applied(
                to: [Utterance(index: 3, speakerID: "C1", text: "    Echt\u{20}")], document: "d")
        }
        #expect(throws: TranscriptEditError.noSuchUtterance(document: "d", utterance: 4, count: 3)) {
            try TranscriptEdit.text(utterance: 4, to: "x").applied(to: Self.utterances, document: "d")
        }
        #expect(throws: TranscriptEditError.controlCharacter(utterance: 1, scalar: 0x2028, position: 2)) {
            try TranscriptEdit.text(utterance: 1, to: "a\u{2028}b").applied(to: Self.utterances, document: "d")
        }
    }
}
