import ArgumentParser
import CDAKit
import Foundation

/// `--project PATH`, shared by every command that works on a project.
struct ProjectOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The project file (default: $CDA_PROJECT, else ./project.cda).", valueName: "path"))
    var project: String?

    /// The project path after defaults.
    var path: String {
        project ?? ProcessInfo.processInfo.environment["CDA_PROJECT"].flatMap { $0.isEmpty ? nil : $0 } ?? "project.cda"
    }

    /// Opens the project.
    func open() throws -> ProjectStore {
        try ProjectStore.open(at: path)
    }
}

/// `--json`, for commands whose output programs read.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON with stable keys instead of a table.")
    var json = false
}
