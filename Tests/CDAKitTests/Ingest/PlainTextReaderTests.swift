import CDAKit
import CDATestSupport
import Testing

@Suite struct PlainTextReaderTests {
    private func read(_ text: String, name: String = "sessie.txt", options: ReadOptions = ReadOptions()) throws -> Transcript {
        try PlainTextReader().read(SourceFile(path: name, bytes: Array(text.utf8)), options: options)
    }

    @Test func readsHeaderTurnsSectionsAndContinuations() throws {
        let transcript = try read(Fixtures.plainText)
        #expect(transcript.document.id == "sessie")
        #expect(transcript.document.title == "Testgesprek")
        #expect(transcript.document.attributes == ["group": "citizens", "session": "afternoon"])
        #expect(transcript.utterances.map(\.speakerID) == ["GL", "P01", "P02", "P01"])
        #expect(transcript.utterances.map(\.index) == [1, 2, 3, 4])
        #expect(
            transcript.utterances[1].text
                == "Ik vind één loket belangrijk, zo'n sociaal-economisch vraagstuk. Dat geldt ook voor coördinatie.")
        #expect(transcript.utterances.map(\.start) == [5, 70, 62, nil])
        #expect(transcript.utterances.map(\.section) == ["plenary", "plenary", "plenary", "subgroup B"])
        let roles = Dictionary(uniqueKeysWithValues: transcript.speakers.map { ($0.id, $0.role) })
        #expect(roles == ["GL": .moderator, "P01": .participant, "P02": .participant])
        #expect(transcript.speakers.first { $0.id == "P01" }?.attributes == ["agegroup": "18-34"])
    }

    @Test func handlesBOMAndCRLF() throws {
        let text = "\u{FEFF}# id: crlf-doc\r\nA1: eerste\r\nvervolg\r\nB2: tweede\r\n"
        let transcript = try read(text)
        #expect(transcript.document.id == "crlf-doc")
        #expect(transcript.utterances.map(\.text) == ["eerste vervolg", "tweede"])
    }

    @Test func bracketLabelsAndBareTimestamps() throws {
        let transcript = try read("[Anna] Hallo daar\n00:00:07 [Bob] Dag Anna\n[Anna] Tot ziens\n[Bob] Doei\n")
        #expect(transcript.utterances.map(\.speakerID) == ["Anna", "Bob", "Anna", "Bob"])
        #expect(transcript.utterances[1].start == 7)
        #expect(transcript.utterances[1].text == "Dag Anna")
    }

    @Test func colonInTextIsNotALabelWhenUsedOnce() throws {
        let transcript = try read("P1: We zien dit:\nDus: niet zomaar.\nP2: Klopt.\n")
        #expect(transcript.utterances.map(\.speakerID) == ["P1", "P2"])
        #expect(transcript.utterances[0].text == "We zien dit: Dus: niet zomaar.")
    }

    @Test func declaredSpeakersAreStrict() throws {
        let text = "# speakers: P01, P02\nP01: ja\nP03: nee\n"
        #expect(throws: IngestError.undeclaredSpeaker(SourceLocation(file: "sessie.txt", line: 3, column: 1), speaker: "P03")) {
            try read(text)
        }
    }

    @Test func unlabelledTextBecomesParagraphs() throws {
        let transcript = try read("Eerste alinea\nloopt door.\n\nTweede alinea.\n")
        #expect(transcript.utterances.map(\.text) == ["Eerste alinea loopt door.", "Tweede alinea."])
        #expect(transcript.utterances.allSatisfy { $0.speakerID == nil })
        #expect(transcript.speakers.isEmpty)
    }

    @Test func customSpeakerPattern() throws {
        let options = ReadOptions(speakerPattern: #"(?<speaker>S\d+) (?<time>[\d:.]+) (?<text>.*)"#)
        let transcript = try read("S1 00:00:01.717 Goedemorgen\nS2 00:00:04.000 Hallo\n", options: options)
        #expect(transcript.utterances.map(\.speakerID) == ["S1", "S2"])
        #expect(transcript.utterances.map(\.start) == [1.717, 4])
    }

    @Test func invalidPatternIsReported() {
        #expect(throws: IngestError.self) { try read("x", options: ReadOptions(speakerPattern: "(?<speaker>a")) }
        #expect(throws: IngestError.invalidSpeakerPattern("(?<who>.*)", reason: "needs a named group (?<speaker>…)")) {
            try read("x", options: ReadOptions(speakerPattern: "(?<who>.*)"))
        }
    }

    @Test func invalidTimestampNamesLineAndColumn() {
        #expect(throws: IngestError.invalidTime(SourceLocation(file: "sessie.txt", line: 2, column: 1), value: "00:75:10")) {
            try read("P1: a\n[00:75:10] P1: b\n")
        }
    }

    @Test func invalidUTF8IsReadAsWindows1252WithANoticeOrRefusedWhenUTF8IsNamed() throws {
        var bytes = Array("P1: goed\nP2: caf".utf8)
        bytes.append(0xE9)
        bytes += Array(" slecht\n".utf8)
        let guessed = try PlainTextReader().read(SourceFile(path: "x.txt", bytes: bytes), options: ReadOptions())
        #expect(guessed.utterances.map(\.text) == ["goed", "café slecht"])
        #expect(guessed.notices.map(\.kind) == [.encodingGuessed])
        #expect(guessed.notices.map(\.location) == [SourceLocation(file: "x.txt", line: 2, column: 8)])
        #expect(throws: IngestError.invalidUTF8(SourceLocation(file: "x.txt", line: 2, column: 8))) {
            try PlainTextReader().read(SourceFile(path: "x.txt", bytes: bytes), options: ReadOptions(encoding: .utf8))
        }
    }

    @Test func nulBytesAreBinary() {
        #expect(throws: IngestError.binaryContent(SourceLocation(file: "x.txt", line: 1, column: 3))) {
            try PlainTextReader().read(SourceFile(path: "x.txt", bytes: [0x41, 0x42, 0, 0x43]), options: ReadOptions())
        }
    }

    @Test func whitespaceOnlyIsEmpty() {
        #expect(throws: IngestError.emptyFile(SourceLocation(file: "sessie.txt"))) { try read(" \n\n") }
    }

    @Test func utf16WithBOMIsRead() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "P1: één\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let transcript = try PlainTextReader().read(SourceFile(path: "u.txt", bytes: bytes), options: ReadOptions())
        #expect(transcript.utterances.map(\.text) == ["één"])
    }
}
