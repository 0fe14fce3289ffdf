import CDATestSupport
import Foundation
import Testing

@testable import CDAKit

/// A fictional Dutch workshop in CHAT, written for these tests. `•` stands for the media bullet
/// delimiter U+0015 and is replaced before use; the file is saved with CRLF line breaks.
///
/// It has `@Font` before `@UTF8`, a `@Participants` header continued on a tab line, a moderator
/// (Investigator), a declared participant who never speaks (P03), a pseudo-participant (ENV),
/// a main tier continued on a tab line with a bullet on each line, `%com` dependent tiers, a
/// labelled and an unlabelled gem, and a last tier outside any gem and without a bullet.
private let workshopLines = [
    "@Font:\tWin95:Arial:-13:0",  // 1
    "@UTF8",
    "@Begin",
    "@Languages:\tnld",
    "@Participants:\tGL Gespreksleider Investigator, P01 Ans Participant, P02 Participant,",  // 5
    "\tP03 Bram Participant, ENV Environment",
    "@ID:\tnld|werkplaats|GL|||||Investigator|||",
    "@ID:\tnld|werkplaats|P01|45;|female|burgers||Participant|hbo||",
    "@Date:\t14-MAR-2024",
    "@Location:\tUtrecht, buurthuis",  // 10
    "@Situation:\tworkshop over digitale dienstverlening",
    "@Media:\twerkplaats-3, audio",
    "@Comment:\tfictief, geschreven voor de tests",
    "@Bg:\tplenair",
    "*GL:\twelkom  allemaal , fijn dat jullie er zijn . •0_4200•",  // 15
    "*P01:\tik vind één loket belangrijk &=lacht •4200_6000•",
    "\tmaar dan wel met een mens erachter . •6000_9850•",
    "%com:\tP01 wijst naar de flap",
    "*ENV:\t&=deur_gaat_open . •9850_10400•",
    "*P02:\tja [>] +... •10400_12000•",  // 20
    "@Eg:\tplenair",
    "@Bg",
    "*GL:\t<en jij> [<] , P02 ? •12000_13500•",
    "%com:\tP02 knikt",
    "*P02:\tnou ik weet het niet . •13500_15000•",  // 25
    "@Eg",
    "*P01:\tzullen we pauzeren ? ",
    "@End",
]

/// The workshop as a file's bytes, after `edit` (applied to the text with `•` and LF).
private func workshopBytes(_ edit: (String) -> String = { $0 }) -> [UInt8] {
    let text = edit(workshopLines.joined(separator: "\n") + "\n")
    return Array(text.replacingOccurrences(of: "•", with: "\u{15}").replacingOccurrences(of: "\n", with: "\r\n").utf8)
}

private func readCHAT(_ bytes: [UInt8], _ name: String = "werkplaats.cha", options: ReadOptions = ReadOptions()) throws -> Transcript {
    try CHATReader().read(SourceFile(path: name, bytes: bytes), options: options)
}

@Suite struct CHATReaderTests {
    @Test func utterancesKeepTheTranscribersTextWithBulletTimesAndGemSections() throws {
        let bytes = workshopBytes()
        #expect(bytes.contains(0x0D) && bytes.contains(0x15))
        let transcript = try readCHAT(bytes)
        #expect(transcript.document.format == .chat)
        #expect(transcript.document.id == "werkplaats")
        let expected = [
            Utterance(
                index: 1, speakerID: "GL", start: 0, end: 4.2, section: "plenair", text: "welkom allemaal , fijn dat jullie er zijn ."),
            Utterance(
                index: 2, speakerID: "P01", start: 4.2, end: 9.85, section: "plenair",
                text: "ik vind één loket belangrijk &=lacht maar dan wel met een mens erachter ."),
            Utterance(index: 3, speakerID: "ENV", start: 9.85, end: 10.4, section: "plenair", text: "&=deur_gaat_open ."),
            Utterance(index: 4, speakerID: "P02", start: 10.4, end: 12, section: "plenair", text: "ja [>] +..."),
            Utterance(index: 5, speakerID: "GL", start: 12, end: 13.5, section: "gem 2", text: "<en jij> [<] , P02 ?"),
            Utterance(index: 6, speakerID: "P02", start: 13.5, end: 15, section: "gem 2", text: "nou ik weet het niet ."),
            Utterance(index: 7, speakerID: "P01", text: "zullen we pauzeren ?"),
        ]
        #expect(transcript.utterances == expected)
    }

