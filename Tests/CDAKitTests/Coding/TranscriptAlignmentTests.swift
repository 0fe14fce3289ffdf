import CDATestSupport
import Testing

@testable import CDAKit

@Suite struct TranscriptAlignmentTests {
    /// Utterances numbered from 1, from `(speaker, text)` pairs.
    static func utterances(_ turns: [(String, String)]) -> [Utterance] {
        turns.enumerated().map { Utterance(index: $0.offset + 1, speakerID: $0.element.0, text: $0.element.1) }
    }

    static func span(_ u: Int, _ start: Int, _ end: Int, to endUtterance: Int? = nil) -> Fragment {
        Fragment(documentID: "d", startUtterance: u, startOffset: start, endUtterance: endUtterance ?? u, endOffset: end)
    }

    static func map(_ fragment: Fragment, from old: [(String, String)], to new: [(String, String)]) -> (FragmentMapping, String) {
        let alignment = TranscriptAlignment(old: utterances(old), new: utterances(new))
        let mapping = alignment.map(fragment)
        if case .moved(let moved) = mapping { return (mapping, alignment.newText(of: moved)) }
        return (mapping, "")
    }

    static let sentence = [("A", "ik deel mijn gegevens niet")]
    /// "mijn gegevens": scalars 8..<21.
    static let coded = span(1, 8, 21)

    @Test func insertionBeforeASpanShiftsIt() {
        let (mapping, text) = Self.map(Self.coded, from: Self.sentence, to: [("A", "ik deel echt mijn gegevens niet")])
        #expect(mapping == .moved(Self.span(1, 13, 26)))
        #expect(text == "mijn gegevens")
    }

    @Test func insertionInsideASpanWidensIt() {
        let (mapping, text) = Self.map(Self.coded, from: Self.sentence, to: [("A", "ik deel mijn eigen gegevens niet")])
        #expect(mapping == .moved(Self.span(1, 8, 27)))
        #expect(text == "mijn eigen gegevens")
    }

    @Test func insertionAfterASpanLeavesIt() {
        let (mapping, _) = Self.map(Self.coded, from: Self.sentence, to: [("A", "ik deel mijn gegevens liever niet")])
        #expect(mapping == .unchanged)
    }

    @Test func deletingTheWholeSpanIsAConflictOnItsUtterance() {
        let (mapping, _) = Self.map(Self.coded, from: Self.sentence, to: [("A", "ik deel niet")])
        #expect(mapping == .conflict(candidate: 1))
    }

    @Test func deletingPartOfASpanKeepsTheRest() {
        let (mapping, text) = Self.map(Self.coded, from: Self.sentence, to: [("A", "ik deel gegevens niet")])
        #expect(mapping == .moved(Self.span(1, 8, 16)))
        #expect(text == "gegevens")
    }

    @Test func rewritingASpanIsAConflict() {
        let (mapping, _) = Self.map(Self.coded, from: Self.sentence, to: [("A", "ik deel uw data niet")])
        #expect(mapping == .conflict(candidate: 1))
    }

    @Test func aTypoFixInsideACodedWordKeepsTheWholeWord() {
        // "privcy" is 3..<9; corrected, "privacy" is 3..<10.
        let (mapping, text) = Self.map(Self.span(1, 3, 9), from: [("A", "de privcy is weg")], to: [("A", "de privacy is weg")])
        #expect(mapping == .moved(Self.span(1, 3, 10)))
        #expect(text == "privacy")
        // A letter added in front of the word is taken in too.
        let (front, frontText) = Self.map(Self.span(1, 3, 9), from: [("A", "de rivacy is weg")], to: [("A", "de privacy is weg")])
        #expect(front == .moved(Self.span(1, 3, 10)))
        #expect(frontText == "privacy")
    }

    @Test func aSplitThroughACodingSpansBothParts() {
        let old = [("A", "ik vind dat de overheid snel moet reageren")]
        let new = [("A", "ik vind dat de overheid"), ("A", "snel moet reageren")]
        // "de overheid snel" is 12..<28; after the split it runs from 1:12 to 2:4.
        let (mapping, text) = Self.map(Self.span(1, 12, 28), from: old, to: new)
        #expect(mapping == .moved(Self.span(1, 12, 4, to: 2)))
        #expect(text == "de overheid\nsnel")
        // A whole-utterance coding covers every part.
        let (whole, _) = Self.map(Fragment(documentID: "d", startUtterance: 1), from: old, to: new)
        #expect(whole == .moved(Fragment(documentID: "d", startUtterance: 1, endUtterance: 2)))
        let alignment = TranscriptAlignment(old: Self.utterances(old), new: Self.utterances(new))
        #expect(alignment.pairings == [UtterancePairing(old: [1], new: [1, 2], change: .split, details: [])])
    }

