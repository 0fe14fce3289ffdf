import CDAKit
import CDATestSupport
import Foundation
import Testing
import ZIPFoundation

/// Malicious archives are refused before anything is imported.
@Suite struct QDPXArchiveTests {
    private static let minimalProject = Array(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Project xmlns="urn:QDA-XML:project:1.0" name="x"/>
        """.utf8)

    private func importing(_ path: String, limits: QDPXLimits = QDPXLimits()) throws -> (ProjectStore, ExchangeError?) {
        let store = try ProjectStore.create(at: path + ".cda")
        let error = #expect(throws: ExchangeError.self) {
            try REFIExchange.importProject(path, into: store, options: .init(schemas: nil, actor: "t", limits: limits))
        }
        #expect(try store.documents().isEmpty)
        return (store, error)
    }

    /// Overwrites the uncompressed size of the first (only) entry in its local and central headers.
    private func patchDeclaredSize(of path: String, to size: UInt32) throws {
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        func patch(signature: [UInt8], offset: Int) {
            for start in 0..<(bytes.count - 4) where Array(bytes[start..<start + 4]) == signature {
                for index in 0..<4 { bytes[start + offset + index] = UInt8(truncatingIfNeeded: size >> (8 * UInt32(index))) }
                return
            }
        }
        patch(signature: [0x50, 0x4B, 0x03, 0x04], offset: 22)
        patch(signature: [0x50, 0x4B, 0x01, 0x02], offset: 24)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test(arguments: [
        ("../outside.txt", "would be written outside the archive's folder (zip slip)"),
        ("sources/../../outside.txt", "would be written outside the archive's folder (zip slip)"),
        ("..\\outside.txt", "would be written outside the archive's folder (zip slip)"),
        ("/etc/cda-test.txt", "has an absolute path"),
        ("C:/Windows/cda-test.txt", "has an absolute path (a drive letter)"),
    ])
    func unsafePathsAreRefused(entry: String, reason: String) throws {
        let folder = TemporaryDirectory()
        let path = folder.file("evil.qdpx")
        try ForeignImportTests.archive([("project.qde", Self.minimalProject), (entry, Array("x".utf8))], at: path)
        let (_, error) = try importing(path)
        guard case .unsafeEntry(_, let found, let why)? = error else {
            Issue.record("wrong error \(String(describing: error))")
            return
        }
        #expect(found == entry)
        #expect(why == reason)
        #expect(String(describing: error!).hasPrefix("\(path): entry '\(entry)' \(reason)"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("outside.txt")))
    }

    @Test func declaredSizeBombIsRefusedBeforeInflating() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("bomb.qdpx")
        try ForeignImportTests.archive([("project.qde", Self.minimalProject)], at: path)
        try patchDeclaredSize(of: path, to: 0xF000_0000)
        let (_, error) = try importing(path)
        guard case .entryTooLarge(_, "project.qde", 0xF000_0000, _, declared: true)? = error else {
            Issue.record("wrong error \(String(describing: error))")
            return
        }
        #expect(String(describing: error!).contains("declares 4026531840 bytes, beyond the limit of 536870912"))
    }

    @Test func actualSizeBombStopsWhileInflating() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("bomb.qdpx")
        // 8 MiB of spaces inside a comment compresses to a few KiB; the header then claims 100 bytes.
        let padding = Array("<!--".utf8) + [UInt8](repeating: 0x20, count: 8 << 20) + Array("-->".utf8)
        try ForeignImportTests.archive([("project.qde", Self.minimalProject + padding)], at: path)
        let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size < 100_000)
        try patchDeclaredSize(of: path, to: 100)
        let (_, error) = try importing(path)
        guard case .sizeMismatch(_, "project.qde", 100)? = error else {
            Issue.record("wrong error \(String(describing: error))")
            return
        }
    }

    @Test func entryBeyondTheLimitIsRefused() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("big.qdpx")
        let padding = Array("<!--".utf8) + [UInt8](repeating: 0x20, count: 2 << 20) + Array("-->".utf8)
        try ForeignImportTests.archive([("project.qde", Self.minimalProject + padding)], at: path)
        let (_, error) = try importing(path, limits: QDPXLimits(entryBytes: 1 << 20))
        guard case .entryTooLarge(_, "project.qde", _, 1_048_576, declared: true)? = error else {
            Issue.record("wrong error \(String(describing: error))")
            return
        }
    }

    @Test func notAnArchiveAndMissingProjectAreExplained() throws {
        let folder = TemporaryDirectory()
        let text = folder.write("plain.qdpx", "not a zip")
        let (_, first) = try importing(text)
        #expect(String(describing: first!).contains("not a REFI-QDA project archive"))
        let empty = folder.file("empty.qdpx")
        try ForeignImportTests.archive([("sources/a.txt", Array("x".utf8))], at: empty)
        let (_, second) = try importing(empty)
        #expect(second == .missingProject(file: empty))
    }
}
