import CDAKit
import CDATestSupport
import Foundation
import Testing

@Suite struct ProjectStoreTests {
    @Test func createSetsOwnerOnlyPermissionsAndRefusesOverwrite() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("p.cda")
        _ = try ProjectStore.create(at: path)
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        #expect(throws: StoreError.projectExists(path: path)) { try ProjectStore.create(at: path) }
    }

    @Test func openRefusesMissingAndForeignFiles() throws {
        let folder = TemporaryDirectory()
        #expect(throws: StoreError.projectMissing(path: folder.file("none.cda"))) { try ProjectStore.open(at: folder.file("none.cda")) }
        let text = folder.write("notes.cda", "just some notes, not a database")
        #expect(throws: StoreError.self) { try ProjectStore.open(at: text) }
    }

    @Test func summariesCountUtterancesSpeakersAndWords() throws {
        let folder = TemporaryDirectory()
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        let source = SourceFile(path: "t.txt", bytes: Array(Fixtures.plainText.utf8))
        let transcript = try PlainTextReader().read(source, options: ReadOptions())
        #expect(try store.save(transcript, replace: false) == .ingested)
        let documents = try store.documents()
        #expect(documents.count == 1)
        #expect(documents[0].id == "t")
        #expect(documents[0].group == "citizens")
        #expect(documents[0].utterances == 4)
        #expect(documents[0].speakers == 3)
        #expect(documents[0].words == 4 + 13 + 2 + 2)
        let speakers = try store.speakers()
        #expect(speakers.map(\.id) == ["GL", "P01", "P02"])
        #expect(speakers.map(\.words) == [4, 15, 2])
        #expect(speakers.map(\.group) == ["citizens", "citizens", "citizens"])
        #expect(speakers[1].attributes == ["agegroup": "18-34"])
        let shown = try store.utterances(of: "t", in: 2...3)
        #expect(shown.map(\.index) == [2, 3])
        #expect(shown[0].role == .participant)
        #expect(throws: CorpusError.unknownDocument("tt", suggestion: "t")) { try store.utterances(of: "tt") }
    }

    @Test func sameContentIsUnchangedAndChangedContentNeedsReplace() throws {
        let folder = TemporaryDirectory()
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        let first = try PlainTextReader().read(SourceFile(path: "d.txt", bytes: Array("A1: een\nB2: twee\n".utf8)), options: ReadOptions())
        let second = try PlainTextReader().read(
            SourceFile(path: "d.txt", bytes: Array("A1: een\nB2: drie vier\n".utf8)), options: ReadOptions())
        #expect(try store.save(first, replace: false) == .ingested)
        #expect(try store.save(first, replace: false) == .unchanged)
        #expect(throws: IngestError.documentChanged(SourceLocation(file: "d.txt"), documentID: "d")) {
            try store.save(second, replace: false)
        }
        #expect(try store.documents()[0].words == 2)
        #expect(try store.save(second, replace: true) == .replaced)
        #expect(try store.documents()[0].words == 3)
    }

    @Test func reopenedProjectKeepsData() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("p.cda")
        do {
            let store = try ProjectStore.create(at: path)
            let transcript = try TranscriptXMLReader().read(
                SourceFile(path: "x.xml", bytes: Array(Fixtures.transcriptXML.utf8)), options: ReadOptions())
            _ = try store.save(transcript, replace: false)
        }
        let reopened = try ProjectStore.open(at: path)
        #expect(try reopened.documents().map(\.id) == ["experts-x"])
        #expect(try reopened.speakers().first { $0.id == "M" }?.role == .moderator)
    }
}
