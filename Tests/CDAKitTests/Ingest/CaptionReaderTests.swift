import CDAKit
import CDATestSupport
import Testing

@Suite struct CaptionReaderTests {
    /// One utterance as the tests compare it; times are equal within a nanosecond, since
    /// `00:00:00.570` parses to the nearest double of a sum of decimal digits.
    private struct Line: Equatable, CustomStringConvertible {
        var speaker: String?
        var text: String
        var start: Double?
        var end: Double?

        init(_ speaker: String?, _ text: String, _ start: Double?, _ end: Double?) {
            self.speaker = speaker
            self.text = text
            self.start = start
            self.end = end
        }

        var description: String { "\(speaker ?? "-") [\(start ?? -1)–\(end ?? -1)] \(text)" }

        static func == (one: Line, other: Line) -> Bool {
            func same(_ a: Double?, _ b: Double?) -> Bool {
                guard let a, let b else { return a == nil && b == nil }
                return abs(a - b) < 1e-9
            }
            return one.speaker == other.speaker && one.text == other.text && same(one.start, other.start) && same(one.end, other.end)
        }
    }

    private func lines(_ transcript: Transcript) -> [Line] {
        transcript.utterances.map { Line($0.speakerID, $0.text, $0.start, $0.end) }
    }

    private func read(_ text: String, _ name: String, options: ReadOptions = ReadOptions()) throws -> Transcript {
        try read(Array(text.utf8), name, options: options)
    }

    private func read(_ bytes: [UInt8], _ name: String, options: ReadOptions = ReadOptions()) throws -> Transcript {
        let format: DocumentFormat = name.hasSuffix(".vtt") ? .vtt : .srt
        return try CaptionReader(format: format).read(SourceFile(path: name, bytes: bytes), options: options)
    }

    private func notice(_ kind: ReadNotice.Kind, _ file: String, _ line: Int, _ message: String) -> ReadNotice {
        ReadNotice(kind, at: SourceLocation(file: file, line: line), message)
    }

    private static let eventMessage =
        "non-speech caption (a sound, applause or music mark) left out of the text: it counts as no one's words"

    // MARK: - Existing behaviour

    @Test func vttVoicesAndJoinedCues() throws {
        let transcript = try read(Fixtures.vtt, "c.vtt")
        #expect(lines(transcript) == [Line("GL", "Goedemiddag.", 1, 3.5), Line("P01", "Ik denk dat het kan.", 4, 8.25)])
        #expect(transcript.speakers.map(\.id) == ["GL", "P01"])
        #expect(transcript.document.id == "c")
        #expect(transcript.notices.isEmpty)
    }

    @Test func srtWithPrefixesAndCRLF() throws {
        let transcript = try read(Fixtures.srt, "c.srt")
        #expect(lines(transcript) == [Line("P01", "Eerste zin.", 1, 2.5), Line("P02", "Tweede zin.", 3, 4)])
        #expect(transcript.notices.isEmpty)
    }

