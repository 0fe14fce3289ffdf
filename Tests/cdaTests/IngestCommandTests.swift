import CDATestSupport
import Foundation
import Testing

@testable import cda

/// `cda ingest` as a user meets it: the per-file report, `--dry-run`, `--speakers`, collisions.
@Suite(.serialized) struct IngestCommandTests {
    private static let round = """
        # moderator: Leider

        [00:00:05] Leider: Welkom allemaal.
        [00:01:44] Chris: De overheid moet snel communiceren.
        Let op: dat is lastig.
        [00:02:10] Leider: Dank je.
        """

    @Test func reportsSpeakersTurnsAndLabelsReadAsText() throws {
        let folder = TemporaryDirectory()
        folder.write("ronde.txt", Self.round)
        let env = ["CDA_PROJECT": folder.file("p.cda")]
        #expect(try CLI.run(["init"], in: folder.path, environment: env).status == 0)
        let result = try CLI.run(["ingest", "ronde.txt"], in: folder.path, environment: env)
        #expect(result.status == 0)
        #expect(
            result.output == """
                ingested: ronde.txt → ronde (text, 3 utterances, 2 speakers, 14 words)
                  speakers: Leider (moderator) 2 turns, Chris 1 turn
                  ronde.txt:5: 'Let op:' read as text, not as a speaker (use --speakers to declare speakers)

                """)
        let again = try CLI.run(["ingest", "ronde.txt"], in: folder.path, environment: env)
        #expect(again.output == "unchanged: ronde.txt → ronde (text, 3 utterances, 2 speakers, 14 words)\n")
    }

    @Test func dryRunWritesNothingEvenWithoutAProject() throws {
        let folder = TemporaryDirectory()
        folder.write("ronde.txt", Self.round)
        let env = ["CDA_PROJECT": folder.file("p.cda")]
        let preview = try CLI.run(
            ["ingest", "--dry-run", "--speakers", "Leider,Chris,Let op", "ronde.txt"], in: folder.path, environment: env)
        #expect(preview.status == 0)
        #expect(
            preview.output.hasPrefix(
                "dry run: nothing is written (no project at '\(folder.file("p.cda"))': checked against an empty one)\n"))
        #expect(preview.output.contains("would ingest: ronde.txt → ronde (text, 4 utterances, 3 speakers, 12 words)"))
        #expect(preview.output.contains("  speakers: Leider (moderator) 2 turns, Chris 1 turn, Let op 1 turn"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("p.cda")))
        #expect(try CLI.run(["init"], in: folder.path, environment: env).status == 0)
        let json = try CLI.run(["ingest", "--dry-run", "--json", "ronde.txt"], in: folder.path, environment: env)
        let outcomes = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]]
        #expect(outcomes?.first?["dryRun"] as? Bool == true)
        #expect((outcomes?.first?["notices"] as? [[String: Any]])?.first?["kind"] as? String == "label-read-as-text")
        let documents = try CLI.run(["documents", "--json"], in: folder.path, environment: env)
        let stored = try JSONSerialization.jsonObject(with: Data(documents.output.utf8)) as? [Any]
        #expect(stored?.isEmpty == true)
    }

    @Test func collidingIdsFailBeforeAnythingIsWritten() throws {
        let folder = TemporaryDirectory()
        folder.write("in/X.txt", "P1: een\nP2: twee\n")
        folder.write("in/X.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Anna>Hallo\n")
        let env = ["CDA_PROJECT": folder.file("p.cda")]
        #expect(try CLI.run(["init"], in: folder.path, environment: env).status == 0)
        let result = try CLI.run(["ingest", "in"], in: folder.path, environment: env)
        #expect(result.status == 1)
        #expect(result.error.contains("'in/X.txt' and 'in/X.vtt' would both become document 'X'; nothing was ingested."))
        #expect(try CLI.run(["documents"], in: folder.path, environment: env).output.contains("X") == false)
    }

    @Test func unknownEncodingIsRefusedWithTheChoices() throws {
        let folder = TemporaryDirectory()
        let result = try CLI.run(["ingest", "--encoding", "klingon", "x.txt"], in: folder.path)
        #expect(result.status != 0)
        #expect(
            result.error.contains("Unknown encoding 'klingon'. Use one of: utf-8, utf-16, utf-16le, utf-16be, windows-1252, iso-8859-1."))
    }
}