    @Test func speakersComeFromParticipantsAndIDWithRoles() throws {
        let transcript = try readCHAT(workshopBytes())
        #expect(
            transcript.speakers == [
                Speaker(
                    id: "GL", name: "Gespreksleider", role: .moderator,
                    attributes: ["role": "Investigator", "language": "nld", "corpus": "werkplaats"]),
                Speaker(
                    id: "P01", name: "Ans", role: .participant,
                    attributes: [
                        "role": "Participant", "language": "nld", "corpus": "werkplaats", "age": "45;", "sex": "female",
                        "chat-group": "burgers", "education": "hbo",
                    ]),
                Speaker(id: "P02", role: .participant, attributes: ["role": "Participant"]),
                Speaker(id: "P03", name: "Bram", role: .participant, attributes: ["role": "Participant"]),
                Speaker(id: "ENV", role: .observer, attributes: ["role": "Environment"]),
            ])
    }

    @Test func headersBecomeDocumentAttributesAndDecisionsAreNoticed() throws {
        let transcript = try readCHAT(workshopBytes())
        #expect(
            transcript.document.attributes == [
                "languages": "nld", "date": "14-MAR-2024", "location": "Utrecht, buurthuis",
                "situation": "workshop over digitale dienstverlening", "media": "werkplaats-3, audio",
            ])
        #expect(transcript.notices.map(\.kind) == [.other, .event])
        #expect(
            transcript.notices.map(\.location) == [
                SourceLocation(file: "werkplaats.cha", line: 18), SourceLocation(file: "werkplaats.cha", line: 5),
            ])
        #expect(transcript.notices[0].message.contains("%com ×2"))
        #expect(transcript.notices[1].message.contains("'ENV' (role 'Environment')"))
        #expect(transcript.notices[1].message.contains("1 tier(s)"))
    }

    @Test func undeclaredSpeakerNamesFileAndLine() {
        let bytes = workshopBytes { $0.replacingOccurrences(of: "*P02:\tnou", with: "*P09:\tnou") }
        #expect(throws: IngestError.undeclaredSpeaker(SourceLocation(file: "werkplaats.cha", line: 25, column: 2), speaker: "P09")) {
            try readCHAT(bytes)
        }
        let error = IngestError.undeclaredSpeaker(SourceLocation(file: "werkplaats.cha", line: 25, column: 2), speaker: "P09")
        #expect(error.description.hasPrefix("werkplaats.cha:25:2: speaker 'P09' is not declared"))
    }

    @Test func badBulletOnAContinuationLineNamesItsLine() {
        let bytes = workshopBytes { $0.replacingOccurrences(of: "6000_9850", with: "6000_98x50") }
        let column = "\tmaar dan wel met een mens erachter . ".utf8.count + 1
        #expect(throws: IngestError.invalidTime(SourceLocation(file: "werkplaats.cha", line: 17, column: column), value: "6000_98x50")) {
            try readCHAT(bytes)
        }
    }

    @Test(arguments: [
        ("•100_2x00•", "100_2x00"),
        ("•100-200•", "100-200"),
        ("•300_200•", "300_200"),
        ("•100_200_300•", "100_200_300"),
        ("•_200•", "_200"),
        ("••", ""),
        ("•100_200 nog meer", "100_200"),
    ])
    func malformedBulletsAreInvalidTimes(bullet: String, value: String) {
        let text = "@UTF8\n@Begin\n@Participants:\tP01 Participant\n*P01:\tja . \(bullet)\n@End\n"
        let bytes = Array(text.replacingOccurrences(of: "•", with: "\u{15}").utf8)
        // "*P01:\tja . " is 11 bytes: the bullet opens in column 12 of line 4.
        #expect(throws: IngestError.invalidTime(SourceLocation(file: "b.cha", line: 4, column: 12), value: value)) {
            try readCHAT(bytes, "b.cha")
        }
    }

    @Test func tierWithoutCodeAndFileWithoutTiersAreErrors() {
        let noCode = Array("@Begin\n@Participants:\tP01 Participant\n*:\tja .\n@End\n".utf8)
        #expect(throws: IngestError.undeclaredSpeaker(SourceLocation(file: "c.cha", line: 3, column: 2), speaker: "")) {
            try readCHAT(noCode, "c.cha")
        }
        let noTiers = Array("@UTF8\n@Begin\n@Participants:\tP01 Participant\n@End\n*P01:\tna het einde .\n".utf8)
        #expect(throws: IngestError.noUtterances(SourceLocation(file: "d.cha"))) { try readCHAT(noTiers, "d.cha") }
    }

    @Test func lazyGemsCommandLineModeratorsAndLinesAfterEnd() throws {
        let text = """
            @UTF8
            @Begin
            @Participants:\tA Participant, B Teacher
            @G:\tfase een
            *A:\teen .
            @G
            *B:\ttwee .
            @End
            *A:\tdrie .
            """
        let transcript = try readCHAT(Array(text.utf8), "g.cha", options: ReadOptions(moderators: ["A"]))
        #expect(transcript.utterances.map(\.section) == ["fase een", "gem 2"])
        #expect(transcript.speakers.map(\.role) == [.moderator, .moderator])
        #expect(transcript.notices.map(\.location.line) == [9])
    }

    @Test(arguments: [
        ("@Font:\tWin95:Arial:-13:0\r\n@UTF8\r\n@Begin\r\n", DocumentFormat.chat),
        ("\u{FEFF}\n\n@UTF8\n@Begin\n", .chat),
        ("@Begin\n@Participants:\tA Participant\n", .chat),
        ("# title: Werkplaats\nGL: welkom\n", .text),
        ("P01: @UTF8 is geen kop\n", .text),
    ])
    func textFilesThatOpenLikeCHATAreDetected(opening: String, format: DocumentFormat) throws {
        #expect(try FormatDetector.format(of: SourceFile(path: "x.txt", bytes: Array(opening.utf8))) == format)
    }
}

