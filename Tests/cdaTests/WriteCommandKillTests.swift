import CDATestSupport
import Foundation
import Testing

@testable import CDAKit

/// Every command that writes to a project, killed with SIGKILL at seeded random moments: after
/// each kill `cda check` passes, the project equals its state before the command or after an
/// uninterrupted run, and nothing of ours is left beside it.
@Suite(.serialized) struct WriteCommandKillTests {
    /// Kills per command; with the uninterrupted run and the checks, about ten runs of `cda` each.
    private static let killsPerCommand = 3

    @Test func everyWriteCommandIsAllOrNothingWhenKilled() throws {
        let study = try WriteCommandStudy()
        let seed = UInt64(Date().timeIntervalSince1970)
        print("everyWriteCommandIsAllOrNothingWhenKilled: seed \(seed)")
        var generator = SeededGenerator(seed: seed)
        let projectFolder = study.folder.file("run")
        let project = projectFolder + "/p.cda"
        let env = ["CDA_PROJECT": project, "CDA_CODER": "a"]
        var killedMidway = 0
        for command in WriteCommandStudy.commands {
            let arguments = WriteCommandStudy.arguments(command, projectFolder: projectFolder)
            try study.restore(into: projectFolder)
            let before = try WriteCommandStudy.state(of: project)
            let started = Date()
            let whole = try CLI.run(arguments, in: study.folder.path, environment: env)
            let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
            try #require(whole.status == 0, "\(command): \(whole.error)")
            let after = try WriteCommandStudy.state(of: project)
            #expect(after != before || command.outputs.count > 0, "\(command) changed nothing; the test would not see a torn write")

            for kill in 0..<Self.killsPerCommand {
                let context = "seed \(seed), \(command), kill \(kill)"
                try study.restore(into: projectFolder)
                let delay = milliseconds / 4 + Int(generator.next() % UInt64(max(1, milliseconds)))
                let finished = try runAndKill(arguments, in: study.folder.path, environment: env, after: delay)
                if !finished { killedMidway += 1 }
                let check = try CLI.run(["check"], in: study.folder.path, environment: env)
                #expect(check.status == 0, "\(context): \(check.output)\(check.error)")
                var left = try leftovers(in: projectFolder, outputs: command.outputs)
                // A killed init, backup or export may leave its hidden temporary file (a killed
                // process cannot remove it); the next run writing the same name must remove it.
                let abandoned = left.filter { name in command.outputs.contains { name.hasPrefix(".\($0).") } }
                if !abandoned.isEmpty {
                    let state = try WriteCommandStudy.state(of: project)
                    for output in command.outputs { try? FileManager.default.removeItem(atPath: projectFolder + "/" + output) }
                    let rerun = try CLI.run(arguments, in: study.folder.path, environment: env)
                    #expect(rerun.status == 0, "\(context): \(rerun.error)")
                    left = try leftovers(in: projectFolder, outputs: command.outputs)
                    #expect(state == before || state == after, "\(context): the project is neither as before nor as after")
                }
                #expect(left.isEmpty, "\(context): left \(left)")
                let state = try WriteCommandStudy.state(of: project)
                #expect(state == before || state == after, "\(context): the project is neither as before nor as after")
                for output in command.outputs
                where output.hasSuffix(".cda") && FileManager.default.fileExists(atPath: projectFolder + "/" + output) {
                    let copy = try CLI.run(["check", "--project", projectFolder + "/" + output], in: study.folder.path)
                    #expect(copy.status == 0, "\(context): \(output) exists but is not whole: \(copy.error)")
                }
            }
        }
        #expect(killedMidway > 0, "seed \(seed): no command was interrupted; the kill came too late every time")
    }

    /// Starts `cda`, kills it after `milliseconds` unless it ended, and returns whether it ended on its own.
    private func runAndKill(_ arguments: [String], in directory: String, environment: [String: String], after milliseconds: Int) throws
        -> Bool
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(CLI.binary))
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
        let ended = !process.isRunning
        if !ended { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return ended
    }

    /// Files in the project's folder other than the project, the command's finished outputs and
    /// SQLite's own files beside them (which SQLite recovers from on the next open).
    private func leftovers(in folder: String, outputs: [String]) throws -> [String] {
        let expected = Set((["p.cda"] + outputs).flatMap { [$0, $0 + "-wal", $0 + "-shm"] })
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { !expected.contains($0) }.sorted()
    }
}
