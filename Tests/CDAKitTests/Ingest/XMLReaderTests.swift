import CDAKit
import CDATestSupport
import Testing

@Suite struct XMLReaderTests {
    private func source(_ text: String, _ name: String = "doc.xml") -> SourceFile {
        SourceFile(path: name, bytes: Array(text.utf8))
    }

    @Test func transcriptXMLReadsSpeakersTurnsAndSections() throws {
        let transcript = try TranscriptXMLReader().read(source(Fixtures.transcriptXML), options: ReadOptions())
        #expect(transcript.document.id == "experts-x")
        #expect(transcript.document.title == "Expertsessie")
        #expect(transcript.document.attributes == ["group": "experts", "session": "morning"])
        #expect(
            transcript.speakers == [
                Speaker(id: "M", name: "Gespreksleider", role: .moderator),
                Speaker(id: "E01", role: .participant, attributes: ["sector": "wetenschap"]),
            ])
        #expect(transcript.utterances.map(\.text) == ["Wat ziet u?", "Publieke waarden & efficiëntie.", "Het mattheüseffect."])
        #expect(transcript.utterances.map(\.section) == ["plenary", "plenary", "subgroup A"])
        #expect(transcript.utterances[1].start == 20)
        #expect(transcript.utterances[1].end == 60)
    }

    @Test func transcriptXMLRejectsUndeclaredSpeaker() {
        let xml = #"<transcript><speakers><speaker id="A"/></speakers><turn speaker="B">x</turn></transcript>"#
        let error = #expect(throws: IngestError.self) { try TranscriptXMLReader().read(source(xml), options: ReadOptions()) }
        guard case .undeclaredSpeaker(let location, "B")? = error else {
            Issue.record("wrong error \(String(describing: error))")
            return
        }
        #expect(location.file == "doc.xml")
        #expect(location.line == 1)
    }

    @Test func teiJoinsSegsAndSkipsNonSpeech() throws {
        let transcript = try TEIReader().read(source(Fixtures.tei), options: ReadOptions())
        #expect(transcript.document.id == "tei-test")
        #expect(transcript.document.title == "Nederlandse titel")
        #expect(transcript.document.attributes == ["language": "nl", "date": "2024-05-01"])
        #expect(transcript.utterances.map(\.text) == ["Ik open de vergadering.", "Eerste deel. Tweede deel."])
        #expect(transcript.utterances.map(\.sourceReference) == ["s1", "s2 s3"])
        #expect(transcript.utterances.map(\.section) == ["debateSection", "debateSection"])
        #expect(
            transcript.speakers == [
                Speaker(id: "Chair1", name: "Ada de Boer", role: .moderator, attributes: ["sex": "F"]),
                Speaker(id: "Member2", name: "Bram Ünal", role: .participant, attributes: ["party": "Y"]),
            ])
    }

    @Test func teiCorpusRootIsExplained() {
        let xml = #"<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><TEI/></teiCorpus>"#
        #expect(throws: IngestError.self) { try TEIReader().read(source(xml), options: ReadOptions()) }
    }

    @Test func truncatedXMLNamesPosition() {
        let xml = "<?xml version=\"1.0\"?>\n<transcript><speakers><speaker id=\"A\"/></speakers><turn speaker=\"A\">Hallo</tu"
        do {
            _ = try TranscriptXMLReader().read(source(xml), options: ReadOptions())
            Issue.record("truncated XML was accepted")
        } catch {
            guard case .malformedXML(let location, _) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(location.line == 2)
            #expect(String(describing: error).hasPrefix("doc.xml:2:"))
        }
    }

    @Test func externalEntityIsNeverExpanded() throws {
        let folder = TemporaryDirectory()
        let secret = folder.write("secret.txt", "GEHEIM-7781")
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE transcript [<!ENTITY xxe SYSTEM "file://\(secret)">]>
            <transcript><speakers><speaker id="A"/></speakers><turn speaker="A">Hallo &xxe;</turn></transcript>
            """
        do {
            _ = try TranscriptXMLReader().read(source(xml), options: ReadOptions())
            Issue.record("XXE document was accepted")
        } catch {
            guard case .entityDeclarations(let location) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(location.line == 3)
            #expect(!String(describing: error).contains("GEHEIM"))
        }
    }

    @Test func billionLaughsFails() {
        var declarations = #"<!ENTITY l0 "lol">"#
        for level in 1...9 {
            declarations += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
        }
        let xml =
            "<?xml version=\"1.0\"?><!DOCTYPE t [\(declarations)]><transcript><speakers><speaker id=\"A\"/></speakers><turn speaker=\"A\">&l9;</turn></transcript>"
        #expect(throws: IngestError.self) { try TranscriptXMLReader().read(source(xml), options: ReadOptions()) }
    }

    @Test func deepNestingFailsWithinLimits() {
        let xml = "<transcript>" + String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000) + "</transcript>"
        #expect(throws: IngestError.self) { try TranscriptXMLReader().read(source(xml), options: ReadOptions()) }
    }

    @Test func formatDetectionUsesRootElement() throws {
        #expect(try FormatDetector.format(of: source(Fixtures.tei)) == .tei)
        #expect(try FormatDetector.format(of: source(Fixtures.transcriptXML)) == .transcriptXML)
        #expect(throws: IngestError.self) { try FormatDetector.format(of: source("<listPerson/>")) }
        #expect(try FormatDetector.format(of: source("x", "a.srt")) == .srt)
        #expect(throws: IngestError.self) { try FormatDetector.format(of: source("x", "a.docx")) }
    }
}
