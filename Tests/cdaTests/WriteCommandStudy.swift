import CDATestSupport
import Foundation
import Testing

@testable import CDAKit

/// A small built project and one run of every command that writes to a project, for the fault
/// tests: each command is run against a fresh copy of the same project, so its outcome can be
/// compared with an uninterrupted run.
struct WriteCommandStudy {
    /// One write command: its name in messages, its arguments, and the files it writes beside the
    /// project (created by the command, not part of the project).
    struct Command: Sendable, CustomStringConvertible {
        var name: String
        var arguments: [String]
        var outputs: [String] = []
        var description: String { name }
    }

    /// Every command that writes to a project (`cda build` has its own test in `CrashTests`).
    /// Inputs are read from `input/`, the project and outputs sit in the project's folder.
    static let commands: [Command] = [
        Command(name: "init", arguments: ["init", "--project", "@/nieuw.cda"], outputs: ["nieuw.cda"]),
        Command(name: "ingest", arguments: ["ingest", "input/new.txt"]),
        Command(name: "ingest --replace", arguments: ["ingest", "--replace", "input/exp.txt"]),
        Command(name: "code add", arguments: ["code", "add", "--doc", "exp", "--utterance", "2", "--code", "waarde"]),
        Command(name: "code remove", arguments: ["code", "remove", "--id", "1"]),
        Command(
            name: "code add (time span)",
            arguments: ["code", "add", "--doc", "cit", "--from-time", "0.25", "--to-time", "00:00.75", "--code", "gelach"]),
        Command(name: "code remove (time span)", arguments: ["code", "remove", "--span-id", "1"]),
        Command(name: "code reassign", arguments: ["code", "reassign", "--id", "3", "--code", "snel"]),
        Command(name: "codes rename", arguments: ["codes", "rename", "snel", "snel handelen"]),
        Command(name: "codes merge", arguments: ["codes", "merge", "snel", "china", "--into", "samen"]),
        Command(name: "codes move", arguments: ["codes", "move", "china", "--under", "buitenland"]),
        Command(name: "codes retire", arguments: ["codes", "retire", "china"]),
        Command(name: "codes split", arguments: ["codes", "split", "snel", "--into", "snel-a,snel-b"]),
        Command(name: "codes color", arguments: ["codes", "color", "snel", "#123abc"]),
        Command(
            name: "ingest --replace (revision)",
            arguments: ["ingest", "--replace", "--on-conflict", "keep-utterance", "input/cit-revised.txt"]),
        Command(name: "undo", arguments: ["undo"]),
        Command(name: "edit --split-at", arguments: ["edit", "cit", "3", "--split-at", "12", "--on-conflict", "keep-utterance"]),
        Command(name: "sheet import", arguments: ["sheet", "import", "input/sheet.tsv"]),
        Command(name: "import qdpx", arguments: ["import", "qdpx", "input/other.qdpx"]),
        Command(name: "import qdc", arguments: ["import", "qdc", "input/other.qdc"]),
        Command(name: "themes load", arguments: ["themes", "load", "input/codebook2.yaml"]),
        Command(name: "themes map", arguments: ["themes", "map", "snel", "digital-government"]),
        Command(name: "themes unmap", arguments: ["themes", "unmap", "china", "china-image"]),
        Command(name: "round start", arguments: ["round", "start", "2", "--themes", "china-image"]),
        Command(name: "memo set", arguments: ["memo", "set", "--code", "snel", "een notitie over snelheid"]),
        Command(name: "memo set (project)", arguments: ["memo", "set", "--project-memo", "waar het om gaat"]),
        Command(name: "media add", arguments: ["media", "add", "exp", "input/b.wav"]),
        Command(name: "media remove", arguments: ["media", "remove", "cit"]),
        Command(name: "media relink", arguments: ["media", "relink", "input/found"]),
        Command(name: "fragments select", arguments: ["fragments", "select", "--doc", "cit", "--utterance", "3", "--note", "sterk"]),
        Command(name: "fragments unselect", arguments: ["fragments", "unselect", "--doc", "cit", "--utterance", "2"]),
        Command(name: "autocode --apply", arguments: ["autocode", "--dictionary", "input/dictionary.tsv", "--apply"]),
        Command(name: "consensus", arguments: ["consensus", "--coders", "a,b", "--as", "team"]),
        Command(name: "backup", arguments: ["backup", "@/kopie.cda"], outputs: ["kopie.cda"]),
        Command(name: "export qdpx", arguments: ["export", "qdpx", "@/uit.qdpx"], outputs: ["uit.qdpx"]),
    ]

    /// The folder holding `input/` and the base project `base/p.cda`.
    let folder = TemporaryDirectory()

    /// The base project's path.
    var base: String { folder.file("base/p.cda") }

