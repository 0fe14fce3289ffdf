import ArgumentParser
import CDAKit

/// `--as-of`: build from the project as it was at a past moment, in a private copy in memory.
struct AsOfOption: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Use the project as it was then: a date (2026-11-30, the end of that day in UTC), a time (2026-11-30T14:05, UTC "
                + "unless it has Z or +01:00), or DOCUMENT@VERSION (the version's last moment; see 'cda documents --versions').",
            valueName: "moment"))
    var asOf: String?

    func validate() throws {
        if let asOf {
            do { _ = try ProjectMoment(parsing: asOf) } catch { throw ValidationError(error.description) }
        }
    }

    /// `store` itself, or a copy of it rolled back to the moment; says on standard error what was taken back.
    func store(_ store: ProjectStore) throws -> ProjectStore {
        guard let asOf else { return store }
        let (past, rollback) = try store.asOf(ProjectMoment(parsing: asOf))
        Output.printError(Self.describe(rollback, asked: asOf))
        return past
    }

    static func describe(_ rollback: ProjectRollback, asked: String) -> String {
        var lines = ["As of \(asked) (up to \(rollback.moment) UTC); the project file is unchanged."]
        if rollback.changedNothing { lines.append("  Nothing has changed since then.") }
        for step in rollback.undoneSteps { lines.append("  taken back: step \(step.id), \(step.summary) (\(step.at))") }
        for step in rollback.restoredSteps { lines.append("  put back: step \(step.id), \(step.summary) (undone since)") }
        let counts: [(Int, String)] = [
            (rollback.codingsLeftOut, "codings made later"), (rollback.selectionsLeftOut, "quote selections made later"),
            (rollback.codesLeftOut, "codes made later"),
        ]
        for (count, what) in counts where count > 0 { lines.append("  left out: \(count) \(what)") }
        if !rollback.documentsLeftOut.isEmpty {
            lines.append("  left out: documents ingested later: \(rollback.documentsLeftOut.joined(separator: ", "))")
        }
        if !rollback.roundsLeftOut.isEmpty {
            lines.append("  left out: rounds started later: \(rollback.roundsLeftOut.map(String.init).joined(separator: ", "))")
        }
        return lines.joined(separator: "\n")
    }
}
