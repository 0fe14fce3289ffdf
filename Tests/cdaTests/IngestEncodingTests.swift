import ArgumentParser
import CDATestSupport
import Foundation
import Testing

@testable import cda

@Suite(.serialized) struct IngestEncodingTests {
    @Test func encodingNameIsValidated() throws {
        let command = try #require(try CDA.parseAsRoot(["ingest", "a.srt", "--encoding", "CP1252"]) as? IngestCommand)
        #expect(command.encoding == "CP1252")
        do {
            _ = try CDA.parseAsRoot(["ingest", "a.srt", "--encoding", "windows-1251"])
            Issue.record("an unknown encoding was accepted")
        } catch {
            #expect(
                CDA.message(for: error)
                    == "Unknown encoding 'windows-1251'. Use one of: utf-8, utf-16, utf-16le, utf-16be, windows-1252, iso-8859-1.")
        }
    }

    @Test func windows1252CaptionsFromTheShell() throws {
        let folder = TemporaryDirectory()
        // "Le café" in Windows-1252, CRLF.
        let bytes = Array("1\r\n00:00:01,000 --> 00:00:02,000\r\nLe caf".utf8) + [0xE9] + Array(" est froid.\r\n".utf8)
        folder.write("cafe.srt", bytes: bytes)
        let env = ["CDA_PROJECT": folder.file("p.cda")]
        #expect(try CLI.run(["init"], in: folder.path, environment: env).status == 0)
        let ingest = try CLI.run(["ingest", "cafe.srt", "--encoding", "windows-1252"], in: folder.path, environment: env)
        #expect(ingest.status == 0)
        #expect(ingest.output.contains("1 utterances, 0 speakers, 4 words"))
        let show = try CLI.run(["show", "cafe"], in: folder.path, environment: env)
        #expect(show.output.contains("Le café est froid."))
        let wrong = try CLI.run(["ingest", "cafe.srt", "--encoding", "utf-8", "--id", "again"], in: folder.path, environment: env)
        #expect(wrong.status != 0)
        #expect(wrong.error.contains("cafe.srt:3:7: invalid UTF-8"))
    }
}
