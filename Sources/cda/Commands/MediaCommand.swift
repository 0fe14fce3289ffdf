import ArgumentParser
import CDAKit

struct MediaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "media", abstract: "Link recordings (audio or video) to documents; the project keeps only their paths.",
        subcommands: [MediaAddCommand.self, MediaListCommand.self, MediaRemoveCommand.self, MediaRelinkCommand.self])
}

struct MediaAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Link a WAV, MP3, MP4/M4A, Ogg or WebM recording to a document (replacing its earlier link).")

    @OptionGroup var project: ProjectOptions

    @Argument(help: "The document id.") var document: String
    @Argument(help: "The recording.") var file: String

    @Option(help: ArgumentHelp("Where the transcript's time zero falls in the recording.", valueName: "seconds"))
    var offset: Double = 0

    func validate() throws {
        guard offset.isFinite, abs(offset) <= 1_000_000 else {
            throw ValidationError("--offset must be a number of seconds between -1000000 and 1000000, such as 12.5.")
        }
    }

    func run() throws {
        let (link, replaced) = try project.open().linkMedia(documentID: document, file: file, offset: offset)
        let what = "\(link.format.title) \(link.kind.rawValue), \(Output.clock(link.duration))"
        print("Linked '\(link.path)' (\(what)) to \(link.documentID).")
        if let replaced, replaced.path != link.path { print("It replaces '\(replaced.path)'.") }
    }
}

struct MediaListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the linked recordings.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let links = try project.open().mediaLinks()
        if output.json { return try Output.printJSON(links) }
        Output.printTable(
            ["document", "path", "size", "duration", "kind", "format", "offset", "sha256", "found"],
            links.map {
                [
                    $0.documentID, $0.path, "\($0.size)", "\($0.duration)", $0.kind.rawValue, $0.format.rawValue, "\($0.offset)",
                    String($0.sha256.prefix(12)), $0.found ? "yes" : "no",
                ]
            })
    }
}

struct MediaRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a document's link (the recording itself is left alone).")

    @OptionGroup var project: ProjectOptions

    @Argument(help: "The document id.") var document: String

    func run() throws {
        let link = try project.open().unlinkMedia(documentID: document)
        print("Removed the link from \(link.documentID) to '\(link.path)'.")
    }
}

struct MediaRelinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relink", abstract: "Find moved recordings again by their SHA-256 among the files below a folder.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The folder to search.") var folder: String

    func run() throws {
        let result = try project.open().relinkMedia(folder: folder)
        if output.json { return try Output.printJSON(result) }
        for move in result.relinked { print("\(move.documentID): '\(move.from)' → '\(move.to)'") }
        for document in result.missing { print("\(document): still missing") }
        print("\(result.relinked.count) relinked, \(result.missing.count) missing, \(result.unchanged) in place.")
    }
}
