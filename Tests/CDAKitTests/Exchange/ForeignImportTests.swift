import CDAKit
import CDATestSupport
import Foundation
import Testing
import ZIPFoundation

/// Projects written the way other tools write them, built here from the structure REFI-QDA 1.5
/// documents: braces and uppercase in GUIDs, a byte order mark and CRLF line ends in the plain
/// text, a folder code, nested and duplicate codes, cases with typed variables, notes, links, sets
/// of sources and a PDF source.
@Suite struct ForeignImportTests {
    static let text =
        "\u{FEFF}Interviewer: Hoe gaat het?\r\nMia: Goed 😀, dank je.\r\n\r\nInterviewer: En de gemeente?\r\nMia: Die vertrouw ik niet.\r\n"

    /// The code-point position of `part` in `text`, counted without the byte order mark.
    static func position(of part: String, in text: String = text) -> Int {
        let body = String(text.dropFirst())
        let range = body.range(of: part)!
        return body.unicodeScalars.distance(from: body.unicodeScalars.startIndex, to: range.lowerBound)
    }

    static func end(of part: String) -> Int { position(of: part) + part.unicodeScalars.count }

    static var qde: String {
        """
        <?xml version="1.0" encoding="utf-8" standalone="yes"?>
        <Project xmlns="urn:QDA-XML:project:1.0" name="Interviews" origin="Andere Tool 23.1" creationDateTime="2024-03-27T17:46:39Z">
          <Users>
            <User guid="{AD68FBE7-E1EE-4A82-A279-23CC698C89EB}" name="Sam"/>
          </Users>
          <CodeBook>
            <Codes>
              <Code guid="C0000000-0000-4000-8000-000000000001" name="Thema's" isCodable="false">
                <Code guid="C0000000-0000-4000-8000-000000000002" name="trust" isCodable="true" color="#F00082">
                  <Description>Vertrouwen in instanties</Description>
                  <NoteRef targetGUID="D0000000-0000-4000-8000-000000000001"/>
                </Code>
                <Code guid="C0000000-0000-4000-8000-000000000003" name="&quot;rushed&quot;" isCodable="true"/>
              </Code>
              <Code guid="C0000000-0000-4000-8000-000000000004" name="trust" isCodable="true"/>
            </Codes>
          </CodeBook>
          <Variables>
            <Variable guid="E0000000-0000-4000-8000-000000000001" name="age" typeOfVariable="Integer"/>
            <Variable guid="E0000000-0000-4000-8000-000000000002" name="site" typeOfVariable="Text"/>
          </Variables>
          <Cases>
            <Case guid="F0000000-0000-4000-8000-000000000001" name="Interviewer">
              <VariableValue><VariableRef targetGUID="E0000000-0000-4000-8000-000000000002"/><TextValue>Utrecht</TextValue></VariableValue>
            </Case>
            <Case guid="F0000000-0000-4000-8000-000000000002" name="Mia">
              <VariableValue><VariableRef targetGUID="E0000000-0000-4000-8000-000000000001"/><IntegerValue>67</IntegerValue></VariableValue>
              <SourceRef targetGUID="A0000000-0000-4000-8000-000000000001"/>
            </Case>
            <Case guid="F0000000-0000-4000-8000-000000000003" name="Nobody"/>
          </Cases>
          <Sources>
            <TextSource guid="A0000000-0000-4000-8000-000000000001" name="Interview Mia.docx"
                plainTextPath="internal://A0000000-0000-4000-8000-000000000001.txt" richTextPath="internal://B0000000-0000-4000-8000-000000000009.docx"
                creatingUser="AD68FBE7-E1EE-4A82-A279-23CC698C89EB" creationDateTime="2024-03-27T17:50:00Z">
              <Description>Eerste interview</Description>
              <PlainTextSelection guid="B0000000-0000-4000-8000-000000000001" name="Die vertrouw ik niet"
                  startPosition="\(position(of: "vertrouw ik niet"))" endPosition="\(end(of: "vertrouw ik niet"))"
                  creatingUser="AD68FBE7-E1EE-4A82-A279-23CC698C89EB" creationDateTime="2024-03-27T18:00:00Z">
                <Description>Kern van het interview</Description>
                <Coding guid="B1000000-0000-4000-8000-000000000001" creatingUser="AD68FBE7-E1EE-4A82-A279-23CC698C89EB">
                  <CodeRef targetGUID="C0000000-0000-4000-8000-000000000002"/>
                </Coding>
              </PlainTextSelection>
              <PlainTextSelection guid="B0000000-0000-4000-8000-000000000002" startPosition="\(position(of: "Goed"))" endPosition="\(end(of: "En de gemeente"))">
                <Coding guid="B1000000-0000-4000-8000-000000000002"><CodeRef targetGUID="C0000000-0000-4000-8000-000000000003"/></Coding>
              </PlainTextSelection>
              <PlainTextSelection guid="B0000000-0000-4000-8000-000000000003" startPosition="\(position(of: "Mia: Goed"))" endPosition="\(end(of: "Goed 😀"))">
                <Coding guid="B1000000-0000-4000-8000-000000000003"><CodeRef targetGUID="C0000000-0000-4000-8000-000000000004"/></Coding>
              </PlainTextSelection>
              <PlainTextSelection guid="B0000000-0000-4000-8000-000000000004" startPosition="\(end(of: "dank je."))" endPosition="\(end(of: "dank je.") + 4)">
                <Coding guid="B1000000-0000-4000-8000-000000000004"><CodeRef targetGUID="C0000000-0000-4000-8000-000000000004"/></Coding>
              </PlainTextSelection>
              <Coding guid="B1000000-0000-4000-8000-000000000005"><CodeRef targetGUID="C0000000-0000-4000-8000-000000000004"/></Coding>
              <NoteRef targetGUID="D0000000-0000-4000-8000-000000000002"/>
              <VariableValue><VariableRef targetGUID="E0000000-0000-4000-8000-000000000002"/><TextValue>Amsterdam</TextValue></VariableValue>
            </TextSource>
            <TextSource guid="A0000000-0000-4000-8000-000000000002" name="Aantekening">
              <PlainTextContent>Losse aantekening zonder sprekers.</PlainTextContent>
            </TextSource>
            <PDFSource guid="A0000000-0000-4000-8000-000000000003" name="Rapport.pdf" path="internal://A0000000-0000-4000-8000-000000000003.pdf"/>
          </Sources>
          <Notes>
            <Note guid="D0000000-0000-4000-8000-000000000001" name="Over trust" creatingUser="AD68FBE7-E1EE-4A82-A279-23CC698C89EB">
              <PlainTextContent>Vertrouwen wisselt per instantie.</PlainTextContent>
            </Note>
            <Note guid="D0000000-0000-4000-8000-000000000002" name="Over het interview"><PlainTextContent>Rustig gesprek.</PlainTextContent></Note>
            <Note guid="D0000000-0000-4000-8000-000000000003" name="Onderzoeksplan"><PlainTextContent>Tien interviews.</PlainTextContent></Note>
          </Notes>
          <Links>
            <Link guid="D1000000-0000-4000-8000-000000000001" direction="OneWay" originGUID="D0000000-0000-4000-8000-000000000003" targetGUID="B0000000-0000-4000-8000-000000000001"/>
          </Links>
          <Sets>
            <Set guid="D2000000-0000-4000-8000-000000000001" name="Vertrouwen"><MemberCode targetGUID="C0000000-0000-4000-8000-000000000002"/></Set>
            <Set guid="D2000000-0000-4000-8000-000000000002" name="Tekstbestanden"><MemberSource targetGUID="A0000000-0000-4000-8000-000000000001"/></Set>
          </Sets>
        </Project>
        """
    }

