import CDAKit
import CDATestSupport
import Testing

/// Turn detection on transcripts written the way researchers write them: participants who speak
/// once, `Label:`-looking phrases inside turns, times that are words.
@Suite struct TurnDetectionTests {
    private func read(_ text: String, options: ReadOptions = ReadOptions()) throws -> Transcript {
        try PlainTextReader().read(SourceFile(path: "ronde.txt", bytes: Array(text.utf8)), options: options)
    }

    private func turns(_ transcript: Transcript) -> [String] {
        transcript.utterances.map { "\($0.speakerID ?? "?"): \($0.text)" }
    }

    /// A timed expert round: three people speak once, one phrase inside a turn looks like a label.
    static let timedRound = """
        # title: Expertronde
        # group: experts
        # moderator: Leider

        [00:00:05] Leider: Welkom allemaal. Wie begint?
        [00:00:31] Anouk: Ik denk dat de overheid vooral voorspelbaar moet zijn.
        [00:01:02] Leider: Dank je. Anderen?
        [00:01:44] Chris: De overheid moet efficiënt en snel met mij communiceren.
        [00:02:10] Bram de Wit: Mee eens, maar niet ten koste van de menselijke maat.
        Let op: dat zijn er meer dan je denkt.
        [00:02:55] Leider: Goed punt. Nog iemand?
        [ 00:03:20 ] Dilan: Wat mij betreft wel.
        [00:03:41] Anouk: Ik sluit af.
        """

