import CDATestSupport
import Foundation
import Testing

@testable import cda

/// `cda edit`: text, speaker, split and merge as revisions; codings follow; undo restores.
@Suite(.serialized) struct EditCommandTests {
    /// The citizens coded on "één loket" (utterance 2), "kredietsysteem" (utterance 3, offsets
    /// 41–55) and a span over "nachtmerrie met" (utterance 3, offsets 13–28).
    static func setUp(_ folder: TemporaryDirectory) throws -> [String: String] {
        let env = ["CDA_PROJECT": folder.file("p.cda"), "CDA_CODER": "a"]
        folder.write("cit.txt", CodingFixtures.citizens)
        #expect(try CLI.run(["init"], in: folder.path, environment: env).status == 0)
        #expect(try CLI.run(["ingest", "cit.txt"], in: folder.path, environment: env).status == 0)
        for (utterance, start, end, code) in [("2", "32", "41", "loket"), ("3", "41", "55", "surveillance"), ("3", "13", "28", "angst")] {
            let coded = try CLI.run(
                ["code", "add", "--doc", "cit", "--utterance", utterance, "--start", start, "--end", end, "--code", code],
                in: folder.path, environment: env)
            #expect(coded.status == 0, "\(coded.error)")
        }
        return env
    }

    static func run(_ folder: TemporaryDirectory, _ env: [String: String], _ arguments: [String]) throws -> CLI.Result {
        let result = try CLI.run(arguments, in: folder.path, environment: env)
        #expect(result.status == 0, "\(arguments): \(result.error)")
        return result
    }

