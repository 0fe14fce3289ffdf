import ArgumentParser
import CDATestSupport
import Foundation
import Testing

@testable import cda

/// `cda media add | list | remove | relink` from the shell.
@Suite(.serialized) struct MediaCommandTests {
    /// A WAV of 16,000 bytes of 8 kHz mono 8-bit audio: 2.0 s.
    static let wav = MediaFixtures.wav(bytes: 16_000, fill: 9)

    @Test func parsesTheOffset() throws {
        let add = try #require(try CDA.parseAsRoot(["media", "add", "cit", "a.wav", "--offset", "12.5"]) as? MediaAddCommand)
        #expect(add.document == "cit")
        #expect(add.file == "a.wav")
        #expect(add.offset == 12.5)
        expectRefusal(
            ["media", "add", "cit", "a.wav", "--offset", "inf"],
            saying: "--offset must be a number of seconds between -1000000 and 1000000, such as 12.5.")
    }

    @Test func linksListsRelinksAndRemoves() throws {
        let folder = TemporaryDirectory()
        folder.write("cit.txt", CodingFixtures.citizens)
        folder.write("rec/cit.wav", bytes: Self.wav)
        folder.write("notes.txt", "geen opname")
        func cda(_ arguments: String...) throws -> CLI.Result {
            try CLI.run(arguments + ["--project", folder.file("study.cda")], in: folder.path)
        }
        #expect(try cda("init").status == 0)
        #expect(try cda("ingest", "cit.txt").status == 0)
        let add = try cda("media", "add", "cit", "rec/cit.wav", "--offset", "3")
        #expect(add.status == 0, "\(add.error)")
        #expect(add.output == "Linked 'rec/cit.wav' (WAV audio, 00:00:02) to cit.\n")

        let refused = try cda("media", "add", "cit", "notes.txt")
        #expect(refused.status != 0)
        #expect(refused.error.contains("notes.txt: not a recording cda can read"))

        let list = try cda("media", "list", "--json")
        #expect(list.status == 0)
        let links = try #require(try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]])
        #expect(links.count == 1)
        #expect(links.first?["document"] as? String == "cit")
        #expect(links.first?["path"] as? String == "rec/cit.wav")
        #expect(links.first?["duration"] as? Double == 2.0)
        #expect(links.first?["size"] as? Int == Self.wav.count)
        #expect(links.first?["offset"] as? Double == 3.0)
        #expect(links.first?["kind"] as? String == "audio")
        #expect((links.first?["sha256"] as? String)?.count == 64)

        try FileManager.default.moveItem(atPath: folder.file("rec"), toPath: folder.file("archive"))
        let relink = try cda("media", "relink", folder.file("archive"))
        #expect(relink.status == 0, "\(relink.error)")
        #expect(relink.output == "cit: 'rec/cit.wav' → 'archive/cit.wav'\n1 relinked, 0 missing, 0 in place.\n")

        #expect(try cda("media", "remove", "cit").output == "Removed the link from cit to 'archive/cit.wav'.\n")
        let again = try cda("media", "remove", "cit")
        #expect(again.status != 0)
        #expect(again.error.contains("Document 'cit' has no linked recording."))
        #expect(FileManager.default.fileExists(atPath: folder.file("archive/cit.wav")))
        let permissions = try FileManager.default.attributesOfItem(atPath: folder.file("study.cda"))[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }
}