    @Test func aMergedPairCarriesBothUtterancesCodings() {
        let old = [("M", "Wat vindt u?"), ("A", "ja"), ("A", "dat klopt")]
        let new = [("M", "Wat vindt u?"), ("A", "ja, dat klopt")]
        let (whole, _) = Self.map(Fragment(documentID: "d", startUtterance: 3), from: old, to: new)
        #expect(whole == .moved(Fragment(documentID: "d", startUtterance: 2)))
        // "klopt" is 3:4..<9, then 2:8..<13.
        let (span, text) = Self.map(Self.span(3, 4, 9), from: old, to: new)
        #expect(span == .moved(Self.span(2, 8, 13)))
        #expect(text == "klopt")
        let alignment = TranscriptAlignment(old: Self.utterances(old), new: Self.utterances(new))
        #expect(
            alignment.pairings == [
                UtterancePairing(old: [1], new: [1], change: .unchanged, details: []),
                UtterancePairing(old: [2, 3], new: [2], change: .merged, details: []),
            ])
    }

    @Test func aSpeakerChangeKeepsCodingsAndIsReported() {
        let old = [("A", "ik weet het niet"), ("B", "ik wel")]
        let new = [("C", "ik weet het niet"), ("B", "ik wel")]
        let (mapping, _) = Self.map(Self.span(1, 3, 7), from: old, to: new)
        #expect(mapping == .unchanged)
        let alignment = TranscriptAlignment(old: Self.utterances(old), new: Self.utterances(new))
        #expect(alignment.pairings.first == UtterancePairing(old: [1], new: [1], change: .changed, details: ["speaker"]))
    }

    @Test func diacriticsAndEmojiCountAsScalars() {
        // "Naïef 😀 één keer": "één" is 8..<11 (😀 is one scalar); after the edit 👍🏽 is two.
        let old = [("A", "Naïef 😀 één keer")]
        let new = [("A", "Heel naïef 👍🏽 één keer")]
        let (mapping, text) = Self.map(Self.span(1, 8, 11), from: old, to: new)
        #expect(mapping == .moved(Self.span(1, 14, 17)))
        #expect(text == "één")
        // "Naïef" corrected to "Naïeve" keeps the whole word.
        let (word, wordText) = Self.map(Self.span(1, 0, 5), from: old, to: [("A", "Naïeve 😀 één keer")])
        #expect(word == .moved(Self.span(1, 0, 6)))
        #expect(wordText == "Naïeve")
        // Decomposed diacritics are scalars of their own: "e\u{301}e\u{301}n" is 5 scalars.
        let decomposed = [("A", "zo e\u{301}e\u{301}n keer")]
        let (marks, marksText) = Self.map(Self.span(1, 3, 8), from: decomposed, to: [("A", "nou zo e\u{301}e\u{301}n keer")])
        #expect(marks == .moved(Self.span(1, 7, 12)))
        #expect(marksText == "e\u{301}e\u{301}n")
    }

    @Test func aDeletedUtteranceIsAConflictPlacedAfterItsNeighbour() {
        let old = [("A", "eerste zin"), ("B", "mijn gegevens zijn van mij"), ("A", "derde zin")]
        let new = [("A", "eerste zin"), ("A", "derde zin")]
        let (mapping, _) = Self.map(Fragment(documentID: "d", startUtterance: 2), from: old, to: new)
        #expect(mapping == .conflict(candidate: 2))
        let alignment = TranscriptAlignment(old: Self.utterances(old), new: Self.utterances(new))
        #expect(alignment.pairings.map(\.change) == [.unchanged, .deleted, .unchanged])
    }

    @Test func aCodingAcrossUtterancesFollowsBothEnds() {
        let old = [("A", "dat is waar"), ("B", "maar niet altijd")]
        let new = [("A", "nou, dat is echt waar"), ("B", "maar zeker niet altijd")]
        // "waar" … "maar": 1:7 to 2:4, then 1:17 to 2:4.
        let (mapping, text) = Self.map(Self.span(1, 7, 4, to: 2), from: old, to: new)
        #expect(mapping == .moved(Self.span(1, 17, 4, to: 2)))
        #expect(text == "waar\nmaar")
    }

    @Test func myersFindsALongestCommonSubsequence() {
        let a = Array("abcabba")
        let b = Array("cbabac")
        let matches = MyersDiff.matches(a, b)
        #expect(matches.count == 4)
        for (pair, next) in zip(matches, matches.dropFirst()) { #expect(next.0 > pair.0 && next.1 > pair.1) }
        for (i, j) in matches { #expect(a[i] == b[j]) }
    }
}
