import CDAKit
import CDATestSupport
import Foundation
import Testing

@Suite struct TranscriberReaderTests {
    /// A Transcriber file in ISO-8859-1, with a topic, sync points inside a turn, an event, a turn
    /// shared by two speakers (overlapping speech), a speaker without a name and a turn without one.
    static let latin1: [UInt8] = Array(
        """
        <?xml version="1.0" encoding="ISO-8859-1"?>
        <!DOCTYPE Trans SYSTEM "trans-14.dtd">
        <Trans scribe="test" audio_filename="avond" version="1">
        <Topics><Topic id="to1" desc="plenair"/></Topics>
        <Speakers>
        <Speaker id="spk1" name="GL" check="no" dialect="native" accent="" scope="local"/>
        <Speaker id="spk2" name="P01" check="no" type="female" dialect="native" accent="" scope="local"/>
        <Speaker id="spk3" check="no" type="male" scope="local"/>
        </Speakers>
        <Episode>
        <Section type="report" topic="to1" startTime="0" endTime="30">
        <Turn speaker="spk1" startTime="0" endTime="3"><Sync time="0"/>
        Goedenavond.
        </Turn>
        <Turn speaker="spk2" endTime="9.5"><Sync time="3"/>
        Ik vind het
        <Sync time="5.25"/>
        té ingewikkeld. <Event desc="lacht" type="noise" extent="instantaneous"/> Echt.
        </Turn>
        <Turn speaker="spk2 spk3" startTime="9.5" endTime="11"><Sync time="9.5"/>
        <Who nb="1"/> Ja.
        <Who nb="2"/> Nee hoor!
        </Turn>
        <Turn startTime="11" endTime="12"><Sync time="11"/></Turn>
        </Section>
        <Section type="nontrans" startTime="30" endTime="40"/>
        </Episode>
        </Trans>
        """.utf8
    ).map { $0 }  // ASCII so far; the accented letters are patched in below.

    private static func latin1Bytes() -> [UInt8] {
        // "té" written as ISO-8859-1: é = 0xE9.
        var text = String(decoding: latin1, as: UTF8.self)
        text = text.replacingOccurrences(of: "té", with: "t\u{E9}")
        return Array(text.data(using: .isoLatin1)!)
    }

    private func read(_ bytes: [UInt8], _ name: String = "avond.trs") throws -> Transcript {
        try TranscriberReader().read(SourceFile(path: name, bytes: bytes), options: ReadOptions())
    }