@Suite struct CHATIngestTests {
    @Test func ingesterPicksCHATByExtensionInADirectory() throws {
        let folder = TemporaryDirectory()
        folder.write("in/werkplaats.cha", bytes: workshopBytes())
        folder.write("in/kort.txt", "@UTF8\n@Begin\n@Participants:\tA Participant\n*A:\tkort .\n@End\n")
        folder.write("in/notities.md", "# geen transcript")
        #expect(FormatDetector.transcriptExtensions.contains("cha"))
        #expect(try FormatDetector.format(of: SourceFile(path: "x.CHA", bytes: Array("@Begin".utf8))) == .chat)
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        let outcomes = try Ingester(store: store, options: .init()).ingest(paths: [folder.file("in")])
        #expect(outcomes.map(\.file) == [folder.file("in/kort.txt"), folder.file("in/werkplaats.cha")])
        #expect(outcomes.map(\.format) == [.chat, .chat])
        #expect(outcomes.map(\.status) == ["ingested", "ingested"])
        #expect(outcomes[1].utterances == 7)
        let stored = try store.utterances(of: "werkplaats")
        #expect(stored.map(\.speaker) == ["GL", "P01", "ENV", "P02", "GL", "P02", "P01"])
        #expect(stored.map(\.role) == [.moderator, .participant, .observer, .participant, .moderator, .participant, .participant])
        let speakers = try store.speakers()
        #expect(speakers.first { $0.id == "P03" }?.utterances == 0)
        // CHAT's @ID group is kept as `chat-group`, so it never replaces the document's group.
        #expect(speakers.first { $0.id == "P01" }?.attributes["chat-group"] == "burgers")
        #expect(speakers.first { $0.id == "P01" }?.group == nil)
    }

