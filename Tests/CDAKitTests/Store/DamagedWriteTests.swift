import CDATestSupport
import Foundation
import Testing

@testable import CDAKit

/// A project damaged in a page a write never reads: the write is refused before it changes
/// anything, because a store checks the file (`PRAGMA quick_check`) before its first write.
@Suite struct DamagedWriteTests {
    /// The fixture project plus a long third document, closed (its log written into the file),
    /// with the type byte of one table page of the long document overwritten.
    private static func damagedProject(in folder: TemporaryDirectory) throws -> String {
        let store = try CodingFixtures.project(in: folder)
        let lines = (1...3_000).map { "P\($0 % 7 + 1): regel \($0) van het lange gesprek over toezicht en vertrouwen" }
        let text = "# id: lang\n# group: experts\n\n" + lines.joined(separator: "\n") + "\n"
        _ = try store.save(
            try PlainTextReader().read(SourceFile(path: "lang.txt", bytes: Array(text.utf8)), options: ReadOptions()), replace: false)
        try store.close()
        let path = folder.file("p.cda")
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        let marker = Array("regel 1500 van".utf8)
        // The leaf page (type 0x0A: utterances are a table without rowid) holding utterance 1500 of the long document.
        let page = try #require(
            (1..<(bytes.count / pageSize)).first { page in
                let slice = bytes[(page * pageSize)..<((page + 1) * pageSize)]
                return slice.first == 0x0A && slice.firstRange(of: marker) != nil
            })
        bytes[page * pageSize] = 0x03  // not a page type
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aWriteBesideTheDamageIsRefusedAndChangesNothing() throws {
        let folder = TemporaryDirectory()
        let path = try Self.damagedProject(in: folder)
        let damagedBytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let store = try ProjectStore.open(at: path)
        // Reading another document passes by the damaged page …
        #expect(try store.documents().map(\.id).contains("cit"))
        // … and so would this write, which reads and writes nothing of the long document.
        #expect(throws: StoreError.damaged(path: path)) {
            _ = try store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "snel", coder: "x"))
        }
        #expect(throws: StoreError.damaged(path: path)) { try store.setMemo("notitie", on: .document("cit"), author: "x") }
        try? store.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == damagedBytes)
        #expect(StoreError.damaged(path: path).description.contains("Restore it from a backup"))
    }

    @Test func aSoundProjectIsCheckedOnceAndWritten() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        _ = try store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "snel", coder: "x"))
        try store.setMemo("notitie", on: .document("cit"), author: "x")
        #expect(try store.memo(on: .document("cit")) == "notitie")
        #expect(try store.check() == [])
    }
}
