import CDATestSupport
import Foundation
import Testing

@testable import CDAKit

/// Kills `cda` with SIGKILL at random moments and checks that nothing half-done remains.
@Suite(.serialized) struct CrashTests {
    /// A transcript with `turns` turns whose text depends on `seed`.
    private static func transcript(_ seed: Int, turns: Int) -> String {
        var lines = ["# speakers: A1, B2"]
        for turn in 0..<turns {
            lines.append("\(turn % 2 == 0 ? "A1" : "B2"): beurt \(turn) van bestand \(seed) over één digitale overheid en coördinatie")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func kill(_ process: Process, after milliseconds: Int) {
        Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    private func start(_ arguments: [String], in folder: TemporaryDirectory) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(CLI.binary))
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func killedIngestLeavesWholeDocumentsOnly() throws {
        let folder = TemporaryDirectory()
        var expected: [String: (count: Int, hash: String)] = [:]
        for file in 0..<24 {
            let text = Self.transcript(file, turns: 1_500)
            let path = folder.write("in/t\(String(format: "%02d", file)).txt", text)
            let source = try SourceFile(contentsOf: path)
            expected["t" + String(format: "%02d", file)] = (1_500, source.contentHash)
        }
        var generator = SystemRandomNumberGenerator()
        var partialRuns = 0
        for run in 0..<20 {
            let project = folder.file("p\(run).cda")
            _ = try ProjectStore.create(at: project)
            let process = try start(["ingest", "in", "--project", project], in: folder)
            kill(process, after: Int.random(in: 5...400, using: &generator))
            let store = try ProjectStore.open(at: project)
            #expect(try store.check() == [], "run \(run)")
            let documents = try store.documents()
            if documents.count < expected.count { partialRuns += 1 }
            for document in documents {
                #expect(document.utterances == expected[document.id]?.count, "run \(run): \(document.id) is incomplete")
            }
        }
        #expect(partialRuns > 0, "no run was interrupted; the kill came too late every time")
    }

    @Test func killedSheetImportIsAllOrNothing() throws {
        let folder = TemporaryDirectory()
        folder.write("t.txt", Self.transcript(0, turns: 4_000))
        var rows = ["document\tutterance\tstart\tend\tcode\tround\tcoder\tmemo\ttext"]
        for index in 1...4_000 { rows.append("t\t\(index)\t\t\tcode \(index % 50)\t1\ta\t\t") }
        folder.write("sheet.tsv", rows.joined(separator: "\n") + "\n")
        var generator = SystemRandomNumberGenerator()
        var outcomes: Set<Int> = []
        for run in 0..<20 {
            let project = folder.file("s\(run).cda")
            let store = try ProjectStore.create(at: project)
            _ = try Ingester(store: store, options: .init()).ingest(paths: [folder.file("t.txt")])
            let process = try start(["sheet", "import", "sheet.tsv", "--project", project], in: folder)
            kill(process, after: Int.random(in: 5...300, using: &generator))
            let reopened = try ProjectStore.open(at: project)
            #expect(try reopened.check() == [])
            let codings = try reopened.codes().reduce(0) { $0 + $1.codings }
            #expect(codings == 0 || codings == 4_000, "run \(run): \(codings) codings")
            outcomes.insert(codings)
        }
        #expect(outcomes.contains(0), "no import was interrupted")
    }

    @Test func killedBuildLeavesNoProjectOrAWholeOne() throws {
        let folder = TemporaryDirectory()
        let recipe = SharedData.repositoryRoot + "/Corpora/scenario-workshops/cda.yaml"
        let seed = UInt64(Date().timeIntervalSince1970)
        print("killedBuildLeavesNoProjectOrAWholeOne: seed \(seed)")
        var generator = SeededGenerator(seed: seed)
        var killedBeforeTheEnd = 0
        for run in 0..<8 {
            let project = folder.file("b\(run).cda")
            let process = try start(["build", recipe, "--out", folder.file("r\(run)"), "--project", project], in: folder)
            kill(process, after: 30 + Int(generator.next() % 2_500))
            if FileManager.default.fileExists(atPath: project) {
                let store = try ProjectStore.open(at: project)
                #expect(try store.check() == [], "seed \(seed) run \(run)")
                #expect(try store.documents().count == 4, "seed \(seed) run \(run): a project appeared before it was whole")
            } else {
                killedBeforeTheEnd += 1
                // Only the hidden working file may be left; the next build of the same project removes it.
                let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".b\(run).cda") }
                #expect(left.allSatisfy { $0.hasPrefix(".b\(run).cda.building-") }, "seed \(seed) run \(run): \(left)")
                let rerun = try CLI.run(["build", recipe, "--out", folder.file("r\(run)"), "--project", project], in: folder.path)
                #expect(rerun.status == 0, "seed \(seed) run \(run): \(rerun.error)")
                #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".b\(run).cda") }.isEmpty)
            }
        }
        #expect(killedBeforeTheEnd > 0, "seed \(seed): no build was interrupted; the kill came too late every time")
    }
}