    @Test func turnsSyncPointsAndSharedTurns() throws {
        let bytes = Self.latin1Bytes()
        #expect(bytes.contains(0xE9))
        let transcript = try read(bytes)
        #expect(transcript.document.format == .transcriber)
        #expect(transcript.document.attributes == ["media": "avond", "overlaps": "1"])
        #expect(transcript.utterances.map(\.speakerID) == ["GL", "P01", "P01", "spk3"])
        #expect(transcript.utterances.map(\.text) == ["Goedenavond.", "Ik vind het té ingewikkeld. Echt.", "Ja.", "Nee hoor!"])
        #expect(transcript.utterances.map(\.start) == [0, 3, 9.5, 9.5])
        #expect(transcript.utterances.map(\.end) == [3, 9.5, 11, 11])
        #expect(transcript.utterances.map(\.section) == ["plenair", "plenair", "plenair", "plenair"])
        #expect(
            transcript.speakers == [
                Speaker(id: "GL", attributes: ["dialect": "native"]),
                Speaker(id: "P01", attributes: ["type": "female", "dialect": "native"]),
                Speaker(id: "spk3", attributes: ["type": "male"]),
            ])
    }

    @Test func paddedTimesAsRealFilesHaveThemRead() throws {
        let text = String(decoding: Self.latin1, as: UTF8.self)
            .replacingOccurrences(of: "<Sync time=\"5.25\"/>", with: "<Sync time=\" 5.25\"/>")
            .replacingOccurrences(of: "startTime=\"9.5\"", with: "startTime=\"9.5 \"")
            .replacingOccurrences(of: "té", with: "t\u{E9}")
        let transcript = try read(Array(try #require(text.data(using: .isoLatin1))))
        #expect(transcript.utterances.map(\.start) == [0, 3, 9.5, 9.5])
        #expect(transcript.utterances.map(\.text) == ["Goedenavond.", "Ik vind het té ingewikkeld. Echt.", "Ja.", "Nee hoor!"])
    }

    @Test func undeclaredSpeakerAndBadTimesNamePositions() {
        let text = String(decoding: Self.latin1, as: UTF8.self)
        let undeclared = Array(text.replacingOccurrences(of: "speaker=\"spk1\"", with: "speaker=\"spk9\"").utf8)
        let error = #expect(throws: IngestError.self) { try read(undeclared) }
        guard case .undeclaredSpeaker(let location, "spk9")? = error else {
            Issue.record("wrong error \(String(describing: error))")
            return
        }
        #expect(location.line == 12)
        let badTime = Array(text.replacingOccurrences(of: "<Sync time=\"5.25\"/>", with: "<Sync time=\"abc\"/>").utf8)
        #expect(throws: IngestError.self) { try read(badTime) }
        let badWho = Array(text.replacingOccurrences(of: "<Who nb=\"2\"/>", with: "<Who nb=\"3\"/>").utf8)
        #expect(throws: IngestError.self) { try read(badWho) }
    }

    @Test func bundledSamplesIngest() throws {
        let folder = TemporaryDirectory()
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        let samples = SharedData.repositoryRoot + "/Corpora/samples"
        let outcomes = try Ingester(store: store, options: .init()).ingest(paths: [
            samples + "/buurtavond.trs", samples + "/focusgroep-overlap.eaf",
        ])
        #expect(outcomes.map(\.status) == ["ingested", "ingested"])
        let trs = try store.utterances(of: "buurtavond")
        #expect(trs.map(\.speaker) == ["Gespreksleider", "P01", "P01", "P02", "P02"])
        #expect(trs[4].text.hasPrefix("Een telefoonnummer"))
        #expect(trs[3].text == "Precies, één loket.")
        let eaf = try store.utterances(of: "focusgroep-overlap")
        #expect(eaf.map(\.speaker) == ["Gespreksleider", "P01", "P02", "Gespreksleider"])
        #expect(try store.documents().first { $0.id == "focusgroep-overlap" }?.attributes["overlaps"] == "1")
    }
}

/// Inputs the fuzzer found crashing, kept as regression tests.
@Suite struct TranscriberFuzzRegressionTests {
    @Test func whoInATurnWithoutSpeakersIsAnErrorNotACrash() {
        let text = """
            <?xml version="1.0"?>
            <Trans><Speakers><Speaker id="spk1" name="A"/></Speakers>
            <Episode><Section type="report" startTime="0" endTime="2">
            <Turn startTime="0" endTime="2"><Sync time="0"/>een<Who nb="1"/>twee</Turn>
            </Section></Episode></Trans>
            """
        let error = #expect(throws: IngestError.self) {
            try TranscriberReader().read(SourceFile(path: "fuzz.trs", bytes: Array(text.utf8)), options: ReadOptions())
        }
        guard case .undefinedReference(_, "Who", "nb", "1")? = error else {
            Issue.record("wrong error \(String(describing: error))")
            return
        }
    }

    @Test func everyRecordedCrashInputNowFailsCleanly() throws {
        let folder = SharedData.repositoryRoot + "/Fuzz/regressions"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".trs") }
        #expect(!files.isEmpty)
        for file in files {
            let source = try SourceFile(contentsOf: folder + "/" + file)
            #expect(throws: IngestError.self, "\(file)") { try TranscriberReader().read(source, options: ReadOptions()) }
        }
    }
}
