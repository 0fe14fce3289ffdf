import ArgumentParser
import CDAKit

struct MemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memo", abstract: "Write or read memos on codes, documents, themes and theme × group pairs.",
        subcommands: [MemoSetCommand.self, MemoShowCommand.self, MemoListCommand.self])
}

/// Which memo: exactly one of the target flags (with --group for a theme × group summary).
///
/// The project's own memo is `--project-memo`: `--project` is the project file (`ProjectOptions`),
/// and two arguments of one command cannot share a name.
struct MemoTargetOptions: ParsableArguments {
    @Option(help: "A code.") var code: String?
    @Option(name: .customLong("doc"), help: "A document.") var document: String?
    @Option(help: "A theme.") var theme: String?
    @Option(help: "With --theme: the group whose discussion of the theme the memo summarises.") var group: String?
    @Flag(name: .customLong("project-memo"), help: "The project's own memo.") var projectMemo = false

    func validate() throws {
        let count = [code != nil, document != nil, theme != nil, projectMemo].filter { $0 }.count
        guard count == 1 else { throw ValidationError("Name exactly one of --code, --doc, --theme or --project-memo.") }
        if group != nil && theme == nil { throw ValidationError("--group goes with --theme.") }
    }

    var target: MemoTarget {
        if let code { return .code(code) }
        if let document { return .document(document) }
        if let theme { return group.map { .themeGroup(theme: theme, group: $0) } ?? .theme(theme) }
        return .project
    }
}

struct MemoSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Write a memo (an empty text deletes it).")

    @OptionGroup var projectOptions: ProjectOptions
    @OptionGroup var target: MemoTargetOptions
    @OptionGroup var coder: CoderOptions
    @Argument(help: "The memo text.") var text: String

    func run() throws {
        try projectOptions.open().setMemo(text, on: target.target, author: coder.name)
        print(text.isEmpty ? "Memo deleted." : "Memo saved.")
    }
}

struct MemoShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a memo.")

    @OptionGroup var projectOptions: ProjectOptions
    @OptionGroup var target: MemoTargetOptions

    func run() throws {
        print(try projectOptions.open().memo(on: target.target) ?? "(no memo)")
    }
}

struct MemoListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List every memo: the project's, on documents, themes, theme × group pairs, codes and codings.")

    @OptionGroup var projectOptions: ProjectOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let memos = try projectOptions.open().memos()
        if output.json { return try Output.printJSON(memos) }
        if memos.isEmpty { return print("(no memos)") }
        for memo in memos {
            print("\(memo.label) — \(memo.author ?? "coder's memo"), \(memo.updatedAt)")
            for line in memo.text.split(separator: "\n", omittingEmptySubsequences: false) { print("    \(line)") }
        }
    }
}
