import CDATestSupport
import Foundation
import GRDB
import Testing

@testable import CDAKit

@Suite struct TokenIndexTests {
    static func transcript(_ text: String, name: String) throws -> Transcript {
        try PlainTextReader().read(SourceFile(path: name, bytes: Array(text.utf8)), options: ReadOptions())
    }

    /// Only the token index's findings of `check`.
    static func indexFindings(_ store: ProjectStore) throws -> [String] {
        try store.check().filter { $0.kind == .tokenIndex }.map(\.message)
    }

    @Test func blobsRoundTripLargeIdsGapsAndEmptyUtterances() throws {
        let tokens = [
            IndexedToken(word: 1, start: 0, length: 3), IndexedToken(word: 200, start: 4, length: 1),
            IndexedToken(word: 70_000, start: 300, length: 130), IndexedToken(word: 3, start: 431, length: 2),
        ]
        let blob = TokenBlob.encode([tokens, [], [IndexedToken(word: 5, start: 2, length: 4)]])
        // Format byte, 3 utterances, their lengths (17, 0, 3), then (1, 0, 3), (200 = 2 bytes, 1, 1),
        // (70,000 = 3 bytes, 295 = 2 bytes, 130 = 2 bytes), (3, 1, 2), and (5, 2, 4).
        #expect(blob.count == 1 + 1 + 3 + 17 + 3)
        let document = try TokenBlob.Document(blob)
        #expect(document.count == 3)
        #expect(try document.tokens(ofUtterance: 0) == tokens)
        #expect(try document.tokens(ofUtterance: 1).isEmpty)
        #expect(try document.tokens(ofUtterance: 2) == [IndexedToken(word: 5, start: 2, length: 4)])
        #expect(throws: TokenBlob.Malformed.self) { try TokenBlob.Document(Array(blob.dropLast())) }
        #expect(throws: TokenBlob.Malformed.self) { try TokenBlob.Document([1] + blob.dropFirst()) }
    }

