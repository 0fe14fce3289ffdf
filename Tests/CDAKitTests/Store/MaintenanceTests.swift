import CDATestSupport
import Foundation
import Testing

@testable import CDAKit

@Suite struct MaintenanceTests {
    @Test func soundProjectChecksClean() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        _ = try store.addCoding(
            CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2, startOffset: 0, endOffset: 3), codeName: "a", coder: "x")
        )
        _ = try store.mergeCodes(["a"], into: "b", actor: "x")
        #expect(try store.check() == [])
    }

    @Test func codingAfterAStepIsNotAFault() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        _ = try store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "a", coder: "x"))
        _ = try store.mergeCodes(["a"], into: "b", actor: "x")
        _ = try store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 3), codeName: "b", coder: "x"))
        #expect(try store.check() == [])
        try store.executeForTesting("UPDATE history SET snapshot = X'7B' WHERE id = 1")
        #expect(try store.check().map(\.description) == ["history: step 1 cannot be read"])
    }

    @Test func damageIsFoundPrecisely() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        _ = try store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "a", coder: "x"))
        try store.executeForTesting("PRAGMA foreign_keys = OFF")
        try store.executeForTesting("UPDATE coding SET startOffset = 0, endOffset = 999 WHERE id = 1")
        try store.executeForTesting("UPDATE code SET status = 'merged', mergedIntoId = 77 WHERE id = 1")
        try store.executeForTesting("UPDATE utterance SET wordCount = 1 WHERE documentId = 'cit' AND idx = 3")
        try store.executeForTesting(
            "INSERT INTO memo(targetKind, targetId, text, author, updatedAt) VALUES ('document', 'gone', 'x', 'x', 'now')")
        let findings = try store.check()
        #expect(findings.map(\.kind.rawValue).sorted() == ["code", "coding", "foreign-key", "memo", "utterance", "utterance"])
        #expect(findings.contains { $0.message == "document 'cit' has stored totals that do not match its utterances" })
        #expect(findings.contains { $0.message == "coding 1 has offsets 0–999 outside its utterance(s)" })
        #expect(findings.contains { $0.message == "cit:3 has stored counts that do not match its text" })
        #expect(findings.contains { $0.message == "memo 1 is on a missing document 'gone'" })
    }

    @Test func backupIsACompleteCopy() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        _ = try store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "a", coder: "x"))
        try store.backup(to: folder.file("copy.cda"))
        let copy = try ProjectStore.open(at: folder.file("copy.cda"))
        #expect(try copy.dump() == store.dump())
        #expect(try FileManager.default.attributesOfItem(atPath: folder.file("copy.cda"))[.posixPermissions] as? Int == 0o600)
        #expect(throws: StoreError.projectExists(path: folder.file("copy.cda"))) { try store.backup(to: folder.file("copy.cda")) }
    }

    @Test func olderProjectIsBackedUpThenMigrated() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("old.cda")
        try ProjectStore.createLegacy(at: path, upTo: "v1-analysis")
        let store = try ProjectStore.open(at: path)
        let transcript = try PlainTextReader().read(SourceFile(path: "a.txt", bytes: Array("P1: a\n".utf8)), options: ReadOptions())
        #expect(try store.save(transcript, replace: false, pseudonymize: true) == .ingested)
        let backups = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasPrefix("old.cda.before-upgrade-") && $0.hasSuffix(".cda")
        }
        #expect(backups.count == 1)
        #expect(try store.check() == [])
    }

    @Test func lostSchemaHistoryIsRefusedOnceWithoutCopies() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("p.cda")
        try ProjectStore.create(at: path).executeForTesting("DROP TABLE grdb_migrations")
        for _ in 0..<2 {
            #expect(throws: StoreError.missingSchemaHistory(path: path)) { try ProjectStore.open(at: path) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("before-upgrade") }.isEmpty)
    }

    @Test func aDamagedProjectIsNotBackedUpAndLeavesNoFile() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        _ = try store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "a", coder: "x"))
        try store.executeForTesting("PRAGMA wal_checkpoint(TRUNCATE)")
        // Overwrite the middle pages with noise, as a failing disk would.
        let path = folder.file("p.cda")
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var generator = SeededGenerator(seed: 4096)
        for index in (4096 * 2)..<min(bytes.count, 4096 * 6) { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let damaged = try ProjectStore.open(at: path)
        #expect(throws: StoreError.self) { try damaged.backup(to: folder.file("copy.cda")) }
        #expect(!FileManager.default.fileExists(atPath: folder.file("copy.cda")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
        #expect(StoreError.damaged(path: path).description.contains("Restore it from a backup"))
    }

    @Test func newerProjectIsRefusedUnchanged() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("new.cda")
        try ProjectStore.create(at: path).markAppliedMigration("v99-from-the-future")
        #expect(throws: StoreError.newerSchema(path: path)) { try ProjectStore.open(at: path) }
    }
}
