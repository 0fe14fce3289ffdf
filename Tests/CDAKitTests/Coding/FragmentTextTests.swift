import Testing

@testable import CDAKit

/// How a sheet row's text is compared and found again.
@Suite struct FragmentTextTests {
    static let utterances = [
        Utterance(index: 1, speakerID: "M", text: "Wat vindt u ervan?"),
        Utterance(index: 2, speakerID: "C1", text: "  Één loket 👍 is genoeg,\tzegt   men."),
        Utterance(index: 3, speakerID: "C2", text: "Één loket? Nee."),
        Utterance(index: 4, speakerID: "C1", text: "Mijn gegevens."),
    ]

    @Test func whitespaceRunsCompareAsOneSpaceAndEndsAreTrimmed() {
        #expect(String(String.UnicodeScalarView(FragmentText.comparable("  a \t b\n\nc  "))) == "a b c")
        #expect(FragmentText.comparable(" \t ").isEmpty)
    }

    @Test func theTextOfAFragmentJoinsItsUtterancesWithASpace() {
        let span = Fragment(documentID: "d", startUtterance: 3, startOffset: 11, endUtterance: 4, endOffset: 4)
        #expect(FragmentText.text(of: span, in: Self.utterances) == "Nee. Mijn")
        #expect(FragmentText.text(of: Fragment(documentID: "d", startUtterance: 9), in: Self.utterances) == nil)
        #expect(
            FragmentText.text(of: Fragment(documentID: "d", startUtterance: 4, startOffset: 2, endOffset: 99), in: Self.utterances) == nil)
    }

    @Test func placesAreFoundByCodePointAcrossDiacriticsEmojiAndBoundariesNearestFirst() {
        // "Één loket" is in utterance 2 (after two spaces, offsets 2–11) and in utterance 3 (0–9).
        let near3 = Fragment(documentID: "d", startUtterance: 3, startOffset: 4, endOffset: 9)
        #expect(
            FragmentText.places(of: FragmentText.comparable("Één loket"), in: Self.utterances, near: near3) == [
                Fragment(documentID: "d", startUtterance: 3, startOffset: 0, endOffset: 9),
                Fragment(documentID: "d", startUtterance: 2, startOffset: 2, endOffset: 11),
            ])
        // An emoji is one code point; a tab and three spaces compare as one space.
        let near1 = Fragment(documentID: "d", startUtterance: 1, startOffset: 0, endOffset: 1)
        #expect(
            FragmentText.places(of: FragmentText.comparable("👍 is genoeg, zegt men"), in: Self.utterances, near: near1) == [
                Fragment(documentID: "d", startUtterance: 2, startOffset: 12, endOffset: 35)
            ])
        // Across an utterance boundary.
        #expect(
            FragmentText.places(of: FragmentText.comparable("Nee. Mijn"), in: Self.utterances, near: near1) == [
                Fragment(documentID: "d", startUtterance: 3, startOffset: 11, endUtterance: 4, endOffset: 4)
            ])
        #expect(FragmentText.places(of: FragmentText.comparable("geen"), in: Self.utterances, near: near1).isEmpty)
    }

    @Test func aWholeUtteranceRowStaysWholeWhenTheTextIsWholeUtterances() {
        let whole = Fragment(documentID: "d", startUtterance: 1)
        let text = FragmentText.comparable("Één loket 👍 is genoeg, zegt men. Één loket? Nee.")
        #expect(
            FragmentText.places(of: text, in: Self.utterances, near: whole) == [
                Fragment(documentID: "d", startUtterance: 2, endUtterance: 3)
            ])
        // Part of an utterance: offsets, even for a whole-utterance row.
        #expect(
            FragmentText.places(of: FragmentText.comparable("Mijn"), in: Self.utterances, near: whole) == [
                Fragment(documentID: "d", startUtterance: 4, startOffset: 0, endOffset: 4)
            ])
    }
}

/// A `text` cell shortened for reading, or cut by a workbook, is compared as the fragment's beginning.
@Suite struct FragmentTextShortenedTests {
    static let utterances = [Utterance(index: 1, speakerID: "C1", text: "Ik begin wel. Ik ben zevenentwintig.")]
    static let whole = Fragment(documentID: "d", startUtterance: 1)

    @Test(arguments: [
        ("Ik begin wel. Ik ben zeven", false), ("Ik begin wel…", true), ("Ik begin wel...", true),
        ("Ik begin wel. Ik ben zevenentwintig.", false),
    ])
    func aBeginningHolds(cell: String, shortened: Bool) {
        let (text, marked) = FragmentText.cell(cell)
        #expect(marked == shortened)
        #expect(FragmentText.holds(text, Self.whole, in: Self.utterances))
    }

    @Test func anythingElseDoesNot() {
        #expect(!FragmentText.holds(FragmentText.cell("begin wel").text, Self.whole, in: Self.utterances))
        #expect(!FragmentText.holds(FragmentText.cell("Ik begin wel. Ik ben zevenentwintig. Echt.").text, Self.whole, in: Self.utterances))
        // A workbook's cell cut at Excel's limit ends in "…".
        let long = String(repeating: "woord ", count: 6_000)
        let cut = FragmentText.cell(String(long.prefix(32_700)) + "…")
        #expect(cut.shortened)
        #expect(FragmentText.holds(cut.text, Self.whole, in: [Utterance(index: 1, speakerID: "C1", text: long)]))
    }

    @Test func aFoundPlaceFitsARowOfTheSameKindAndWidth() {
        let span = Fragment(documentID: "d", startUtterance: 2, startOffset: 10, endOffset: 16)
        #expect(FragmentText.fits(Fragment(documentID: "d", startUtterance: 5, startOffset: 0, endOffset: 6), for: span))
        #expect(FragmentText.fits(Fragment(documentID: "d", startUtterance: 5, startOffset: 0, endOffset: 8), for: span))
        #expect(!FragmentText.fits(Fragment(documentID: "d", startUtterance: 5, startOffset: 0, endOffset: 9), for: span))
        #expect(!FragmentText.fits(Fragment(documentID: "d", startUtterance: 5), for: span))
        #expect(FragmentText.fits(Fragment(documentID: "d", startUtterance: 5, endUtterance: 6), for: Self.whole))
        #expect(!FragmentText.fits(Fragment(documentID: "d", startUtterance: 5, startOffset: 0, endOffset: 9), for: Self.whole))
    }
}
