import ArgumentParser
import CDAKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check the project file's integrity and the project's invariants.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let findings = try project.open().check()
        if output.json {
            try Output.printJSON(findings)
        } else if findings.isEmpty {
            print("\(project.path): ok")
        } else {
            for finding in findings { Output.printError("\(project.path): \(finding)") }
        }
        if !findings.isEmpty { throw ExitCode(1) }
    }
}

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index", abstract: "Show the size of the token index, or rebuild it from the transcripts' text.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Rebuild the token index (only needed when 'cda check' reports token-index problems).") var rebuild = false

    func run() throws {
        let store = try project.open()
        if rebuild {
            let rebuilt = try store.rebuildTokenIndex()
            print("Rebuilt the token index: \(rebuilt.utterances) utterance(s), \(rebuilt.words) word(s).")
            return
        }
        let summary = try store.tokenIndexSummary()
        if output.json { return try Output.printJSON(summary) }
        print("\(summary.utterances) utterance(s) indexed, \(summary.vocabulary) distinct word(s), \(summary.bytes) byte(s) of index.")
    }
}

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the project safely, even while another cda process writes to it.")

    @OptionGroup var project: ProjectOptions
    @Argument(help: "The backup file (must not exist).") var file: String

    func run() throws {
        try project.open().backup(to: file)
        print("Backed up \(project.path) to \(file)")
    }
}
