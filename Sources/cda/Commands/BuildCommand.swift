import ArgumentParser
import CDAKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Run a recipe (sources, codebook, sheets, consolidation, memos) into a fresh project and write the report.")

    @Argument(help: "The recipe (.yaml).") var recipe: String
    @Option(help: "The folder for the report.") var out = "report"
    @Option(help: "Keep the project at this path (it must not exist yet); by default a temporary project is used.") var project: String?

    func run() throws {
        let loaded = try Recipe.load(path: recipe)
        let result = try RecipeBuilder.build(loaded, output: out, projectPath: project)
        for file in result.files { print("Wrote \(file)") }
        let groups = result.report.groups.map { "\($0.name): \($0.participants) participants, \($0.words) words" }.joined(separator: "; ")
        print("Report for '\(loaded.name)', round \(result.report.round), \(result.report.themes.count) themes (\(groups)).")
        if let kept = result.project { print("Project kept at \(kept).") }
        print("Open \(out)/report.html or read \(out)/report.md.")
    }
}
