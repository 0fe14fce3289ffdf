import ArgumentParser
import CDAKit
import Foundation

struct PositioningCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "positioning",
        abstract: "Us and them: first- and third-person plural and group nouns per group and theme, per 1,000 words.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var filters: ScopeOptions

    func run() throws {
        let rows = try Positioning.measure(in: try project.open(), scope: filters.scope)
        if output.json { return try Output.printJSON(rows) }
        Output.printTable(
            ["group", "theme", "words", "we", "they", "we/1000", "they/1000", "nouns/1000", "group nouns"],
            rows.map { row in
                [
                    row.group, row.theme, "\(row.words)", "\(row.firstPersonPlural)", "\(row.thirdPersonPlural)",
                    String(format: "%.1f", row.firstPersonPluralPer1000), String(format: "%.1f", row.thirdPersonPluralPer1000),
                    String(format: "%.1f", row.groupNounsPer1000),
                    row.groupNouns.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "),
                ]
            })
        print("Drill down with: cda kwic 'wij' --group GROUP --theme THEME")
    }
}
