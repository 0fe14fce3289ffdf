import ArgumentParser
import CDAKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a new, empty project file (readable by you only).")

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let store = try ProjectStore.create(at: project.path)
        print("Created project \(store.path)")
    }
}