    @Test func timedTurnsAreTurnsHoweverOftenTheLabelOccurs() throws {
        let transcript = try read(Self.timedRound)
        #expect(
            turns(transcript) == [
                "Leider: Welkom allemaal. Wie begint?",
                "Anouk: Ik denk dat de overheid vooral voorspelbaar moet zijn.",
                "Leider: Dank je. Anderen?",
                "Chris: De overheid moet efficiënt en snel met mij communiceren.",
                "Bram de Wit: Mee eens, maar niet ten koste van de menselijke maat. Let op: dat zijn er meer dan je denkt.",
                "Leider: Goed punt. Nog iemand?",
                "Dilan: Wat mij betreft wel.",
                "Anouk: Ik sluit af.",
            ])
        #expect(transcript.utterances.map(\.start) == [5, 31, 62, 104, 130, 175, 200, 221])
        #expect(transcript.speakers.map(\.id) == ["Leider", "Anouk", "Chris", "Bram de Wit", "Dilan"])
        #expect(transcript.speakers.first?.role == .moderator)
        #expect(
            transcript.notices == [
                ReadNotice(
                    .labelReadAsText, at: SourceLocation(file: "ronde.txt", line: 10),
                    "'Let op:' read as text, not as a speaker (use --speakers to declare speakers)")
            ])
    }

    @Test func paragraphTurnsOfPeopleWhoSpeakOnce() throws {
        let transcript = try read(
            """
            # moderator: GL

            GL: Welkom. Wat verwacht u van de digitale overheid in 2035?

            Esther: Dat ik nog steeds iemand kan bellen.
            Let op: dat zijn er meer dan je denkt.

            Farid: Ik verwacht dat alles via de app gaat.

            GL: En de anderen?

            Esther: Niet iedereen heeft een smartphone,
            zeker niet de ouderen.

            Gijs: Ouderen vallen buiten de boot.

            Hanna van Dijk: Ik zie vooral kansen.
            """)
        #expect(
            turns(transcript) == [
                "GL: Welkom. Wat verwacht u van de digitale overheid in 2035?",
                "Esther: Dat ik nog steeds iemand kan bellen. Let op: dat zijn er meer dan je denkt.",
                "Farid: Ik verwacht dat alles via de app gaat.",
                "GL: En de anderen?",
                "Esther: Niet iedereen heeft een smartphone, zeker niet de ouderen.",
                "Gijs: Ouderen vallen buiten de boot.",
                "Hanna van Dijk: Ik zie vooral kansen.",
            ])
        #expect(transcript.speakers.map(\.id) == ["GL", "Esther", "Farid", "Gijs", "Hanna van Dijk"])
        #expect(transcript.notices.map(\.location.line) == [6])
        #expect(transcript.notices.map(\.kind) == [.labelReadAsText])
    }

    @Test func oneTurnPerLineWithPeopleWhoSpeakOnce() throws {
        let transcript = try read("M: Goedemiddag, stelt u zich even voor?\nRuud: Ik kom uit Zwolle.\nSanne: Ik uit Deventer.\nM: Fijn.\n")
        #expect(
            turns(transcript) == [
                "M: Goedemiddag, stelt u zich even voor?", "Ruud: Ik kom uit Zwolle.", "Sanne: Ik uit Deventer.", "M: Fijn.",
            ])
        #expect(transcript.notices.isEmpty)
    }

    @Test func labelLikePhrasesInWrappedProseStayText() throws {
        let transcript = try read(
            """
            P01: Ik wil iets zeggen over de toekomst, want
            dat vind ik lastig.
            Kortom: niemand weet het.
            P02: Precies.
            Wat ik bedoel: het is onzeker.
            """)
        #expect(
            turns(transcript) == [
                "P01: Ik wil iets zeggen over de toekomst, want dat vind ik lastig. Kortom: niemand weet het.",
                "P02: Precies. Wat ik bedoel: het is onzeker.",
            ])
        #expect(
            transcript.notices.map(\.message) == [
                "'Kortom:' read as text, not as a speaker (use --speakers to declare speakers)",
                "'Wat ik bedoel:' read as text, not as a speaker (use --speakers to declare speakers)",
            ])
        #expect(transcript.notices.map(\.location.line) == [3, 5])
    }

    @Test func declaredSpeakersOnTheCommandLineAreTheOnlyTurns() throws {
        let options = ReadOptions(speakers: ["Anna", "Bob"], moderators: ["Bob"])
        let transcript = try read("Anna: Ja.\nConclusie: we zijn het eens.\nBob: Mooi.\nAnna: Nou.\n", options: options)
        #expect(turns(transcript) == ["Anna: Ja. Conclusie: we zijn het eens.", "Bob: Mooi.", "Anna: Nou."])
        #expect(transcript.speakers.map(\.id) == ["Anna", "Bob"])
        #expect(transcript.speakers.map(\.role) == [.participant, .moderator])
        #expect(transcript.notices.map(\.location.line) == [2])
    }

    @Test func declaringSpeakersTurnsAOnceUsedLabelIntoATurn() throws {
        let text = "P1: We zien dit:\nDus: niet zomaar.\nP2: Klopt.\n"
        #expect(turns(try read(text)) == ["P1: We zien dit: Dus: niet zomaar.", "P2: Klopt."])
        let declared = try read(text, options: ReadOptions(speakers: ["P1", "P2", "Dus"]))
        #expect(turns(declared) == ["P1: We zien dit:", "Dus: niet zomaar.", "P2: Klopt."])
        #expect(declared.notices.isEmpty)
    }

    @Test func leadingClockInAnUntimedFileIsText() throws {
        let transcript = try read("1:57 nem tudtam, wat ik moest zeggen.\n\nTweede alinea.\n\nDerde alinea.\n")
        #expect(transcript.utterances.map(\.text) == ["1:57 nem tudtam, wat ik moest zeggen.", "Tweede alinea.", "Derde alinea."])
        #expect(transcript.utterances.allSatisfy { $0.start == nil && $0.speakerID == nil })
        #expect(transcript.notices.map(\.kind) == [.timeReadAsText])
        #expect(transcript.notices.map(\.location.line) == [1])
    }

    @Test func bareClocksInATimedFileAreTimes() throws {
        let transcript = try read("00:00:05 P1: Goedemorgen.\n00:00:09,500 P2: Hallo.\n00:01:02.25 P1: Verder.\n")
        #expect(transcript.utterances.map(\.start) == [5, 9.5, 62.25])
        #expect(transcript.utterances.map(\.speakerID) == ["P1", "P2", "P1"])
    }

    @Test func inlineStampsInLabelFreeTextSetTheTimeAndLeaveTheWords() throws {
        let transcript = try read("Eerste alinea [00:01:23] met een stempel.\n\n[00:02:00] Tweede alinea,\nmet [00:02:30] nog een.\n")
        #expect(transcript.utterances.map(\.text) == ["Eerste alinea met een stempel.", "Tweede alinea, met nog een."])
        #expect(transcript.utterances.map(\.start) == [83, 120])
        #expect(transcript.notices.isEmpty)
    }

    @Test func timedLabelFreeParagraphsAreSeparateUtterances() throws {
        let transcript = try read("[00:00:10] Eerst dit.\n[00:00:20] Dan dat.\nen nog wat.\n")
        #expect(transcript.utterances.map(\.text) == ["Eerst dit.", "Dan dat. en nog wat."])
        #expect(transcript.utterances.map(\.start) == [10, 20])
    }

    @Test func aTrulyBadBracketedTimeIsAnError() {
        #expect(throws: IngestError.invalidTime(SourceLocation(file: "ronde.txt", line: 2, column: 1), value: "00:61:00")) {
            try read("[00:00:01] P1: a\n[00:61:00] P1: b\n")
        }
    }

    @Test func numberedLinesKeepTheirSpeakers() throws {
        let transcript = try read("INV: Hoe ging het?\n1 | PMA: Goed,\n2| PMA: denk ik.\n3. Wat ik bedoel: niets.\n")
        #expect(turns(transcript) == ["INV: Hoe ging het?", "PMA: Goed,", "PMA: denk ik. 3. Wat ik bedoel: niets."])
        #expect(
            transcript.notices.map(\.message) == ["'Wat ik bedoel:' read as text, not as a speaker (use --speakers to declare speakers)"])
    }

    @Test(.needsShared("corpora/samples/plaintext/ASTA_01_exp.txt"))
    func realNumberedInterviewReadsEveryTier() throws {
        let path = try #require(SharedData.path("corpora/samples/plaintext/ASTA_01_exp.txt"))
        let transcript = try PlainTextReader().read(try SourceFile(contentsOf: path), options: ReadOptions())
        let counts = Dictionary(grouping: transcript.utterances.compactMap(\.speakerID), by: { $0 }).mapValues(\.count)
        #expect(counts == ["INV": 29, "PMA": 43])
        // The two `##META`/`##TARGET` lines before the first turn are one utterance of nobody.
        #expect(transcript.utterances.count == 73)
        #expect(transcript.utterances.first?.speakerID == nil)
        #expect(transcript.notices.isEmpty)
    }
}