    /// Every coding as `code place "text"`, sorted.
    static func codings(_ folder: TemporaryDirectory, _ env: [String: String]) throws -> [String] {
        let listed = try CLI.run(["fragments", "--json"], in: folder.path, environment: env)
        let fragments = try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]] ?? []
        return fragments.map { entry in
            let place = entry["fragment"] as? [String: Any] ?? [:]
            let bounds = ["startUtterance", "startOffset", "endUtterance", "endOffset"].map { place[$0].map { "\($0)" } ?? "-" }
            return "\((entry["codes"] as? [String] ?? []).joined(separator: ",")) \(bounds.joined(separator: " ")) \(entry["text"] ?? "")"
        }.sorted()
    }

    @Test func aTextFixMovesTheCodingsAfterItAndUndoRestoresEverything() throws {
        let folder = TemporaryDirectory()
        let env = try Self.setUp(folder)
        let before = try Self.codings(folder, env)
        let shown = try CLI.run(["show", "cit"], in: folder.path, environment: env).output
        let edited = try Self.run(
            folder, env, ["edit", "cit", "2", "--text", "De overheid moet écht snel reageren 🙂, één loket is genoeg."])
        #expect(edited.output.hasPrefix("edited: cit, fixed the text of utterance 2 [step 1]\n"))
        #expect(edited.output.contains("    moved 'loket' cit:2[32,41) → cit:2[39,48) \"één loket\"\n"))
        #expect(try Self.codings(folder, env).contains("loket 2 39 2 48 één loket"))
        #expect(try CLI.run(["check"], in: folder.path, environment: env).status == 0)
        let undone = try Self.run(folder, env, ["undo"])
        #expect(undone.output.contains("fixed the text of utterance 2 in 'cit' (version 2)"))
        #expect(try Self.codings(folder, env) == before)
        #expect(try CLI.run(["show", "cit"], in: folder.path, environment: env).output == shown)
    }

    @Test func aSplitThroughACodingKeepsItOnItsWordsAcrossBothPartsAndAMergeJoinsThemAgain() throws {
        let folder = TemporaryDirectory()
        let env = try Self.setUp(folder)
        let before = try Self.codings(folder, env)
        // "China is een nachtmerrie | met dat sociaal kredietsysteem."
        _ = try Self.run(folder, env, ["edit", "cit", "3", "--split-at", "24"])
        #expect(
            try Self.codings(folder, env) == [
                "angst 3 13 4 3 nachtmerrie\nmet", "loket 2 32 2 41 één loket", "surveillance 4 16 4 30 kredietsysteem",
            ])
        let shown = try CLI.run(["show", "cit"], in: folder.path, environment: env).output
        #expect(shown.contains("3. C2: China is een nachtmerrie\n4. C2: met dat sociaal kredietsysteem.\n5. C1: Wij"))
        _ = try Self.run(folder, env, ["edit", "cit", "3", "--merge-next"])
        #expect(try Self.codings(folder, env) == before)
        #expect(try CLI.run(["check"], in: folder.path, environment: env).status == 0)
        let versions = try CLI.run(["documents", "--versions", "cit", "--json"], in: folder.path, environment: env)
        #expect((try JSONSerialization.jsonObject(with: Data(versions.output.utf8)) as? [Any])?.count == 3)
    }

    @Test func aSpeakerChangeKeepsTheCodingsAndAnUnknownSpeakerIsRefused() throws {
        let folder = TemporaryDirectory()
        let env = try Self.setUp(folder)
        let before = try Self.codings(folder, env)
        let changed = try Self.run(folder, env, ["edit", "cit", "3", "--speaker", "C3"])
        #expect(changed.output.contains("    3 → 3 changed (speaker)\n"))
        #expect(try CLI.run(["show", "cit"], in: folder.path, environment: env).output.contains("3. C3: China is een"))
        #expect(try Self.codings(folder, env) == before)
        let unknown = try CLI.run(["edit", "cit", "3", "--speaker", "C9"], in: folder.path, environment: env)
        #expect(unknown.status == 1)
        #expect(unknown.error.contains("No speaker is labelled 'C9'. This document's speakers: C1, C2, C3, M."))
        let merge = try CLI.run(["edit", "cit", "2", "--merge-next"], in: folder.path, environment: env)
        #expect(merge.status == 1)
        #expect(merge.error.contains("Utterances 2 and 3 are spoken by C1 and C3; give them one speaker first, then merge."))
    }

    @Test func anEditThatRemovesCodedWordsIsRefusedUntilAPolicyIsChosen() throws {
        let folder = TemporaryDirectory()
        let env = try Self.setUp(folder)
        let before = try Self.codings(folder, env)
        let refused = try CLI.run(["edit", "cit", "3", "--text", "China is eng."], in: folder.path, environment: env)
        #expect(refused.status == 1)
        #expect(refused.output.hasPrefix("would refuse: cit, fixed the text of utterance 3\n"))
        #expect(
            refused.error.contains(
                "cit: coding 'surveillance' on utterance 3 (offsets 41–55, \"kredietsysteem\") has no counterpart; best place: utterance 3\n"
            ))
        #expect(refused.error.contains("  cda edit cit 3 --text 'China is eng.' --on-conflict keep-utterance\n"))
        #expect(try Self.codings(folder, env) == before)
        let dryRun = try Self.run(folder, env, ["edit", "cit", "3", "--text", "China is eng.", "--on-conflict", "drop", "--dry-run"])
        #expect(dryRun.output.hasPrefix("would edit: cit, fixed the text of utterance 3\n"))
        #expect(try Self.codings(folder, env) == before)
        _ = try Self.run(folder, env, ["edit", "cit", "3", "--text", "China is eng.", "--on-conflict", "keep-utterance"])
        #expect(try Self.codings(folder, env) == ["angst,surveillance 3 - 3 - China is eng.", "loket 2 32 2 41 één loket"])
        let review = try Self.run(folder, env, ["fragments", "--review"])
        #expect(
            review.output == """
                cit:3 C2 [citizens] {angst; surveillance}
                    China is eng.
                    ⚑ to review: revision to version 2: no counterpart for cit:3[41,55); kept on the whole utterance
                    ⚑ to review: revision to version 2: no counterpart for cit:3[13,28); kept on the whole utterance
                1 fragment(s)

                """)
    }

    @Test(arguments: [
        (["edit", "cit", "3"], "Give exactly one of --text, --speaker, --split-at or --merge-next."),
        (["edit", "cit", "3", "--text", "x", "--merge-next"], "Give exactly one of --text, --speaker, --split-at or --merge-next."),
        (["edit", "cit", "9", "--merge-next"], "Document 'cit' has utterances 1–5; 9 is not one."),
        (["edit", "cit", "5", "--merge-next"], "Utterance 5 is the last one; there is no next utterance to merge it with."),
        (
            ["edit", "cit", "3", "--split-at", "56"],
            "Cannot split utterance 3 at 56: both parts need words (the utterance has 56 characters)."
        ),
        (["edit", "cit", "3", "--text", "  "], "The new text of utterance 3 is empty."),
        (["edit", "cit", "3", "--text", "a\u{7}b"], "The new text of utterance 3 has a control character (U+0007) at character 2."),
        (["edit", "nope", "3", "--merge-next"], "Unknown document 'nope'."),
    ])
    func badEditsAreRefusedAndChangeNothing(arguments: [String], message: String) throws {
        let folder = TemporaryDirectory()
        let env = try Self.setUp(folder)
        let before = try Self.codings(folder, env)
        let refused = try CLI.run(arguments, in: folder.path, environment: env)
        #expect(refused.status != 0)
        #expect(refused.error.contains(message), "\(refused.error)")
        #expect(try Self.codings(folder, env) == before)
    }
}
