import CDATestSupport
import Foundation
import Testing

@testable import CDAKit

@Suite struct IngesterTests {
    private func project(_ folder: TemporaryDirectory) throws -> ProjectStore {
        try ProjectStore.create(at: folder.file("p.cda"))
    }

    @Test func walksDirectoriesAndOverridesGroup() throws {
        let folder = TemporaryDirectory()
        folder.write("in/a.txt", Fixtures.plainText)
        folder.write("in/sub/b.xml", Fixtures.transcriptXML)
        folder.write("in/sub/c.vtt", Fixtures.vtt)
        folder.write("in/notes.md", "# not a transcript")
        folder.write("in/people.xml", "<listPerson/>")
        let store = try project(folder)
        let outcomes = try Ingester(store: store, options: .init(group: "g1")).ingest(paths: [folder.file("in")])
        #expect(outcomes.map(\.status) == ["ingested", "skipped", "ingested", "ingested"])
        #expect(try store.documents().map(\.id) == ["a", "experts-x", "c"])
        #expect(try store.documents().allSatisfy { $0.group == "g1" })
    }

    @Test func badFilesLeaveNothingAndOthersGoOn() throws {
        let folder = TemporaryDirectory()
        let good = folder.write("good.txt", "P1: goed\nP2: ook goed\n")
        let truncated = folder.write("trunc.xml", "<transcript><speakers><speaker id=\"A\"/></speakers><turn speaker=\"A\">x</tu")
        let empty = folder.write("empty.txt", "")
        let binary = folder.write("binary.txt", bytes: [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2])
        let store = try project(folder)
        let outcomes = try Ingester(store: store, options: .init()).ingest(paths: [truncated, good, empty, binary])
        #expect(outcomes.map(\.failed) == [true, false, true, true])
        #expect(outcomes[0].error?.hasPrefix(truncated + ":1:") == true)
        #expect(outcomes[2].error == "\(empty): the file is empty")
        #expect(try store.documents().map(\.id) == ["good"])
    }

    @Test func duplicateIdWithDifferentContentIsRefusedAndProjectUnchanged() throws {
        let folder = TemporaryDirectory()
        let first = folder.write("a/sessie.txt", "P1: een\nP2: twee\n")
        let second = folder.write("b/sessie.txt", "P1: anders\nP2: heel anders\n")
        let store = try project(folder)
        _ = try Ingester(store: store, options: .init()).ingest(paths: [first])
        let outcomes = try Ingester(store: store, options: .init()).ingest(paths: [second])
        #expect(outcomes[0].error?.contains("document 'sessie' already exists with different content") == true)
        #expect(try store.utterances(of: "sessie").map(\.text) == ["een", "twee"])
    }

    @Test func missingFileIsReported() throws {
        let folder = TemporaryDirectory()
        let store = try project(folder)
        let outcomes = try Ingester(store: store, options: .init()).ingest(paths: [folder.file("nope.txt")])
        #expect(outcomes[0].error == "\(folder.file("nope.txt")): cannot read the file (no such file)")
    }
}

@Suite struct PseudonymizeTests {
    @Test func labelsBecomePseudonymsStableAcrossFiles() throws {
        let folder = TemporaryDirectory()
        let first = folder.write(
            "a.txt",
            "# moderator: Anna\n# speakers: Anna, Jan de Vries, Piet\nAnna: Welkom.\nJan de Vries: Dank.\nPiet: Ja.\nJan de Vries: Nee.\n")
        let second = folder.write(
            "b.txt", "# moderator: Anna\n# speakers: Anna, Piet, Kees\nAnna: Weer welkom.\nPiet: Hallo.\nKees: Hoi.\nKees: Ok.\n")
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        let outcomes = try Ingester(store: store, options: .init(pseudonymize: true)).ingest(paths: [first, second])
        #expect(outcomes.allSatisfy { !$0.failed })
        #expect(try store.speakers().map(\.id) == ["M01", "P01", "P02", "P03"])
        #expect(try store.utterances(of: "a").map(\.speaker) == ["M01", "P01", "P02", "P01"])
        #expect(try store.utterances(of: "b").map(\.speaker) == ["M01", "P02", "P03", "P03"])
        #expect(try store.speakers().first { $0.id == "M01" }?.role == .moderator)
        #expect(try store.speakers().allSatisfy { $0.name == $0.id })
    }
}

@Suite struct IngestDecisionTests {
    private func project(_ folder: TemporaryDirectory) throws -> ProjectStore {
        try ProjectStore.create(at: folder.file("p.cda"))
    }