    /// Builds the base project with the command line: two documents, themes, codings by two
    /// coders, a consolidation step, a mapping, a memo, a selected fragment, a recording and a
    /// time-span coding on it.
    init() throws {
        let input = "input/"
        folder.write(input + "cit.txt", CodingFixtures.citizens)
        folder.write(input + "exp.txt", CodingFixtures.experts)
        folder.write(input + "codebook.yaml", CodingFixtures.codebook)
        folder.write(
            input + "new.txt",
            "# id: nieuw\n# group: citizens\n# speakers: M, C4\n\nM: Nog een vraag?\nC4: Een digitaal loket voor iedereen.\n")
        folder.write(
            input + "sheet.tsv",
            "document\tutterance\tstart\tend\tcode\tround\tcoder\tmemo\ttext\nexp\t2\t\t\twaarde\t1\ta\t\t\nexp\t3\t\t\tongelijk\t1\ta\t\t\n"
        )
        folder.write(input + "dictionary.tsv", "overheid-code\toverheid\nloket-code\tloket\n")
        folder.write(
            input + "codebook2.yaml", CodingFixtures.codebook.replacingOccurrences(of: "Ongelijkheid", with: "Ongelijkheid en uitsluiting"))
        folder.write(input + "a.wav", bytes: Self.wav(fill: 9))
        folder.write(input + "b.wav", bytes: Self.wav(fill: 7))
        try FileManager.default.createDirectory(atPath: folder.file("base"), withIntermediateDirectories: true)

        // Another project, exported for the REFI-QDA imports.
        let other = ["CDA_PROJECT": folder.file("other/o.cda"), "CDA_CODER": "c"]
        try FileManager.default.createDirectory(atPath: folder.file("other"), withIntermediateDirectories: true)
        folder.write("other/ext.txt", "# id: ext\n# group: experts\n# speakers: M, E9\n\nM: Hoe verder?\nE9: Met toezicht en regels.\n")
        try run(["init"], other)
        try run(["ingest", "other/ext.txt"], other)
        try run(["code", "add", "--doc", "ext", "--utterance", "2", "--code", "toezicht"], other)
        try run(["export", "qdpx", folder.file(input + "other.qdpx")], other)
        try run(["export", "qdc", folder.file(input + "other.qdc")], other)

        let env = ["CDA_PROJECT": base, "CDA_CODER": "a"]
        try run(["init"], env)
        try run(["ingest", input + "cit.txt", input + "exp.txt"], env)
        try run(["themes", "load", input + "codebook.yaml"], env)
        for (utterance, code) in [(2, "snel"), (3, "china"), (4, "trots")] {
            try run(["code", "add", "--doc", "cit", "--utterance", "\(utterance)", "--code", code], env)
            try run(["code", "add", "--doc", "cit", "--utterance", "\(utterance)", "--code", code, "--coder", "b"], env)
        }
        try run(["codes", "rename", "trots", "nationale trots"], env)
        try run(["themes", "map", "china", "china-image"], env)
        try run(["memo", "set", "--doc", "cit", "burgers over de overheid"], env)
        try run(["fragments", "select", "--doc", "cit", "--utterance", "2"], env)
        try run(["media", "add", "cit", input + "a.wav"], env)
        try run(["code", "add", "--doc", "cit", "--from-time", "0.1", "--to-time", "0.5", "--code", "stilte"], env)
        // The recording moves, for `media relink`.
        try FileManager.default.createDirectory(atPath: folder.file(input + "found"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: folder.file(input + "a.wav"), toPath: folder.file(input + "found/a.wav"))
        // A corrected transcript of the coded document, for a revision: a word fixed, a turn split.
        folder.write(
            input + "cit-revised.txt",
            CodingFixtures.citizens.replacingOccurrences(of: "moet snel reageren, één loket", with: "moet snel reageren.\nC1: Eén loket")
                .replacingOccurrences(of: "nachtmerrie", with: "nachtmerrie,"))
        // A changed transcript without codings, for `ingest --replace`.
        folder.write(input + "exp.txt", CodingFixtures.experts + "\nE2: Een nieuwe laatste beurt.\n")
        try run(["check"], env)
    }

    /// Runs `cda` in the study's folder and requires success.
    @discardableResult
    func run(_ arguments: [String], _ environment: [String: String]) throws -> CLI.Result {
        let result = try CLI.run(arguments, in: folder.path, environment: environment)
        guard result.status == 0 else {
            throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "cda \(arguments): \(result.error)"])
        }
        return result
    }

    /// `command`'s arguments with `@` standing for `projectFolder`.
    static func arguments(_ command: Command, projectFolder: String) -> [String] {
        command.arguments.map { $0.hasPrefix("@/") ? projectFolder + $0.dropFirst() : $0 }
    }

    /// Replaces everything in `projectFolder` with a copy of the base project.
    func restore(into projectFolder: String) throws {
        let manager = FileManager.default
        try? manager.createDirectory(atPath: projectFolder, withIntermediateDirectories: true)
        for name in try manager.contentsOfDirectory(atPath: projectFolder) {
            try manager.removeItem(atPath: projectFolder + "/" + name)
        }
        try manager.copyItem(atPath: base, toPath: projectFolder + "/p.cda")
    }

    /// The project's observable state: every table but the history, with times and GUIDs
    /// (which differ between two runs of one command) blanked.
    static func state(of path: String) throws -> String {
        let dump = try ProjectStore.open(at: path).dump()
        let patterns = [
            #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"#,
            #"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"#,
        ]
        return patterns.reduce(dump) { text, pattern in
            text.replacingOccurrences(of: pattern, with: "…", options: .regularExpression)
        }
    }

    /// A WAV of 8,000 bytes of 8 kHz mono 8-bit audio (1 s) filled with `fill`.
    static func wav(fill: UInt8) -> [UInt8] {
        func le(_ value: Int, _ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        let format = le(1, 2) + le(1, 2) + le(8000, 4) + le(8000, 4) + le(1, 2) + le(8, 2)
        let chunks = Array("fmt ".utf8) + le(16, 4) + format + Array("data".utf8) + le(8_000, 4) + [UInt8](repeating: fill, count: 8_000)
        return Array("RIFF".utf8) + le(4 + chunks.count, 4) + Array("WAVE".utf8) + chunks
    }
}
