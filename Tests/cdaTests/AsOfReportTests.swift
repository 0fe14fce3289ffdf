import CDATestSupport
import Foundation
import Testing

@testable import cda

/// `cda report --as-of`: a report made before a revision (and later steps) is rebuilt exactly,
/// and the project file is left as it is.
@Suite(.serialized) struct AsOfReportTests {
    static func report(_ folder: TemporaryDirectory, _ env: [String: String], _ out: String, _ extra: [String] = []) throws -> String {
        let made = try CLI.run(["report", "--format", "json", "--quotes", "--out", out] + extra, in: folder.path, environment: env)
        #expect(made.status == 0, "\(made.error)")
        return try String(contentsOfFile: folder.file(out + "/report.json"), encoding: .utf8)
    }

    static func run(_ folder: TemporaryDirectory, _ env: [String: String], _ arguments: [String]) throws {
        let result = try CLI.run(arguments, in: folder.path, environment: env)
        #expect(result.status == 0, "\(arguments): \(result.error)")
    }

    @Test func theVersionBeforeARevisionGivesTheReportMadeThen() throws {
        let folder = TemporaryDirectory()
        let env = try RevisionCommandTests.setUp(folder)
        let before = try Self.report(folder, env, "before")
        try Self.run(folder, env, ["ingest", "cit.txt", "--replace", "--on-conflict", "drop"])
        try Self.run(folder, env, ["code", "add", "--doc", "cit", "--utterance", "5", "--code", "contact"])
        try Self.run(folder, env, ["codes", "rename", "loket", "één loket"])
        let now = try Self.report(folder, env, "now")
        #expect(now != before)
        let fragments = try CLI.run(["fragments", "--json"], in: folder.path, environment: env).output

        let rebuilt = try CLI.run(
            ["report", "--format", "json", "--quotes", "--out", "rebuilt", "--as-of", "cit@1"], in: folder.path, environment: env)
        #expect(rebuilt.status == 0, "\(rebuilt.error)")
        #expect(try String(contentsOfFile: folder.file("rebuilt/report.json"), encoding: .utf8) == before)
        #expect(rebuilt.error.hasPrefix("As of cit@1 (up to "))
        #expect(rebuilt.error.contains("  taken back: step 2, renamed 'loket' to 'één loket'"))
        #expect(rebuilt.error.contains("  taken back: step 1, revised 'cit' to version 2"))
        // The current version is now; the project file itself is untouched.
        #expect(try Self.report(folder, env, "current", ["--as-of", "cit@2"]) == now)
        #expect(try CLI.run(["fragments", "--json"], in: folder.path, environment: env).output == fragments)
        #expect(try CLI.run(["check"], in: folder.path, environment: env).status == 0)
    }

    @Test func aTimeTakesBackLaterStepsAndPutsBackStepsUndoneSince() throws {
        let folder = TemporaryDirectory()
        let env = try RevisionCommandTests.setUp(folder)
        try Self.run(folder, env, ["codes", "rename", "surveillance", "toezicht"])
        let then = try Self.report(folder, env, "then")
        Thread.sleep(forTimeInterval: 1.1)  // times have one-second resolution
        let moment = ISO8601DateFormatter().string(from: Date())
        Thread.sleep(forTimeInterval: 1.1)
        try Self.run(folder, env, ["undo"])
        try Self.run(folder, env, ["code", "add", "--doc", "cit", "--utterance", "4", "--code", "wij"])
        folder.write("late.txt", CodingFixtures.citizens.replacingOccurrences(of: "# id: cit", with: "# id: late"))
        try Self.run(folder, env, ["ingest", "late.txt"])
        #expect(try Self.report(folder, env, "now") != then)

        let rebuilt = try CLI.run(
            ["report", "--format", "json", "--quotes", "--out", "rebuilt", "--as-of", moment], in: folder.path, environment: env)
        #expect(rebuilt.status == 0, "\(rebuilt.error)")
        #expect(try String(contentsOfFile: folder.file("rebuilt/report.json"), encoding: .utf8) == then)
        #expect(rebuilt.error.contains("  put back: step 1, renamed 'surveillance' to 'toezicht' (undone since)"))
        #expect(rebuilt.error.contains("  left out: 1 codings made later"))
        #expect(rebuilt.error.contains("  left out: documents ingested later: late"))
    }

    @Test func anUnreadableMomentOrUnknownVersionIsRefused() throws {
        let folder = TemporaryDirectory()
        let env = try RevisionCommandTests.setUp(folder)
        let unreadable = try CLI.run(["report", "--as-of", "yesterday"], in: folder.path, environment: env)
        #expect(unreadable.status != 0)
        #expect(unreadable.error.contains("Cannot read the moment 'yesterday'."))
        let unknown = try CLI.run(["report", "--as-of", "cit@3"], in: folder.path, environment: env)
        #expect(unknown.status == 1)
        #expect(unknown.error.contains("Document 'cit' has versions 1–1; 3 is not one."))
        #expect(!FileManager.default.fileExists(atPath: folder.file("report")))
    }
}
