import CDATestSupport
import Foundation
import Testing

@testable import CDAKit

/// Linking recordings to documents: stored paths, hashes, replacing, removing and finding moved
/// files again.
@Suite struct MediaLinkTests {
    static func wav(bytes: Int, fill: UInt8 = 0) -> [UInt8] { MediaFixtures.wav(bytes: bytes, fill: fill) }

    @Test func linkStoresARelativePathTheHashAndTheDuration() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let bytes = Self.wav(bytes: 12_000)
        let file = folder.write("media/cit.wav", bytes: bytes)
        let (link, replaced) = try store.linkMedia(documentID: "cit", file: file, offset: 2.5)
        #expect(replaced == nil)
        #expect(link.path == "media/cit.wav")
        #expect(link.duration == 1.5)  // 12,000 bytes ÷ 8,000 per second
        #expect(link.size == Int64(bytes.count))
        #expect(link.sha256 == SHA256.hexDigest(of: bytes))
        #expect(link.offset == 2.5)
        #expect(link.found)
        #expect(try store.mediaLinks() == [link])
        #expect(store.mediaFile(of: link) == URL(fileURLWithPath: file).standardizedFileURL.path)
    }

    @Test func aFileOutsideTheProjectFolderKeepsItsAbsolutePath() throws {
        let folder = TemporaryDirectory()
        let elsewhere = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let file = elsewhere.write("exp.wav", bytes: Self.wav(bytes: 800))
        let link = try store.linkMedia(documentID: "exp", file: file).link
        #expect(link.path == URL(fileURLWithPath: file).standardizedFileURL.path)
        #expect(link.path.hasPrefix("/"))
    }

    @Test func streamingHashEqualsTheWholeFileHash() throws {
        let folder = TemporaryDirectory()
        // More than one 1 MiB chunk, with bytes that differ between chunks.
        let bytes = (0..<(3 << 20) + 17).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 20) }
        let file = folder.write("big.bin", bytes: bytes)
        #expect(SHA256.hexDigest(ofFileAt: file) == SHA256.hexDigest(of: bytes))
        #expect(SHA256.hexDigest(ofFileAt: folder.file("none")) == nil)
    }

    @Test func refusalsChangeNothingAndNameTheFile() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let good = try store.linkMedia(documentID: "cit", file: folder.write("a.wav", bytes: Self.wav(bytes: 800))).link
        folder.write("notes.txt", "geen opname")
        #expect(throws: MediaError.unknownFormat(file: folder.file("notes.txt"))) {
            try store.linkMedia(documentID: "cit", file: folder.file("notes.txt"))
        }
        #expect(throws: MediaError.unreadable(file: folder.file("gone.wav"), reason: "no such file")) {
            try store.linkMedia(documentID: "cit", file: folder.file("gone.wav"))
        }
        #expect(throws: CorpusError.unknownDocument("ctt", suggestion: "cit")) {
            try store.linkMedia(documentID: "ctt", file: folder.file("a.wav"))
        }
        #expect(throws: MediaError.self) { try store.linkMedia(documentID: "cit", file: folder.file("a.wav"), offset: .nan) }
        #expect(throws: MediaError.notLinked(documentID: "exp")) { try store.unlinkMedia(documentID: "exp") }
        #expect(try store.mediaLinks() == [good])
    }

    @Test func linkingAgainReplacesAndRemovingLeavesTheFile() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let first = try store.linkMedia(documentID: "cit", file: folder.write("a.wav", bytes: Self.wav(bytes: 800))).link
        let (second, replaced) = try store.linkMedia(documentID: "cit", file: folder.write("b.wav", bytes: Self.wav(bytes: 4000)))
        #expect(replaced?.path == first.path)
        #expect(try store.mediaLinks().map(\.path) == ["b.wav"])
        #expect(second.duration == 0.5)
        #expect(try store.unlinkMedia(documentID: "cit") == second)
        #expect(try store.mediaLinks() == [])
        #expect(FileManager.default.fileExists(atPath: folder.file("b.wav")))
    }

    @Test func relinkFindsMovedFilesByHashOnly() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let cit = Self.wav(bytes: 1600, fill: 1)
        let exp = Self.wav(bytes: 1600, fill: 2)
        try store.linkMedia(documentID: "cit", file: folder.write("rec/cit.wav", bytes: cit))
        try store.linkMedia(documentID: "exp", file: folder.write("rec/exp.wav", bytes: exp))
        try FileManager.default.removeItem(atPath: folder.path + "/rec")
        // The same size but other bytes is not the recording; the copy under another name is.
        folder.write("moved/decoy.wav", bytes: Self.wav(bytes: 1600, fill: 3))
        folder.write("moved/deep/sessie-1.wav", bytes: cit)
        #expect(try store.mediaLinks().map(\.found) == [false, false])
        let result = try store.relinkMedia(folder: folder.file("moved"))
        #expect(result.relinked == [.init(documentID: "cit", from: "rec/cit.wav", to: "moved/deep/sessie-1.wav")])
        #expect(result.missing == ["exp"])
        #expect(result.unchanged == 0)
        #expect(try store.mediaLinks().map(\.found) == [true, false])
        #expect(throws: MediaError.unreadable(file: folder.file("nope"), reason: "no such folder")) {
            try store.relinkMedia(folder: folder.file("nope"))
        }
    }

    @Test func replacingTheTranscriptKeepsItsRecording() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let link = try store.linkMedia(documentID: "exp", file: folder.write("exp.wav", bytes: Self.wav(bytes: 800))).link
        let changed = CodingFixtures.experts + "\nM: Nog een laatste vraag?\n"
        let transcript = try PlainTextReader().read(SourceFile(path: "exp.txt", bytes: Array(changed.utf8)), options: ReadOptions())
        #expect(try store.save(transcript, replace: true) == .replaced)
        #expect(try store.mediaLinks() == [link])
    }
}
