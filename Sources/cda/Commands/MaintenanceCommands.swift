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
