import ArgumentParser
import CDAKit
import CDATestSupport
import Foundation
import Testing

@testable import cda

/// `cda code add --from-time --to-time`, `cda fragments times`, `cda code remove --span-id` and
/// undo, from the shell.
@Suite(.serialized) struct TimeSpanCommandTests {
    @Test func parsesTimesAndRefusesBadOnes() throws {
        let add = try #require(
            try CDA.parseAsRoot(["code", "add", "--doc", "cit", "--from-time", "01:02.5", "--to-time", "1:01:00", "--code", "gelach"])
                as? CodeAddCommand)
        #expect(
            add.target.times.span(document: "cit") == TimeSpan(documentID: "cit", startMilliseconds: 62_500, endMilliseconds: 3_660_000))
        expectRefusal(
            ["code", "add", "--doc", "cit", "--from-time", "1.2345", "--to-time", "2", "--code", "x"],
            saying: "--from-time '1.2345' is not a time; write seconds (75.5)")
        expectRefusal(["code", "add", "--doc", "cit", "--from-time", "1", "--code", "x"], saying: "Give both --from-time and --to-time")
        expectRefusal(
            ["code", "add", "--doc", "cit", "--utterance", "2", "--from-time", "1", "--to-time", "2", "--code", "x"],
            saying: "Code either utterances (--utterance) or a time span")
        expectRefusal(["code", "add", "--doc", "cit", "--code", "x"], saying: "Missing expected argument '--utterance <utterance>'")
    }

    @Test func codesListsRemovesAndUndoesASpan() throws {
        let folder = TemporaryDirectory()
        folder.write("cit.txt", CodingFixtures.citizens)
        folder.write("cit.wav", bytes: MediaFixtures.wav(bytes: 80_000))  // 10 s
        func cda(_ arguments: String...) throws -> CLI.Result {
            try CLI.run(arguments + ["--project", folder.file("study.cda")], in: folder.path, environment: ["CDA_CODER": "anna"])
        }
        #expect(try cda("init").status == 0)
        #expect(try cda("ingest", "cit.txt").status == 0)
        let unlinked = try cda("code", "add", "--doc", "cit", "--from-time", "1", "--to-time", "2", "--code", "gelach")
        #expect(unlinked.status != 0)
        #expect(unlinked.error.contains("Document 'cit' has no linked recording"))
        #expect(try cda("media", "add", "cit", "cit.wav").status == 0)
        let added = try cda("code", "add", "--doc", "cit", "--from-time", "1.5", "--to-time", "00:04", "--code", "gelach")
        #expect(added.status == 0, "\(added.error)")
        #expect(added.output == "Coded cit@00:01.500–00:04.000 with 'gelach' (new code) in round 1 [time-span coding 1].\n")
        let beyond = try cda("code", "add", "--doc", "cit", "--from-time", "9", "--to-time", "11", "--code", "gelach")
        #expect(beyond.status != 0)
        #expect(beyond.error.contains("runs past the end of the recording, which lasts 00:10.000 (10 s)"))

        #expect(
            try cda("fragments", "times").output == "[1] cit@00:01.500–00:04.000 (2.5 s) {gelach} round 1, anna\n1 time-span coding(s)\n")
        let json = try cda("fragments", "times", "--doc", "cit", "--json")
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect((listed.first?["span"] as? [String: Any])?["startMilliseconds"] as? Int == 1_500)
        #expect(listed.first?["code"] as? String == "gelach")
        let codes = try cda("codes", "--json")
        #expect(codes.output.contains("\"fragments\" : 1"))

        let removed = try cda("code", "remove", "--span-id", "1")
        #expect(removed.status == 0, "\(removed.error)")
        #expect(try cda("fragments", "times").output == "0 time-span coding(s)\n")
        #expect(try cda("undo").status == 0)
        #expect(try cda("fragments", "times").output.hasPrefix("[1] cit@00:01.500–00:04.000"))
        let byTime = try cda("code", "remove", "--doc", "cit", "--from-time", "1.5", "--to-time", "4")
        #expect(byTime.output == "Removed 1 coding(s). 'cda undo' brings them back.\n")
    }
}
