import ArgumentParser
import CDAKit

struct CodesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codes", abstract: "List and consolidate codes: rename, merge, move, retire, split; history and lineage.",
        subcommands: [
            CodesListCommand.self, CodesRenameCommand.self, CodesMergeCommand.self, CodesMoveCommand.self,
            CodesRetireCommand.self, CodesSplitCommand.self, CodesColorCommand.self, CodesHistoryCommand.self, CodesLineageCommand.self,
        ],
        defaultSubcommand: CodesListCommand.self)
}

/// `--reason` and the actor, shared by consolidation steps.
struct StepOptions: ParsableArguments {
    @Option(help: "Why, for the history.")
    var reason: String?

    @OptionGroup var coder: CoderOptions
}

struct CodesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List codes with counts (after consolidation).")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "Also list merged and retired codes.")
    var all = false

    func run() throws {
        let codes = try project.open().codes().filter { all || output.json || $0.status == .active }
        if output.json { return try Output.printJSON(codes) }
        Output.printTable(
            ["id", "name", "parent", "status", "origin", "round", "themes", "fragments", "codings", "speakers"],
            codes.map {
                [
                    "\($0.id)", $0.name, $0.parent ?? "", $0.status == .merged ? "merged → \($0.mergedInto ?? "?")" : $0.status.rawValue,
                    $0.origin.rawValue, "\($0.round)", $0.themes.joined(separator: ","), "\($0.fragments)", "\($0.codings)",
                    "\($0.speakers)",
                ]
            })
    }
}

struct CodesRenameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename a code.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var step: StepOptions

    @Argument(help: "The current name.") var old: String
    @Argument(help: "The new name.") var new: String

    func run() throws {
        print(try project.open().renameCode(old, to: new, reason: step.reason, actor: step.coder.name).summary)
    }
}

struct CodesColorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "color", abstract: "Give a code a colour (#rrggbb), used in the workbench, the reports and REFI-QDA exports.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var step: StepOptions

    @Argument(help: "The code.") var code: String
    @Argument(help: "The colour, #rrggbb or #rgb.") var color: String

    func validate() throws {
        do {
            _ = try CodeColor.validated(color)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        print(try project.open().setCodeColor(code, to: color, reason: step.reason, actor: step.coder.name).summary)
    }
}

struct CodesMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Merge codes into a target; identical codings collapse, merged codes keep their lineage.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var step: StepOptions

    @Argument(help: "The codes to merge.") var codes: [String]

    @Option(help: "The target code (existing or new).") var into: String

    func run() throws {
        let result = try project.open().mergeCodes(codes, into: into, reason: step.reason, actor: step.coder.name)
        if output.json { return try Output.printJSON(result) }
        print(
            "Merged \(result.merged.map { "'\($0)'" }.joined(separator: ", ")) into '\(result.target)'\(result.createdTarget ? " (new code)" : ""): \(result.movedCodings) coding(s) moved, \(result.collapsedCodings) identical coding(s) collapsed. 'cda undo' reverts it."
        )
    }
}

struct CodesMoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "Nest a code under a parent category, or move it to the top.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var step: StepOptions

    @Argument(help: "The code.") var code: String
    @Option(help: "The parent (created when it does not exist).") var under: String?
    @Flag(help: "Move to the top level.") var top = false

    func validate() throws {
        if (under == nil) == !top { throw ValidationError("Give either --under PARENT or --top.") }
    }

    func run() throws {
        print(try project.open().moveCode(code, under: under, reason: step.reason, actor: step.coder.name).summary)
    }
}

struct CodesRetireCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retire", abstract: "Retire a code: it keeps its codings but counts for no theme.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var step: StepOptions

    @Argument(help: "The code.") var code: String

    func run() throws {
        print(try project.open().retireCode(code, reason: step.reason, actor: step.coder.name).summary)
    }
}

struct CodesSplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split", abstract: "Create new codes from one and list its codings to reassign.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var step: StepOptions

    @Argument(help: "The code to split.") var code: String
    @Option(help: "The new codes, comma-separated.") var into: String

    func run() throws {
        let names = into.split(separator: ",").map { String($0) }
        let result = try project.open().splitCode(code, into: names, reason: step.reason, actor: step.coder.name)
        if output.json { return try Output.printJSON(result) }
        print(
            "Created \(result.created.map { "'\($0)'" }.joined(separator: ", ")). Reassign the \(result.codingsToReassign.count) coding(s) of '\(result.code)' with 'cda code reassign --id ID --code NAME':"
        )
        for id in result.codingsToReassign { print("  coding \(id)") }
    }
}

struct CodesHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Show every consolidation step: who, when, why.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let history = try project.open().history()
        if output.json { return try Output.printJSON(history) }
        Output.printTable(
            ["#", "when", "who", "step", "why", "undone"],
            history.map { ["\($0.id)", $0.at, $0.actor, $0.summary, $0.reason ?? "", $0.undoneAt ?? ""] })
    }
}

struct CodesLineageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lineage", abstract: "Show each consolidated code with every code folded into it.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let lineage = try project.open().lineage()
        if output.json { return try Output.printJSON(lineage) }
        for entry in lineage where !entry.merged.isEmpty || !entry.formerNames.isEmpty {
            let former = entry.formerNames.isEmpty ? "" : " (formerly \(entry.formerNames.map { "'\($0)'" }.joined(separator: ", ")))"
            print("\(entry.code)\(entry.status == .retired ? " [retired]" : "")\(former)")
            for merged in entry.merged {
                print("  ← \(merged.name) (round \(merged.round), \(merged.origin.rawValue), merged into '\(merged.into)')")
            }
        }
    }
}
