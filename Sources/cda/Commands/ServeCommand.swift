import ArgumentParser
import CDAKit
import CDAKitWeb
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Open the coding workbench in the browser: read transcripts, code, consolidate, map themes.",
        discussion: """
            Serves a local web app on the project. The printed address holds a random access token; \
            only a browser that opened it (or a script sending 'Authorization: Bearer TOKEN') gets in. \
            Press Ctrl-C to stop.
            """)

    @OptionGroup var project: ProjectOptions
    @OptionGroup var coder: CoderOptions

    @Option(help: "The address to listen on; keep the default (this computer only) unless you know why.")
    var host = "127.0.0.1"

    @Option(help: "The port; 0 lets the system choose a free one.")
    var port = 8420

    @Flag(help: "Open the workbench in the default browser.")
    var open = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port).") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty.") }
    }

    func run() async throws {
        let store = try project.open()
        let name = ((project.path as NSString).lastPathComponent as NSString).deletingPathExtension
        let configuration = WorkbenchConfiguration(host: host, port: port, coder: coder.name, projectName: name)
        if !configuration.isLoopback {
            Output.printError("Warning: listening on '\(host)' lets other computers reach the workbench; anyone with the token can read and change the project.")
        }
        let workbench = try Workbench(store: store, configuration: configuration)
        let openBrowser = open
        try await workbench.run { url in
            // Written unbuffered, so that a script reading the output sees the address at once.
            FileHandle.standardOutput.write(Data("cda workbench for \(store.path)\nOpen \(url)\nPress Ctrl-C to stop.\n".utf8))
            if openBrowser { Self.openInBrowser(url) }
        }
    }

    /// Asks the desktop to open `url` (xdg-open on Linux, open on macOS); says so when it cannot.
    static func openInBrowser(_ url: String) {
        #if os(macOS)
        let opener = "/usr/bin/open"
        #else
        let opener = "/usr/bin/xdg-open"
        #endif
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [url]
        do {
            try process.run()
        } catch {
            Output.printError("Could not start '\(opener)'; open the address above in your browser.")
        }
    }
}