    /// Writes an archive with the given entries.
    static func archive(_ entries: [(String, [UInt8])], at path: String) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, bytes) in entries {
            let data = Data(bytes)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
                position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    static func foreignArchive(in folder: TemporaryDirectory, qde: String = qde) throws -> String {
        let path = folder.file("andere.qdpx")
        try archive(
            [
                ("project.qde", Array(qde.utf8)),
                ("Sources/A0000000-0000-4000-8000-000000000001.txt", Array(text.utf8)),
                ("Sources/B0000000-0000-4000-8000-000000000009.docx", [0x50, 0x4B]),
            ], at: path)
        return path
    }

    @Test func anotherToolsProjectIsMapped() throws {
        let folder = TemporaryDirectory()
        let path = try Self.foreignArchive(in: folder)
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        // One selection covers only line breaks: a strict import refuses the file, naming it.
        let refused = #expect(throws: ExchangeError.self) {
            try REFIExchange.importProject(path, into: store, options: .init(schemas: ExchangeFixtures.schemas, actor: "carla"))
        }
        #expect(String(describing: refused!).contains("selection b0000000-0000-4000-8000-000000000004"))
        let result = try REFIExchange.importProject(
            path, into: store, options: .init(schemas: ExchangeFixtures.schemas, lenient: true, actor: "carla"))
        #expect(result.documentsAdded == ["Interview Mia", "Aantekening"])
        #expect(result.positions.map(\.reading) == [PositionReading(unit: .codePoints), PositionReading(unit: .codePoints)])
        #expect(result.positions.map(\.basis) == [.evidence, .indistinguishable])

        let utterances = try store.utterances(of: "Interview Mia")
        #expect(utterances.map(\.speaker) == ["Interviewer", "Mia", "Interviewer", "Mia"])
        #expect(utterances.map(\.text) == ["Hoe gaat het?", "Goed 😀, dank je.", "En de gemeente?", "Die vertrouw ik niet."])
        #expect(try store.utterances(of: "Aantekening").map(\.speaker) == [nil])
        #expect(try store.documents().first?.attributes == ["site": "Amsterdam"])
        let speakers = try store.speakers()
        #expect(speakers.map(\.id) == ["Interviewer", "Mia"])
        #expect(speakers.map(\.attributes) == [["site": "Utrecht"], ["age": "67"]])

        let codes = try store.codes()
        #expect(codes.map(\.name) == ["Thema's", "rushed", "trust", "trust (2)"])
        #expect(codes.map(\.parent) == [nil, "Thema's", "Thema's", nil])
        #expect(codes[1].origin == .inVivo)
        #expect(codes[2].color == "#F00082")
        #expect(codes[2].description == "Vertrouwen in instanties")

        #expect(try store.fragments(code: "trust").map(\.text) == ["vertrouw ik niet"])
        #expect(try store.fragments(code: "trust").map(\.coders) == [["Sam"]])
        #expect(try store.fragments(code: "rushed").map(\.text) == ["Goed 😀, dank je.\nEn de gemeente"])
        // A whole-source coding covers every utterance; a selection from inside the label "Mia: " is
        // trimmed to the utterance. Codings without a user take the source's creator.
        #expect(
            try store.fragments(code: "trust (2)").map(\.text) == [
                "Hoe gaat het?\nGoed 😀, dank je.\nEn de gemeente?\nDie vertrouw ik niet.", "Goed 😀",
            ])
        #expect(try store.fragments(code: "trust (2)").map(\.coders) == [["Sam"], ["Sam"]])
        let memo = try #require(store.sheetRows().first { $0[4] == "trust" }?[7])
        #expect(memo == "Kern van het interview")

        #expect(try store.memo(on: .code("trust")) == "Vertrouwen wisselt per instantie.")
        #expect(try store.memo(on: .document("Interview Mia")) == "Eerste interview\n\nRustig gesprek.")
        #expect(try store.memo(on: .project) == "Onderzoeksplan\n\nTien interviews.")
        #expect(try store.themes().map { "\($0.id)|\($0.label)|\($0.codes)" } == ["vertrouwen|Vertrouwen|[\"trust\"]"])

        let report = (result.notMapped + result.leftOut).joined(separator: "\n")
        #expect(result.leftOut.count == 1)
        #expect(report.contains("a PDFSource 'Rapport.pdf' is not imported"))
        #expect(report.contains("1 link(s) between items are not imported"))
        #expect(report.contains("set 'Tekstbestanden' groups sources, not codes"))
        #expect(report.contains("case(s) match no speaker label in the texts and were not imported: Nobody"))
        #expect(report.contains("covers no utterance text"))
        #expect(
            report.contains(
                "selection b0000000-0000-4000-8000-000000000003 (\(Self.position(of: "Mia: Goed"))–\(Self.end(of: "Goed 😀"))) in 'Interview Mia' began or ended inside a speaker label or line break"
            ))
        #expect(report.contains("code 'trust' occurs more than once; this one is named 'trust (2)'"))
        #expect(!report.contains("vertrouw"))
    }

    @Test(.needsShared("standards/refi-qda"))
    func projectFailingTheSchemaIsRefusedUnlessLenient() throws {
        let folder = TemporaryDirectory()
        let broken = Self.qde
            .replacingOccurrences(of: "startPosition=\"\(Self.position(of: "Goed"))\" ", with: "")
            .replacingOccurrences(of: "<Code guid=\"C0000000-0000-4000-8000-000000000004\"", with: "<Code guid=\"not-a-guid\"")
        let path = try Self.foreignArchive(in: folder, qde: broken)
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        let schemas = try #require(ExchangeFixtures.schemas)
        let error = #expect(throws: ExchangeError.self) {
            try REFIExchange.importProject(path, into: store, options: .init(schemas: schemas, actor: "carla"))
        }
        guard case .schemaViolations(let file, _, let violations)? = error else {
            Issue.record("wrong error \(String(describing: error))")
            return
        }
        #expect(file.hasSuffix("andere.qdpx/project.qde"))
        #expect(violations.count == 2)
        #expect(String(describing: error!).contains("andere.qdpx/project.qde:\(violations[0].line):"))
        #expect(try store.documents().isEmpty)

        let lenient = try REFIExchange.importProject(path, into: store, options: .init(schemas: schemas, lenient: true, actor: "carla"))
        #expect(lenient.documentsAdded == ["Interview Mia", "Aantekening"])
        // The code with a broken id is kept under a new GUID; codings that named its old GUID are left out.
        #expect(try store.codes().map(\.name) == ["Thema's", "rushed", "trust", "trust (2)"])
        #expect(try store.fragments(code: "trust").count == 1)
        #expect(lenient.repairs == ["\(path)/project.qde:15: code 'not-a-guid' had no valid guid; given a new one"])
        let report = (lenient.notMapped + lenient.leftOut).joined(separator: "\n")
        #expect(report.contains("fails the schema in 2 place(s)"))
        #expect(
            report.contains("selection b0000000-0000-4000-8000-000000000002 has no whole-number startPosition and endPosition; left out"))
        #expect(report.contains("which the codebook does not define"))
    }

    @Test func codebookFromAnotherToolMatchesExistingCodesByName() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        _ = try store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "loket", coder: "a"))
        let path = folder.write("codes.qdc", ExchangeFixtures.codebook)
        let result = try REFIExchange.importCodebook(path, into: store, options: .init(schemas: ExchangeFixtures.schemas, actor: "a"))
        #expect(result.codesMatched == 1)
        #expect(result.codesCreated == 3)
        #expect(result.themesAdded == 1)
        let codes = try store.codes()
        #expect(codes.first { $0.name == "loket" }?.description == "Eén plek om iets te regelen.")
        #expect(codes.first { $0.name == "nationale trots" }?.parent == "china")
        let again = try REFIExchange.importCodebook(path, into: store, options: .init(schemas: ExchangeFixtures.schemas, actor: "a"))
        #expect(again.codesCreated == 0)
        #expect(again.themesAdded == 0)
        #expect(try store.codes().count == 4)
    }

    @Test func documentWithTheSameIdAndOtherTextIsRefusedWhole() throws {
        let folder = TemporaryDirectory()
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        let other = try PlainTextReader().read(
            SourceFile(path: "Interview Mia.txt", bytes: Array("Mia: Iets anders.\n".utf8)), options: ReadOptions())
        _ = try store.save(other, replace: false)
        let path = try Self.foreignArchive(in: folder)
        let error = #expect(throws: ExchangeError.self) {
            try REFIExchange.importProject(path, into: store, options: .init(schemas: nil, lenient: true, actor: "carla"))
        }
        #expect(error == .documentConflict(file: path, document: "Interview Mia"))
        #expect(try store.documents().map(\.id) == ["Interview Mia"])
        #expect(try store.codes().isEmpty)
    }
}