    @Test func outcomeNamesSpeakersWithTurnsAndLabelsReadAsText() throws {
        let folder = TemporaryDirectory()
        let file = folder.write(
            "ronde.txt",
            """
            # moderator: Leider
            # speaker Zoë: role=participant

            [00:00:05] Leider: Welkom.
            [00:01:44] Chris: De overheid moet snel communiceren.
            Let op: dat is lastig.
            ## subgroep A
            [00:02:10] Leider: Verder.
            """)
        let outcomes = try Ingester(store: try project(folder), options: .init()).ingest(paths: [file])
        let outcome = try #require(outcomes.first)
        #expect(outcome.status == "ingested")
        #expect(
            outcome.speakerTurns.map { "\($0.speaker) \($0.role.rawValue) \($0.turns) \($0.words)" } == [
                "Leider moderator 2 2", "Chris participant 1 10",
            ])
        #expect(outcome.sections == ["subgroep A"])
        #expect(
            outcome.notices.map(\.description) == [
                "\(file):6: 'Let op:' read as text, not as a speaker (use --speakers to declare speakers)"
            ])
    }

    @Test func dryRunReportsExactlyAndWritesNothing() throws {
        let folder = TemporaryDirectory()
        let file = folder.write("a.txt", "P1: een\nP2: twee\n")
        let store = try project(folder)
        let preview = try Ingester(store: store, options: .init(dryRun: true)).ingest(paths: [file])
        #expect(preview.map(\.status) == ["ingested"])
        #expect(preview.map(\.dryRun) == [true])
        #expect(preview.map(\.utterances) == [2])
        #expect(try store.documents().isEmpty)
        _ = try Ingester(store: store, options: .init()).ingest(paths: [file])
        folder.write("a.txt", "P1: een\nP2: anders\n")
        let refused = try Ingester(store: store, options: .init(dryRun: true)).ingest(paths: [file])
        #expect(refused.first?.error?.contains("already exists with different content") == true)
        let replaced = try Ingester(store: store, options: .init(replace: true, dryRun: true)).ingest(paths: [file])
        #expect(replaced.map(\.status) == ["replaced"])
        #expect(try store.utterances(of: "a").map(\.text) == ["een", "twee"])
    }

    @Test func sameBytesWithOtherOptionsIsAChange() throws {
        let folder = TemporaryDirectory()
        let file = folder.write("s.txt", "P1: een twee\nP2: drie\n")
        let store = try project(folder)
        _ = try Ingester(store: store, options: .init()).ingest(paths: [file])
        let again = try Ingester(store: store, options: .init()).ingest(paths: [file])
        #expect(again.map(\.status) == ["unchanged"])
        #expect(again.map(\.utterances) == [2])
        #expect(again.map(\.words) == [3])
        #expect(again.map(\.speakers) == [2])
        let regrouped = try Ingester(store: store, options: .init(group: "experts")).ingest(paths: [file])
        #expect(regrouped.first?.error?.contains("already exists with different content") == true)
        let replaced = try Ingester(store: store, options: .init(group: "experts", replace: true)).ingest(paths: [file])
        #expect(replaced.map(\.status) == ["replaced"])
        #expect(try store.documents().map(\.group) == ["experts"])
        let same = try Ingester(store: store, options: .init(group: "experts")).ingest(paths: [file])
        #expect(same.map(\.status) == ["unchanged"])
    }

    @Test func twoFilesForOneDocumentIdAreRefusedBeforeAnythingIsWritten() throws {
        let folder = TemporaryDirectory()
        folder.write("in/X.txt", "P1: een\nP2: twee\n")
        folder.write("in/X.xml", Fixtures.transcriptXML.replacingOccurrences(of: "id=\"experts-x\" ", with: ""))
        folder.write("in/Y.txt", "P1: drie\nP2: vier\n")
        let store = try project(folder)
        #expect(throws: IngestError.documentIDCollision(documentID: "X", files: [folder.file("in/X.txt"), folder.file("in/X.xml")])) {
            try Ingester(store: store, options: .init()).ingest(paths: [folder.file("in")])
        }
        #expect(try store.documents().isEmpty)
        folder.write("in/X.txt", "# id: X-tekst\nP1: een\nP2: twee\n")
        let outcomes = try Ingester(store: store, options: .init()).ingest(paths: [folder.file("in")])
        #expect(outcomes.map(\.document) == ["X-tekst", "X", "Y"])
    }
}
