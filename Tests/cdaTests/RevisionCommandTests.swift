import CDATestSupport
import Foundation
import Testing

@testable import cda

/// `cda ingest --replace` on a coded document: refuse, keep-utterance, drop, dry run, undo.
@Suite(.serialized) struct RevisionCommandTests {
    /// The citizens' transcript with "echt " inserted in utterance 2 and the end of utterance 3 cut.
    static let revised = CodingFixtures.citizens
        .replacingOccurrences(of: "moet snel", with: "moet echt snel")
        .replacingOccurrences(of: "nachtmerrie met dat sociaal kredietsysteem.", with: "nachtmerrie.")

    /// A project with the citizens coded twice ("één loket", "kredietsysteem"), and `cit.txt` revised.
    static func setUp(_ folder: TemporaryDirectory) throws -> [String: String] {
        let env = ["CDA_PROJECT": folder.file("p.cda"), "CDA_CODER": "a"]
        folder.write("cit.txt", CodingFixtures.citizens)
        #expect(try CLI.run(["init"], in: folder.path, environment: env).status == 0)
        #expect(try CLI.run(["ingest", "cit.txt"], in: folder.path, environment: env).status == 0)
        for (utterance, start, end, code) in [("2", "32", "41", "loket"), ("3", "41", "55", "surveillance")] {
            let coded = try CLI.run(
                ["code", "add", "--doc", "cit", "--utterance", utterance, "--start", start, "--end", end, "--code", code],
                in: folder.path, environment: env)
            #expect(coded.status == 0, "\(coded.error)")
        }
        folder.write("cit.txt", revised)
        return env
    }

    @Test func refuseListsEveryConflictWithTheCommandsThatWouldApplyEachPolicy() throws {
        let folder = TemporaryDirectory()
        let env = try Self.setUp(folder)
        let refused = try CLI.run(["ingest", "cit.txt", "--replace"], in: folder.path, environment: env)
        #expect(refused.status == 1)
        #expect(
            refused.error == """
                cit.txt: revising 'cit' would leave 1 coding(s) without counterpart; nothing was written
                cit.txt: coding 'surveillance' on utterance 3 (offsets 41–55, "kredietsysteem") has no counterpart; best place: utterance 3
                To revise anyway, run one of:
                  cda ingest cit.txt --replace --on-conflict keep-utterance
                  cda ingest cit.txt --replace --on-conflict drop
                1 of 1 file(s) failed; the project keeps everything else.

                """)
        let versions = try CLI.run(["documents", "--versions", "cit", "--json"], in: folder.path, environment: env)
        let list = try JSONSerialization.jsonObject(with: Data(versions.output.utf8)) as? [[String: Any]]
        #expect(list?.count == 1)
    }

    @Test func aDryRunShowsTheAlignmentAndEveryCoding() throws {
        let folder = TemporaryDirectory()
        let env = try Self.setUp(folder)
        let preview = try CLI.run(
            ["ingest", "cit.txt", "--replace", "--dry-run", "--on-conflict", "drop"], in: folder.path, environment: env)
        #expect(preview.status == 0, "\(preview.error)")
        for line in [
            "would revise: cit.txt → cit (text, 5 utterances, 4 speakers, 32 words)",
            "  version 1 → 2",
            "  utterances: 3 unchanged, 2 changed, 0 split, 0 merged, 0 regrouped, 0 inserted, 0 deleted",
            "    2 → 2 changed (text)",
            "    3 → 3 changed (text)",
            "  codings: 0 unchanged, 1 moved, 1 without counterpart",
            "    moved 'loket' cit:2[32,41) → cit:2[37,46) \"één loket\"",
            "    cit.txt: coding 'surveillance' on utterance 3 (offsets 41–55, \"kredietsysteem\") has no counterpart; dropped",
        ] {
            #expect(preview.output.contains(line + "\n"), "missing: \(line)\n\(preview.output)")
        }
        // Under the default policy the dry run shows the same, and says it would refuse.
        let refusing = try CLI.run(["ingest", "cit.txt", "--replace", "--dry-run"], in: folder.path, environment: env)
        #expect(refusing.status == 1)
        #expect(refusing.output.contains("would refuse: cit.txt → cit"))
        #expect(refusing.output.contains("best place: utterance 3\n"))
        let versions = try CLI.run(["documents", "--versions", "cit", "--json"], in: folder.path, environment: env)
        #expect((try JSONSerialization.jsonObject(with: Data(versions.output.utf8)) as? [Any])?.count == 1)
    }

    @Test func keepUtteranceRevisesAndUndoRestores() throws {
        let folder = TemporaryDirectory()
        let env = try Self.setUp(folder)
        let kept = try CLI.run(["ingest", "cit.txt", "--replace", "--on-conflict", "keep-utterance"], in: folder.path, environment: env)
        #expect(kept.status == 0, "\(kept.error)")
        #expect(kept.output.hasPrefix("revised: cit.txt → cit (text, 5 utterances, 4 speakers, 32 words)\n"))
        #expect(
            kept.output.contains(
                "cit.txt: coding 'surveillance' on utterance 3 (offsets 41–55, \"kredietsysteem\") has no counterpart; kept on utterance 3 as a whole-utterance coding marked for review\n"
            ))
        let versions = try CLI.run(["documents", "--versions", "cit"], in: folder.path, environment: env)
        #expect(versions.output.split(separator: "\n").count == 4)  // header, rule, versions 1 and 2
        #expect(versions.output.contains("current"))
        let undo = try CLI.run(["undo"], in: folder.path, environment: env)
        #expect(undo.status == 0, "\(undo.error)")
        let after = try CLI.run(["documents", "--versions", "cit", "--json"], in: folder.path, environment: env)
        #expect((try JSONSerialization.jsonObject(with: Data(after.output.utf8)) as? [Any])?.count == 1)
        let check = try CLI.run(["check"], in: folder.path, environment: env)
        #expect(check.status == 0, "\(check.output)\(check.error)")
    }

    @Test func dropRemovesTheConflictingCoding() throws {
        let folder = TemporaryDirectory()
        let env = try Self.setUp(folder)
        let dropped = try CLI.run(["ingest", "cit.txt", "--replace", "--on-conflict", "drop"], in: folder.path, environment: env)
        #expect(dropped.status == 0, "\(dropped.error)")
        #expect(dropped.output.contains("has no counterpart; dropped\n"))
        let fragments = try CLI.run(["fragments", "--json"], in: folder.path, environment: env)
        #expect(!fragments.output.contains("surveillance"))
        #expect(fragments.output.contains("loket"))
    }

    @Test func anUnknownPolicyIsRefusedBeforeReading() throws {
        let folder = TemporaryDirectory()
        let env = try Self.setUp(folder)
        let wrong = try CLI.run(["ingest", "cit.txt", "--replace", "--on-conflict", "keep"], in: folder.path, environment: env)
        #expect(wrong.status != 0)
        #expect(wrong.error.contains("Unknown policy 'keep'. Use one of: refuse, keep-utterance, drop."))
    }
}
