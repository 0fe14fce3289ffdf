import ArgumentParser
import CDAKit

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "undo", abstract: "Revert the last consolidation step exactly.")

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let entry = try project.open().undo()
        print("Undone: \(entry.summary)")
    }
}