    @Test func ingestIndexesEachWordWithItsLowercaseFormAndPlace() throws {
        let folder = TemporaryDirectory()
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        let text = "# id: t\n# speakers: A\n\nA: Zo'n sociaal-economisch PLAN: 't is data- gedreven, Één keer.\n"
        _ = try store.save(Self.transcript(text, name: "t.txt"), replace: false)
        // Hand-worked from the tokenizer's rules: inner joiners stay, edge ones go, scalars count.
        #expect(
            try store.indexedWordsForTesting("t", 1) == [
                "zo'n@0-4", "sociaal-economisch@5-23", "plan@24-28", "t@31-32", "is@33-35", "data@36-40", "gedreven@42-50",
                "één@52-55", "keer@56-60",
            ])
        #expect(try store.tokenIndexSummary().utterances == 1)
        #expect(try store.tokenIndexSummary().vocabulary == 9)
        #expect(try Self.indexFindings(store).isEmpty)
    }

    @Test func indexStaysExactThroughRevisionsUndoAndEdits() throws {
        let folder = TemporaryDirectory()
        let store = try RevisionTests.codedProject(in: folder)
        _ = try store.saveRevising(RevisionTests.transcript(RevisionTests.revised), replace: true, onConflict: .keepUtterance)
        #expect(try store.indexedWordsForTesting("cit", 3) == ["china@0-5", "is@6-8", "een@9-12", "nachtmerrie@13-24"])
        #expect(try Self.indexFindings(store).isEmpty)
        _ = try store.undo()
        #expect(try store.indexedWordsForTesting("cit", 3).count == 8)
        #expect(try Self.indexFindings(store).isEmpty)
        _ = try store.saveRevising(RevisionTests.transcript(RevisionTests.revised), replace: true, onConflict: .keepUtterance)
        #expect(try Self.indexFindings(store).isEmpty)
        _ = try store.edit("cit", .split(utterance: 2, at: 36), actor: "a")
        #expect(try store.indexedWordsForTesting("cit", 3).map { $0.split(separator: "@")[0] } == ["één", "loket", "is", "genoeg"])
        #expect(try Self.indexFindings(store).isEmpty)
        _ = try store.undo()
        #expect(try Self.indexFindings(store).isEmpty)
    }

    @Test func checkFindsADamagedIndexAndRebuildRepairsIt() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        // Utterance 2 of 'cit' gets the words of utterance 1; 'exp' loses its row.
        let cit = try TokenBlob.Document(Array(try #require(try store.tokenRowForTesting("cit"))))
        var utterances = try (0..<cit.count).map { try cit.tokens(ofUtterance: $0) }
        utterances[1] = utterances[0]
        try store.executeForTesting(
            "UPDATE tokenIndex SET tokens = X'\(TokenBlob.encode(utterances).map { String(format: "%02X", $0) }.joined())' WHERE documentId = 'cit'"
        )
        try store.executeForTesting("DELETE FROM tokenIndex WHERE documentId = 'exp'")
        #expect(
            try Self.indexFindings(store) == [
                "cit:2 has token-index words that do not match its text", "document 'exp' is missing from the token index",
            ])
        let rebuilt = try store.rebuildTokenIndex()
        #expect(rebuilt.utterances == (try store.documents().reduce(0) { $0 + $1.utterances }))
        #expect(rebuilt.words == (try store.documents().reduce(0) { $0 + $1.words }))
        #expect(try Self.indexFindings(store).isEmpty)
    }

    @Test func analysesSayHowToRepairAMissingIndexRow() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        try store.executeForTesting("UPDATE tokenIndex SET tokens = X'02020000' WHERE documentId = 'cit'")
        #expect {
            try Keyness.compare(target: "citizens", reference: nil, in: store, scope: TextScope())
        } throws: { error in
            String(describing: error).contains("document 'cit' is missing from the token index; run 'cda index --rebuild'")
        }
    }

    @Test func upgradingAnOlderProjectIndexesItsUtterances() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("old.cda")
        try ProjectStore.createLegacy(
            at: path, upTo: "v10-time-span-codings",
            then: """
                INSERT INTO document(id, title, format, sourcePath, contentHash, ingestedAt, position)
                VALUES ('d', 'd', 'text', 'd.txt', 'x', '2026-01-01T00:00:00Z', 1);
                INSERT INTO utterance(documentId, idx, text, wordCount, length) VALUES ('d', 1, 'Data, data en nog eens DATA.', 5, 28);
                UPDATE document SET utteranceCount = 1, wordCount = 5;
                """)
        let store = try ProjectStore.open(at: path)
        #expect(try store.indexedWordsForTesting("d", 1) == ["data@0-4", "data@6-10", "en@11-13", "nog@14-17", "eens@18-22", "data@23-27"])
        #expect(try Self.indexFindings(store).isEmpty)
    }

    @Test func wordsAddedInARolledBackIngestDoNotLeakIntoTheVocabulary() throws {
        let folder = TemporaryDirectory()
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        let other = try ProjectStore.open(at: folder.file("p.cda"))
        _ = try store.save(Self.transcript("# id: a\n# speakers: A\n\nA: gewone woorden\n", name: "a.txt"), replace: false)
        // A dry run adds 'xyzzy' inside a transaction that is rolled back.
        _ = try store.save(Self.transcript("# id: b\n# speakers: A\n\nA: xyzzy\n", name: "b.txt"), replace: false, dryRun: true)
        // Another store (another process) takes the next id for a different word.
        _ = try other.save(Self.transcript("# id: c\n# speakers: A\n\nA: plugh\n", name: "c.txt"), replace: false)
        _ = try store.save(Self.transcript("# id: d\n# speakers: A\n\nA: plugh xyzzy gewone\n", name: "d.txt"), replace: false)
        #expect(try store.indexedWordsForTesting("d", 1) == ["plugh@0-5", "xyzzy@6-11", "gewone@12-18"])
        #expect(try store.tokenIndexSummary().vocabulary == 4)
        #expect(try Self.indexFindings(store).isEmpty)
    }

    @Test func wordsOfAFileRolledBackInsideAnIngestRunDoNotLeakIntoTheVocabulary() throws {
        let folder = TemporaryDirectory()
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        try store.writeInOneTransaction { db in
            _ = try store.saveRevising(
                Self.transcript("# id: a\n# speakers: A\n\nA: gewone woorden\n", name: "a.txt"), replace: false, pseudonymize: false,
                words: nil, readOptions: "", onConflict: .refuse, actor: "test", savepointIn: db)
            // A file whose savepoint is rolled back after it added 'xyzzy', as a failing file's is.
            try db.inSavepoint {
                _ = try store.saveRevising(
                    Self.transcript("# id: b\n# speakers: A\n\nA: xyzzy\n", name: "b.txt"), replace: false, pseudonymize: false,
                    words: nil, readOptions: "", onConflict: .refuse, actor: "test", savepointIn: db)
                return .rollback
            }
            _ = try store.saveRevising(
                Self.transcript("# id: d\n# speakers: A\n\nA: plugh xyzzy gewone\n", name: "d.txt"), replace: false,
                pseudonymize: false, words: nil, readOptions: "", onConflict: .refuse, actor: "test", savepointIn: db)
        }
        #expect(try store.documents().map(\.id) == ["a", "d"])
        #expect(try store.indexedWordsForTesting("d", 1) == ["plugh@0-5", "xyzzy@6-11", "gewone@12-18"])
        #expect(try store.tokenIndexSummary().vocabulary == 4)
        #expect(try Self.indexFindings(store).isEmpty)
    }
}