    @Test func vttWithoutHeaderIsRejected() {
        #expect(
            throws: IngestError.unknownFormat(
                SourceLocation(file: "c.vtt", line: 1, column: 1), detail: "a WebVTT file starts with 'WEBVTT'")
        ) {
            try read("00:00:01.000 --> 00:00:02.000\nx\n", "c.vtt")
        }
    }

    @Test func badCueTimeNamesLine() {
        let text = "WEBVTT\n\n00:00:01.000 --> 00:0x:02.000\nHallo\n"
        #expect(throws: IngestError.invalidTime(SourceLocation(file: "c.vtt", line: 3, column: 1), value: "00:0x:02.000")) {
            try read(text, "c.vtt")
        }
    }

    // MARK: - Dialogue dashes and colons that end sentences

    /// French-style subtitles: dialogue dashes, sentences that end in a colon, no speaker names.
    private static let frenchSRT = """
        1
        00:00:01,000 --> 00:00:03,000
        - Tu connais la règle ?
        - Oui. Règle numéro un:

        2
        00:00:03,200 --> 00:00:05,000
        on ne parle jamais du jardin.

        3
        00:00:05,500 --> 00:00:08,000
        J'ai dit: pas un mot. -D'accord.

        4
        00:00:08,500 --> 00:00:11,000
        Et la règle
        s'énonce ainsi:

        5
        00:00:11,000 --> 00:00:12,000
        (rires)

        6
        00:00:13,500 --> 00:00:15,000
        {\\an8}<i>- Silence !</i>
        <font color="#ffff00">- Pourquoi ?</font>

        """

    @Test func dialogueDashesSplitCuesAndColonsStayText() throws {
        let transcript = try read(Self.frenchSRT, "jardin.srt")
        #expect(
            lines(transcript) == [
                Line(nil, "Tu connais la règle ?", 1, 3),
                Line(nil, "Oui. Règle numéro un:", 1, 3),
                Line(nil, "on ne parle jamais du jardin.", 3.2, 5),
                Line(nil, "J'ai dit: pas un mot.", 5.5, 8),
                Line(nil, "D'accord.", 5.5, 8),
                Line(nil, "Et la règle s'énonce ainsi:", 8.5, 11),
                Line(nil, "Silence !", 13.5, 15),
                Line(nil, "Pourquoi ?", 13.5, 15),
            ])
        #expect(transcript.utterances.map(\.index) == Array(1...8))
        #expect(transcript.speakers.isEmpty)
        #expect(
            transcript.notices == [
                notice(
                    .labelReadAsText, "jardin.srt", 4,
                    "'Règle numéro un:' read as text, not as a speaker (use --speakers to declare speakers)"),
                notice(
                    .labelReadAsText, "jardin.srt", 12, "'J'ai dit:' read as text, not as a speaker (use --speakers to declare speakers)"),
                notice(.event, "jardin.srt", 21, Self.eventMessage),
            ])
    }

    // MARK: - Labels that carry over, wrap, and come in short and long forms

    /// Parliament-style captions: labels mid-cue and wrapped over two lines, short and long forms.
    private static let parliamentSRT = """
        1
        00:00:01,000 --> 00:00:04,000
        The Presiding Officer: We turn to questions.
        Callum Reid (Eastfield) (Con): To ask

        2
        00:00:04,000 --> 00:00:07,000
        the First Minister what the plan is.

        3
        00:00:07,200 --> 00:00:08,000
        [Applause.]

        4
        00:00:08,500 --> 00:00:11,000
        The First Minister (Morag
        Lindsay): The plan is published.

        5
        00:00:11,000 --> 00:00:13,000
        It went out on Monday.

        6
        00:00:13,500 --> 00:00:15,000
        Callum Reid: That is not an answer.

        7
        00:00:15,500 --> 00:00:17,000
        Morag Lindsay: It is the answer. [Laughter.]

        8
        00:00:17,500 --> 00:00:19,000
        The Presiding Officer: Order.

        """

    @Test func labelsCarryOverWrapAndJoinShortAndLongForms() throws {
        let transcript = try read(Self.parliamentSRT, "fmq.srt")
        #expect(
            lines(transcript) == [
                Line("The Presiding Officer", "We turn to questions.", 1, 4),
                Line("Callum Reid", "To ask the First Minister what the plan is.", 1, 7),
                Line("Morag Lindsay", "The plan is published. It went out on Monday.", 8.5, 13),
                Line("Callum Reid", "That is not an answer.", 13.5, 15),
                Line("Morag Lindsay", "It is the answer.", 15.5, 17),
                Line("The Presiding Officer", "Order.", 17.5, 19),
            ])
        #expect(transcript.speakers.map(\.id) == ["The Presiding Officer", "Callum Reid", "Morag Lindsay"])
        #expect(
            transcript.speakers.map(\.name) == [
                "The Presiding Officer", "Callum Reid (Eastfield) (Con)", "The First Minister (Morag Lindsay)",
            ])
        let joined = "read as one speaker"
        #expect(
            transcript.notices == [
                notice(.event, "fmq.srt", 12, Self.eventMessage),
                notice(
                    .labelsJoined, "fmq.srt", 25,
                    "'Callum Reid (Eastfield) (Con)' and 'Callum Reid' \(joined), 'Callum Reid': the same name is in both labels (declare both with --speakers to keep them apart)"
                ),
                notice(
                    .labelsJoined, "fmq.srt", 29,
                    "'The First Minister (Morag Lindsay)' and 'Morag Lindsay' \(joined), 'Morag Lindsay': the same name is in both labels (declare both with --speakers to keep them apart)"
                ),
                notice(.event, "fmq.srt", 29, Self.eventMessage),
            ])
    }

    @Test func readmeExampleReadsAsDocumented() throws {
        let text = """
            1
            00:00:01,000 --> 00:00:04,000
            The Presiding Officer: We turn to questions.
            Callum Reid (Eastfield) (Con): To ask

            2
            00:00:04,000 --> 00:00:07,000
            the First Minister what the plan is.

            3
            00:00:07,200 --> 00:00:08,000
            [Applause.]

            4
            00:00:08,500 --> 00:00:11,000
            Callum Reid: And when?
            - Soon.

            """
        let transcript = try read(text, "readme.srt")
        #expect(
            lines(transcript) == [
                Line("The Presiding Officer", "We turn to questions.", 1, 4),
                Line("Callum Reid", "To ask the First Minister what the plan is.", 1, 7),
                Line("Callum Reid", "And when?", 8.5, 11),
                Line(nil, "Soon.", 8.5, 11),
            ])
        #expect(transcript.speakers.map(\.name) == ["The Presiding Officer", "Callum Reid (Eastfield) (Con)"])
        #expect(transcript.notices.map(\.kind) == [.event, .labelsJoined])
    }

    @Test func declaringBothFormsKeepsThemApart() throws {
        let options = ReadOptions(speakers: [
            "The Presiding Officer", "Callum Reid", "Callum Reid (Eastfield) (Con)", "Morag Lindsay", "The First Minister (Morag Lindsay)",
        ])
        let transcript = try read(Self.parliamentSRT, "fmq.srt", options: options)
        #expect(
            transcript.utterances.map(\.speakerID) == [
                "The Presiding Officer", "Callum Reid (Eastfield) (Con)", "The First Minister (Morag Lindsay)", "Callum Reid",
                "Morag Lindsay", "The Presiding Officer",
            ])
        #expect(transcript.notices.map(\.kind) == [.event, .event])
    }

    @Test func twoPeopleInOneRoleAreNotJoined() throws {
        let text = """
            1
            00:00:01,000 --> 00:00:02,000
            The Minister (Ann Kerr): First answer.

            2
            00:00:02,000 --> 00:00:03,000
            The Minister (Rob Lyle): Second answer.

            3
            00:00:03,000 --> 00:00:04,000
            The Minister: Third answer.

            """
        let transcript = try read(text, "m.srt")
        #expect(
            lines(transcript) == [
                Line("The Minister (Ann Kerr)", "First answer.", 1, 2),
                Line("The Minister (Rob Lyle)", "Second answer.", 2, 3),
                Line("The Minister", "Third answer.", 3, 4),
            ])
        #expect(transcript.notices.isEmpty)
    }

    // MARK: - Evidence for a label

    @Test func singleCapitalisedWordsNeedCompany() throws {
        let two =
            "1\n00:00:01,000 --> 00:00:02,000\nMedewerker: Waarmee kan ik helpen?\n\n2\n00:00:02,000 --> 00:00:03,000\nBezoeker: Met de brief.\n"
        let both = try read(two, "s.srt")
        #expect(lines(both) == [Line("Medewerker", "Waarmee kan ik helpen?", 1, 2), Line("Bezoeker", "Met de brief.", 2, 3)])
        #expect(both.notices.isEmpty)

        let one = "1\n00:00:01,000 --> 00:00:02,000\nAttention: the floor is wet.\n\n2\n00:00:02,000 --> 00:00:03,000\nThank you.\n"
        let alone = try read(one, "a.srt")
        #expect(lines(alone) == [Line(nil, "Attention: the floor is wet.", 1, 2), Line(nil, "Thank you.", 2, 3)])
        #expect(
            alone.notices == [
                notice(.labelReadAsText, "a.srt", 3, "'Attention:' read as text, not as a speaker (use --speakers to declare speakers)")
            ])

        let declared = try read(one, "a.srt", options: ReadOptions(speakers: ["Attention"]))
        #expect(lines(declared) == [Line("Attention", "the floor is wet. Thank you.", 1, 3)])
    }

    @Test func declaredSpeakersAreTheOnlyLabels() throws {
        let two =
            "1\n00:00:01,000 --> 00:00:02,000\nMedewerker: Waarmee kan ik helpen?\n\n2\n00:00:02,000 --> 00:00:03,000\nBezoeker: Met de brief.\n"
        let transcript = try read(two, "s.srt", options: ReadOptions(speakers: ["Bezoeker"], moderators: ["Medewerker"]))
        #expect(transcript.speakers.map(\.role) == [.moderator, .participant])
        let strict = try read(two, "s.srt", options: ReadOptions(speakers: ["Bezoeker"]))
        #expect(lines(strict) == [Line(nil, "Medewerker: Waarmee kan ik helpen?", 1, 2), Line("Bezoeker", "Met de brief.", 2, 3)])
        #expect(
            strict.notices == [
                notice(.labelReadAsText, "s.srt", 3, "'Medewerker:' read as text, not as a speaker (it is not among --speakers)")
            ])
    }

    @Test func aWrappedSentenceIsNotALabel() throws {
        let text = """
            1
            00:00:01,000 --> 00:00:03,000
            Anna Berg: We agreed on the following
            Points: housing and transport.

            2
            00:00:03,000 --> 00:00:04,000
            Anna Berg: That is all.

            """
        let transcript = try read(text, "w.srt")
        #expect(lines(transcript) == [Line("Anna Berg", "We agreed on the following Points: housing and transport. That is all.", 1, 4)])
        #expect(transcript.notices.isEmpty)
    }

    @Test func recurringLabelsChevronsAndCapitals() throws {
        let text = """
            WEBVTT

            00:00:01.000 --> 00:00:02.000
            >> ANNA BERG: Welcome back.

            00:00:02.000 --> 00:00:03.000
            >> Thanks, Anna.

            00:00:03.000 --> 00:00:04.000
            >> ANNA BERG: First question.
            >> guest host: Go on.

            00:00:04.000 --> 00:00:05.000
            Q: Why now? ♪ la la ♪

            00:00:05.000 --> 00:00:06.000
            ♪ la la la ♪

            00:00:06.000 --> 00:00:07.000
            Q: And then?

            """
        let transcript = try read(text, "show.vtt")
        #expect(
            lines(transcript) == [
                Line("ANNA BERG", "Welcome back.", 1, 2),
                Line(nil, "Thanks, Anna.", 2, 3),
                Line("ANNA BERG", "First question.", 3, 4),
                Line(nil, "guest host: Go on.", 3, 4),
                Line("Q", "Why now? ♪ la la ♪", 4, 5),
                Line("Q", "And then?", 6, 7),
            ])
        #expect(transcript.notices == [notice(.event, "show.vtt", 17, Self.eventMessage)])
    }

    @Test func voiceTagsWinOverColons() throws {
        let text = """
            WEBVTT

            00:00:01.000 --> 00:00:03.000
            <v.loud Ada Moss>Ik zou zeggen: nee.</v> <v Ben>Waarom?</v>

            00:00:03.000 --> 00:00:04.000
            <v Ben><b>Zeg</b> het maar.

            """
        let transcript = try read(text, "v.vtt")
        #expect(
            lines(transcript) == [
                Line("Ada Moss", "Ik zou zeggen: nee.", 1, 3),
                Line("Ben", "Waarom? Zeg het maar.", 1, 4),
            ])
        #expect(transcript.notices.isEmpty)
    }

    // MARK: - Encodings

    /// A Windows-1252 SRT with CRLF line ends: `é` is 0xE9, `û` 0xFB, `€` 0x80, `“` 0x93, `”` 0x94.
    private static let windows1252SRT: [UInt8] =
        Array("1\r\n00:00:01,000 --> 00:00:02,000\r\nMarie: Le caf".utf8) + [0xE9] + Array(" co".utf8) + [0xFB]
        + Array("te 2 ".utf8) + [0x80] + Array(".\r\n\r\n2\r\n00:00:02,500 --> 00:00:04,000\r\nMarie: ".utf8) + [0x93]
        + Array("Bien s".utf8) + [0xFB] + Array("r.".utf8) + [0x94] + Array("\r\n".utf8)

    @Test func windows1252IsGuessedWithANotice() throws {
        let transcript = try read(Self.windows1252SRT, "cafe.srt")
        #expect(lines(transcript) == [Line("Marie", "Le café coûte 2 €. “Bien sûr.”", 1, 4)])
        #expect(transcript.notices.map(\.kind) == [.encodingGuessed])
        #expect(transcript.notices.first?.location == SourceLocation(file: "cafe.srt", line: 3, column: 14))
        #expect(
            transcript.notices.first?.message.contains("--encoding NAME (utf-8, utf-16, utf-16le, utf-16be, windows-1252, iso-8859-1)")
                == true)
        #expect(transcript.notices.first?.message.contains("caf") == false)
    }

    @Test func windows1252NamedReadsWithoutNotice() throws {
        let transcript = try read(Self.windows1252SRT, "cafe.srt", options: ReadOptions(encoding: .windows1252))
        #expect(lines(transcript) == [Line("Marie", "Le café coûte 2 €. “Bien sûr.”", 1, 4)])
        #expect(transcript.notices.isEmpty)
        #expect(throws: IngestError.invalidUTF8(SourceLocation(file: "cafe.srt", line: 3, column: 14))) {
            try read(Self.windows1252SRT, "cafe.srt", options: ReadOptions(encoding: .utf8))
        }
        let latin1 = try read(Self.windows1252SRT, "cafe.srt", options: ReadOptions(encoding: .latin1))
        #expect(latin1.utterances.first?.text == "Le café coûte 2 \u{80}. \u{93}Bien sûr.\u{94}")
    }

    @Test func utf16WithoutByteOrderMarkReadsWhenNamed() throws {
        let text = "WEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\n<v Zoë>Één twee.\r\n"
        let bytes = text.utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8($0 >> 8)] }
        let transcript = try read(bytes, "z.vtt", options: ReadOptions(encoding: .utf16LE))
        #expect(lines(transcript) == [Line("Zoë", "Één twee.", 1, 2)])
        #expect(transcript.notices.isEmpty)
        #expect(throws: IngestError.binaryContent(SourceLocation(file: "z.vtt", line: 1, column: 2))) { try read(bytes, "z.vtt") }
    }

    // MARK: - Real samples in ../shared

    @Test(
        .needsShared("corpora/samples/srt/auto_detect_windows-1251.srt")
    )
    func windows1251SubtitlesReadWithTheGuessNotice() throws {
        let path = try #require(SharedData.path("corpora/samples/srt/auto_detect_windows-1251.srt"))
        let transcript = try CaptionReader(format: .srt).read(SourceFile(contentsOf: path), options: ReadOptions())
        // The Cyrillic credit line "… и ћирилица: ВиСТА" reads, in Windows-1252, as a three-word label
        // with a lowercase word: text, with a notice.
        #expect(transcript.notices.map(\.kind) == [.encodingGuessed, .labelReadAsText])
        #expect(
            transcript.notices.map(\.location) == [SourceLocation(file: path, line: 7, column: 1), SourceLocation(file: path, line: 2689)])
        #expect(transcript.speakers.isEmpty)
        #expect(transcript.utterances.allSatisfy { $0.speakerID == nil })
        // 595 cues; 84 second lines start with a dialogue dash once `<i>` is removed (83 in the raw
        // text, plus one `<i>-Не …`), and 9 turns change in mid-line.
        #expect(Set(transcript.utterances.map(\.start)).count == 595)
        #expect(transcript.utterances.count == 595 + 84 + 9)
        #expect(
            transcript.utterances.first.map { Line($0.speakerID, $0.text, $0.start, $0.end) }
                == Line(nil, "www.titlovi.com", 32.198, 36.198))
        #expect(transcript.utterances.last?.text == "Preuzeto sa www.titlovi.com")
    }

    @Test(.needsShared("corpora/samples/webvtt/teams_timeframe.vtt"))
    func teamsTranscriptWithUnpaddedTimes() throws {
        let path = try #require(SharedData.path("corpora/samples/webvtt/teams_timeframe.vtt"))
        let transcript = try CaptionReader(format: .vtt).read(SourceFile(contentsOf: path), options: ReadOptions())
        #expect(
            lines(transcript) == [
                Line("Yuri Bakulin", "There you go.", 0, 0.57), Line("Adrian Petrescu", "Why hello there, Yuri.", 0.21, 1.13),
            ])
        #expect(transcript.speakers.map(\.id) == ["Yuri Bakulin", "Adrian Petrescu"])
        #expect(transcript.notices.isEmpty)
    }
}
