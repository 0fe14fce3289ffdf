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
            Press Ctrl-C to stop. To reach the workbench from another computer, keep --host 127.0.0.1 \
            behind a reverse proxy with TLS and name the proxy's host with --allow-host; a --host other \
            than this computer is refused unless --allow-host names the host names browsers will use.
            """)

    @OptionGroup var project: ProjectOptions
    @OptionGroup var coder: CoderOptions

    @Option(help: "The address to listen on; keep the default (this computer only) unless you know why.")
    var host = "127.0.0.1"

    @Option(help: "The port; 0 lets the system choose a free one.")
    var port = 8420

    @Option(
        name: .customLong("allow-host"),
        help: ArgumentHelp(
            "A host name browsers may use to reach the workbench, such as a TLS reverse proxy's name (repeatable).", valueName: "name"))
    var allowHost: [String] = []

    @Flag(help: "Open the workbench in the default browser.")
    var open = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port).") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty.") }
        do {
            try configuration(projectName: "").check()
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The workbench's settings from the options.
    func configuration(projectName: String) -> WorkbenchConfiguration {
        WorkbenchConfiguration(host: host, port: port, coder: coder.name, projectName: projectName, allowedHosts: allowHost)
    }

    func run() async throws {
        let store = try project.open()
        let name = ((project.path as NSString).lastPathComponent as NSString).deletingPathExtension
        let configuration = configuration(projectName: name)
        if !configuration.isLoopback {
            Output.printError(
                "Warning: listening on '\(host)' lets other computers reach the workbench over plain HTTP; anyone who sees the token can read and change the project. Prefer a reverse proxy with TLS."
            )
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
