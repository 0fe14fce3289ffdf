import ArgumentParser
import CDATestSupport
import Foundation
import Testing

@testable import cda

/// `cda memo set` and `cda memo show` on each kind of target, from the shell. Both once failed on
/// every call: the project memo's `--project` flag clashed with `--project FILE`.
@Suite(.serialized) struct MemoCommandTests {
    @Test func parsesEveryTargetBesideTheProjectFile() throws {
        let set = try #require(
            try CDA.parseAsRoot(["memo", "set", "--project", "study.cda", "--code", "trust", "Vertrouwen."]) as? MemoSetCommand)
        #expect(set.projectOptions.project == "study.cda")
        #expect(set.target.code == "trust")
        #expect(set.text == "Vertrouwen.")
        let show = try #require(try CDA.parseAsRoot(["memo", "show", "--project", "study.cda", "--project-memo"]) as? MemoShowCommand)
        #expect(show.target.projectMemo)
        expectRefusal(
            ["memo", "show", "--code", "a", "--doc", "b"], saying: "Name exactly one of --code, --doc, --theme or --project-memo.")
        expectRefusal(["memo", "show"], saying: "Name exactly one of --code, --doc, --theme or --project-memo.")
        expectRefusal(["memo", "show", "--code", "a", "--group", "g"], saying: "--group goes with --theme.")
    }

    @Test func writesAndReadsMemosFromTheShell() throws {
        let folder = TemporaryDirectory()
        folder.write("cit.txt", CodingFixtures.citizens)
        folder.write("themes.yaml", CodingFixtures.codebook)
        let env = ["CDA_CODER": "tester"]
        func cda(_ arguments: String...) throws -> CLI.Result {
            try CLI.run(arguments + ["--project", folder.file("study.cda")], in: folder.path, environment: env)
        }
        #expect(try cda("init").status == 0)
        #expect(try cda("ingest", "cit.txt").status == 0)
        #expect(try cda("themes", "load", "themes.yaml").status == 0)
        #expect(try cda("code", "add", "--doc", "cit", "--utterance", "2", "--code", "trust").status == 0)

        for (target, text) in [
            (["--code", "trust"], "Vertrouwen in de overheid."), (["--doc", "cit"], "Eerste sessie."),
            (["--theme", "china-image"], "Beeld van China."), (["--theme", "china-image", "--group", "citizens"], "Burgers …"),
            (["--project-memo"], "Over het hele project."),
        ] {
            let set = try CLI.run(
                ["memo", "set"] + target + [text, "--project", folder.file("study.cda")], in: folder.path, environment: env)
            #expect(set.status == 0, "\(target): \(set.error)")
            #expect(set.output == "Memo saved.\n")
            let show = try CLI.run(["memo", "show"] + target + ["--project", folder.file("study.cda")], in: folder.path, environment: env)
            #expect(show.status == 0, "\(target): \(show.error)")
            #expect(show.output == text + "\n")
        }
        #expect(try cda("memo", "set", "--code", "trust", "").output == "Memo deleted.\n")
        #expect(try cda("memo", "show", "--code", "trust").output == "(no memo)\n")
        let unknown = try cda("memo", "set", "--code", "bestaat niet", "x")
        #expect(unknown.status != 0)
        #expect(unknown.error.contains("Unknown code 'bestaat niet'"))
        let none = try cda("memo", "show")
        #expect(none.status == 64)
        #expect(none.error.contains("--project-memo"))
        #expect(try cda("memo", "set", "--help").output.contains("--project-memo"))
    }
}
