import ArgumentParser
import CDATestSupport
import Foundation
import Testing

@testable import cda

@Suite(.serialized) struct CommandLineTests {
    @Test func parsesTheCommandTree() throws {
        expectRefusal(["code", "add", "--doc", "d"], saying: "Missing expected argument '--utterance <utterance>'")
        let command = try CDA.parseAsRoot(["codes", "merge", "a", "b", "--into", "c", "--reason", "same"])
        let merge = try #require(command as? CodesMergeCommand)
        #expect(merge.codes == ["a", "b"])
        #expect(merge.into == "c")
        #expect(merge.step.reason == "same")
        expectRefusal(["report", "--round", "3"], saying: "--round must be 1, 2 or latest.")
        expectRefusal(["codes", "color", "loket", "red"], saying: "'red' is not a colour; give it as #rrggbb")
        #expect(try CDA.parseAsRoot(["codes", "color", "loket", "#2b6cb0"]) is CodesColorCommand)
        expectRefusal(
            ["code", "add", "--doc", "d", "--utterance", "1", "--code", "x", "--start", "2"],
            saying: "Give both --start and --end, or neither")
    }

    @Test func ingestCodeConsolidateUndoAndReportFromTheShell() throws {
        let folder = TemporaryDirectory()
        folder.write("cit.txt", CodingFixtures.citizens)
        folder.write("exp.txt", CodingFixtures.experts)
        folder.write("themes.yaml", CodingFixtures.codebook)
        let env = ["CDA_PROJECT": folder.file("study.cda"), "CDA_CODER": "tester"]
        func cda(_ arguments: String...) throws -> CLI.Result { try CLI.run(arguments, in: folder.path, environment: env) }

        #expect(try cda("init").status == 0)
        let ingest = try cda("ingest", ".", "--json")
        #expect(ingest.status == 0)
        let documents = try cda("documents", "--json")
        let list = try JSONSerialization.jsonObject(with: Data(documents.output.utf8)) as? [[String: Any]]
        #expect(list?.map { $0["id"] as? String } == ["cit", "exp"])
        #expect(list?.map { $0["words"] as? Int } == [35, 22])

        #expect(try cda("code", "add", "--doc", "cit", "--utterance", "3", "--code", "china schrikbeeld").status == 0)
        #expect(try cda("code", "add", "--doc", "cit", "--utterance", "3", "--code", "China als schrikbeeld", "--coder", "b").status == 0)
        let bad = try cda("code", "add", "--doc", "cit", "--utterance", "2", "--start", "0", "--end", "99", "--code", "x")
        #expect(bad.status != 0)
        #expect(bad.error.contains("Offset 99 is outside utterance 2 of 'cit'"))
        let merge = try cda(
            "codes", "merge", "china schrikbeeld", "China als schrikbeeld", "--into", "china als dystopie", "--reason", "zelfde")
        #expect(merge.status == 0)
        #expect(merge.output.contains("2 coding(s) moved"))
        let codes = try JSONSerialization.jsonObject(with: Data(try cda("codes", "--json").output.utf8)) as? [[String: Any]]
        #expect(codes?.first { $0["name"] as? String == "china als dystopie" }?["codings"] as? Int == 2)
        let history = try cda("codes", "history", "--json")
        #expect(history.output.contains("\"actor\" : \"tester\""))
        #expect(try cda("undo").output.contains("Undone: merged"))
        let after = try JSONSerialization.jsonObject(with: Data(try cda("codes", "--json").output.utf8)) as? [[String: Any]]
        #expect(after?.compactMap { $0["name"] as? String }.sorted() == ["China als schrikbeeld", "china schrikbeeld"])

        #expect(try cda("themes", "load", "themes.yaml").status == 0)
        #expect(try cda("themes", "map", "china schrikbeeld", "china-image").status == 0)
        let report = try cda("report", "--out", "out", "--format", "json,md")
        #expect(report.status == 0)
        let json = try String(contentsOfFile: folder.file("out/report.json"), encoding: .utf8)
        #expect(json.contains("\"share_of_words\" : \(8.0 / 29.0)"))
        #expect(!json.contains("nachtmerrie"))
        #expect(FileManager.default.fileExists(atPath: folder.file("out/report.md")))
    }

    @Test func missingProjectIsAClearError() throws {
        let folder = TemporaryDirectory()
        let result = try CLI.run(["documents"], in: folder.path)
        #expect(result.status != 0)
        #expect(result.error.contains("project.cda: no project here. Create one with 'cda init"))
    }
}
