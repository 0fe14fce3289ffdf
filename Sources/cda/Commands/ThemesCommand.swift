import ArgumentParser
import CDAKit

struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes", abstract: "Load a codebook of themes and map codes to themes.",
        subcommands: [ThemesListCommand.self, ThemesLoadCommand.self, ThemesMapCommand.self, ThemesUnmapCommand.self],
        defaultSubcommand: ThemesListCommand.self)
}

struct ThemesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List themes with their codes.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let themes = try project.open().themes()
        if output.json { return try Output.printJSON(themes) }
        for theme in themes {
            print("\(theme.id): \(theme.label)")
            print("  codes: \(theme.codes.isEmpty ? "(none)" : theme.codes.joined(separator: "; "))")
            if !theme.terms.isEmpty { print("  terms: \(theme.terms.joined(separator: ", "))") }
        }
    }
}

struct ThemesLoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load", abstract: "Add or update themes, research questions and mappings from a YAML codebook.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var coder: CoderOptions
    @Argument(help: "The codebook (.yaml).") var file: String

    func run() throws {
        let codebook = try Codebook.load(path: file)
        let result = try project.open().loadCodebook(codebook, actor: coder.name)
        print("\(file): \(result.added.count) theme(s) added, \(result.updated.count) updated, \(result.mapped) mapping(s) applied.")
        if !result.unknownCodes.isEmpty {
            print("Not mapped (no such code yet): \(result.unknownCodes.map { "'\($0)'" }.joined(separator: ", "))")
        }
    }
}

struct ThemesMapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "map", abstract: "Map a code to a theme (a code may map to several).")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var coder: CoderOptions
    @Argument(help: "The code.") var code: String
    @Argument(help: "The theme id.") var theme: String

    func run() throws {
        print(try project.open().mapCode(code, toTheme: theme, actor: coder.name).summary)
    }
}

struct ThemesUnmapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unmap", abstract: "Remove a code → theme mapping.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var coder: CoderOptions
    @Argument(help: "The code.") var code: String
    @Argument(help: "The theme id.") var theme: String

    func run() throws {
        print(try project.open().unmapCode(code, fromTheme: theme, actor: coder.name).summary)
    }
}