    @Test func bundledSampleIngests() throws {
        let folder = TemporaryDirectory()
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        let sample = SharedData.repositoryRoot + "/Corpora/samples/wijkwerkplaats.cha"
        let outcomes = try Ingester(store: store, options: .init()).ingest(paths: [sample])
        #expect(outcomes.map(\.status) == ["ingested"])
        let stored = try store.utterances(of: "wijkwerkplaats")
        #expect(stored.map(\.speaker) == ["GL", "P01", "P02", "ENV", "GL", "P01"])
        #expect(stored[1].text == "ik heb het geprobeerd maar &-eh het formulier bleef hangen .")
        #expect(stored.map(\.start) == [0, 3.8, 9.1, 10.6, 10.6, 12.9])
        #expect(stored.allSatisfy { $0.section == "plenair" })
        #expect(try store.speakers().first { $0.id == "ENV" }?.role == .observer)
    }
}

@Suite(.needsShared("corpora/samples/chat"))
struct SharedCHATSampleTests {
    private func sample(_ name: String) throws -> (path: String, transcript: Transcript) {
        let path = try #require(SharedData.path("corpora/samples/chat/" + name))
        return (path, try CHATReader().read(SourceFile(contentsOf: path), options: ReadOptions()))
    }

    /// Main tiers per code, counted on the raw file independently of the reader.
    private func rawMainTiers(_ path: String) throws -> [String: Int] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var counts: [String: Int] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("*") {
            counts[String(line.dropFirst().prefix { $0 != ":" }), default: 0] += 1
        }
        return counts
    }

    @Test func dutchInterviewHas72Utterances() throws {
        let (path, transcript) = try sample("ASTA_01_exp.cha")
        #expect(transcript.utterances.count == 72)
        let bySpeaker = Dictionary(grouping: transcript.utterances, by: { $0.speakerID ?? "" }).mapValues(\.count)
        #expect(bySpeaker == ["INV": 29, "PMA": 43])
        #expect(try bySpeaker == rawMainTiers(path))
        #expect(transcript.speakers.map(\.id) == ["PMA", "INV"])
        #expect(transcript.speakers.map(\.name) == ["pma", "inv"])
        #expect(transcript.speakers.allSatisfy { $0.role == .participant && $0.attributes == ["role": "Other", "language": "nld"] })
        #expect(transcript.document.attributes == ["languages": "nld"])
        #expect(
            transcript.utterances.allSatisfy { $0.start == nil && $0.section == nil && !$0.text.hasSuffix(" ") && !$0.text.contains("  ") })
        #expect(transcript.notices.map(\.message).first?.contains("%xano ×5, %xsid ×43") == true)
    }

    @Test func englishFamilyTalkHasBulletTimesAndASilentMother() throws {
        let (path, transcript) = try sample("eng_multi_speaker.cha")
        #expect(transcript.utterances.count == 12)
        let bySpeaker = Dictionary(grouping: transcript.utterances, by: { $0.speakerID ?? "" }).mapValues(\.count)
        #expect(bySpeaker == ["FAT": 8, "CHI": 4])
        #expect(try bySpeaker == rawMainTiers(path))
        #expect(transcript.speakers.map(\.id) == ["FAT", "CHI", "MOT"])
        #expect(transcript.speakers.allSatisfy { $0.role == .participant })
        #expect(
            transcript.speakers[1].attributes == [
                "role": "Target_Child", "language": "eng", "corpus": "MacWhinney", "age": "1;04.11", "sex": "male", "chat-group": "TD",
            ])
        #expect(transcript.utterances.first?.start == 0.6)
        #expect(transcript.utterances.last?.end == 17.618)
        #expect(transcript.utterances.allSatisfy { $0.start != nil && $0.end != nil && !$0.text.contains("\u{15}") })
        #expect(transcript.notices.isEmpty)
    }
}
