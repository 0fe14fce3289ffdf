import Foundation

/// A REFI-QDA project or codebook in memory: what `project.qde` and `.qdc` files hold.
///
/// Element and attribute names follow the REFI-QDA 1.5 schemas (`Project.xsd`, `Codebook.xsd`).
/// GUIDs are stored lowercase without braces. The reader fills it from a file, the writer renders
/// it; mapping to and from a `cda` project happens in `ExchangeExporter` and `ExchangeImportMapper`.
struct REFIProject: Sendable, Hashable {
    struct User: Sendable, Hashable {
        var guid: String
        var name: String?
    }

    struct Code: Sendable, Hashable {
        var guid: String
        var name: String
        var isCodable = true
        var color: String?
        var description: String?
        var noteRefs: [String] = []
        var children: [Code] = []
    }

    struct Variable: Sendable, Hashable {
        var guid: String
        var name: String
        var type = "Text"
    }

    struct VariableValue: Sendable, Hashable {
        var variable: String
        var value: String
    }

    struct Case: Sendable, Hashable {
        var guid: String
        var name: String?
        var description: String?
        var values: [VariableValue] = []
        var sourceRefs: [String] = []
    }

    struct Coding: Sendable, Hashable {
        var guid: String
        var codeRef: String
        var creatingUser: String?
        var creationDateTime: String?
        var noteRefs: [String] = []
    }

    struct Selection: Sendable, Hashable {
        var guid: String
        var name: String?
        var start: Int
        var end: Int
        var description: String?
        var creatingUser: String?
        var creationDateTime: String?
        var codings: [Coding] = []
        var noteRefs: [String] = []
        /// The line in `project.qde`, for messages.
        var line: Int?
    }

    /// A point of a transcript: a position in its plain text and, where known, the time in the
    /// recording there (milliseconds).
    struct SyncPoint: Sendable, Hashable {
        var guid: String
        var position: Int
        var timeStamp: Int?
    }

    /// The recording a transcript belongs to: the text source is then written as an
    /// `AudioSource` or `VideoSource` holding it as its `Transcript`, and selections become
    /// `TranscriptSelection`s between sync points.
    struct Recording: Sendable, Hashable {
        var kind: MediaKind
        /// `internal://GUID.ext` for a file inside the archive, else where the file lies.
        var path: String
        var transcriptGUID: String
        /// In position order; every selection's start and end has one.
        var syncPoints: [SyncPoint] = []
        /// `AudioSelection`s or `VideoSelection`s: stretches of the recording, `start` and `end`
        /// in milliseconds (the standard's `begin` and `end`).
        var timeSelections: [Selection] = []
    }

    struct TextSource: Sendable, Hashable {
        var guid: String
        var name: String?
        var description: String?
        var plainTextPath: String?
        var plainTextContent: String?
        var creatingUser: String?
        var selections: [Selection] = []
        var codings: [Coding] = []
        var noteRefs: [String] = []
        var values: [VariableValue] = []
        var line: Int?
        /// Set when the text is the transcript of a recording.
        var recording: Recording?
    }

    struct Note: Sendable, Hashable {
        var guid: String
        var name: String?
        var text: String
        var creatingUser: String?
        var creationDateTime: String?
    }

    struct CodeSet: Sendable, Hashable {
        var guid: String
        var name: String
        var description: String?
        var memberCodes: [String] = []
        var memberSources: [String] = []
        var memberNotes: [String] = []
    }

    var name: String
    var origin: String?
    var creationDateTime: String?
    var users: [User] = []
    var codes: [Code] = []
    var variables: [Variable] = []
    var cases: [Case] = []
    var sources: [TextSource] = []
    var notes: [Note] = []
    var sets: [CodeSet] = []
    var description: String?
    var noteRefs: [String] = []
    /// What the reader did not read, in words with its place (`FILE:12: a PDFSource is not
    /// imported`), for the import report.
    var skipped: [String] = []
    /// What the reader left out as invalid, in words with its place.
    var dropped: [String] = []
    /// Ids the reader repaired (`FILE:3: code 'c001' had no valid guid; given a new one`).
    var repairs: [String] = []
}

extension REFIProject.Code {
    /// This code and all its descendants, parents first, with their parent's GUID.
    func flattened(parent: String? = nil) -> [(code: REFIProject.Code, parent: String?)] {
        [(self, parent)] + children.flatMap { $0.flattened(parent: guid) }
    }
}

/// GUIDs as the schemas accept them, and as `cda` stores them.
enum REFIGUID {
    /// The GUID in lowercase without braces, or `nil` when `text` is not a GUID.
    static func normalize(_ text: String?) -> String? {
        guard var value = text?.trimmingCharacters(in: .whitespaces) else { return nil }
        if value.hasPrefix("{") && value.hasSuffix("}") { value = String(value.dropFirst().dropLast()) }
        let groups = value.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12],
            value.unicodeScalars.allSatisfy({ $0 == "-" || $0.properties.isASCIIHexDigit })
        else { return nil }
        return value.lowercased()
    }

    /// A new random GUID.
    static func make() -> String { UUID().uuidString.lowercased() }
}

/// Colours as the schemas accept them (`#rgb` or `#rrggbb`).
enum REFIColor {
    /// The colour when it is one the schemas accept, else `nil`.
    static func valid(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), text.hasPrefix("#") else { return nil }
        let digits = text.dropFirst()
        guard digits.count == 3 || digits.count == 6, digits.unicodeScalars.allSatisfy(\.properties.isASCIIHexDigit) else { return nil }
        return text
    }
}
