import Foundation

/// Why a REFI-QDA codebook or project could not be exported, imported or validated.
///
/// Messages read `FILE: …` and name the archive entry and position; they never quote transcript
/// text. On import, nothing was changed in the project when one of these is thrown.
public enum ExchangeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read or is not what its extension says.
    case unreadable(file: String, reason: String)
    /// The file is not a readable ZIP archive.
    case notAnArchive(file: String, reason: String)
    /// An entry would be extracted outside the archive's folder (zip slip), or is absolute or a link.
    case unsafeEntry(file: String, entry: String, reason: String)
    /// An entry declares or inflates to more bytes than `cda` accepts (an archive bomb).
    case entryTooLarge(file: String, entry: String, bytes: UInt64, limit: UInt64, declared: Bool)
    /// An entry inflates to more bytes than its header declares.
    case sizeMismatch(file: String, entry: String, declared: UInt64)
    /// The archive has more entries than `cda` accepts.
    case tooManyEntries(file: String, count: Int, limit: Int)
    /// The archive holds no `project.qde`.
    case missingProject(file: String)
    /// The XML's root element is not the expected one.
    case wrongRoot(file: String, found: String, expected: String)
    /// The document fails the REFI-QDA schema.
    case schemaViolations(file: String, schema: String, violations: [XMLSchemaViolation])
    /// No folder with `Project.xsd` and `Codebook.xsd` was found.
    case schemasNotFound(searched: [String])
    /// A schema file could not be read or compiled.
    case schemaUnusable(path: String, message: String)
    /// There is nothing of this kind to export.
    case nothingToExport(file: String, what: String)
    /// The output could not be written.
    case writeFailed(file: String, reason: String)
    /// An imported document has the id of a project document with other utterances.
    case documentConflict(file: String, document: String)
    /// A strict import found ids that are not GUIDs, references to nothing or selections that
    /// cannot be placed exactly; each problem names the file, line and GUID.
    case incomplete(file: String, problems: [String])
    /// An imported code's name is refused by `CodeName` (a control character in it): the code's
    /// GUID and the library's message.
    case invalidCodeName(file: String, guid: String?, message: String)

    /// `FILE: message`, in words a researcher understands.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read the file (\(reason))"
        case .notAnArchive(let file, let reason):
            return "\(file): not a REFI-QDA project archive (\(reason)); a .qdpx file is a ZIP archive"
        case .unsafeEntry(let file, let entry, let reason):
            return "\(file): entry '\(entry)' \(reason); the archive was refused and nothing was imported"
        case .entryTooLarge(let file, let entry, let bytes, let limit, let declared):
            let what = declared ? "declares" : "inflates to more than"
            return
                "\(file): entry '\(entry)' \(what) \(bytes) bytes, beyond the limit of \(limit) (an archive bomb?); the archive was refused and nothing was imported"
        case .sizeMismatch(let file, let entry, let declared):
            return
                "\(file): entry '\(entry)' inflates to more than the \(declared) bytes its header declares (an archive bomb, or a damaged archive); the archive was refused and nothing was imported"
        case .tooManyEntries(let file, let count, let limit):
            return "\(file): the archive has \(count) entries, more than the limit of \(limit); it was refused"
        case .missingProject(let file):
            return "\(file): no project.qde in the archive; a .qdpx file holds project.qde and a sources folder"
        case .wrongRoot(let file, let found, let expected):
            return "\(file): the root element is <\(found)>, expected <\(expected)>"
        case .schemaViolations(let file, let schema, let violations):
            let shown = violations.prefix(20).map { "\(file):\($0)" }.joined(separator: "\n")
            let more = violations.count > 20 ? "\n… and \(violations.count - 20) more" : ""
            return "\(file): fails the REFI-QDA schema \(schema) (\(violations.count) problem(s)):\n\(shown)\(more)"
        case .schemasNotFound(let searched):
            return
                "The REFI-QDA schemas (Project.xsd, Codebook.xsd) were not found; looked in: \(searched.joined(separator: ", ")). Get them from the REFI-QDA standard (https://www.qdasoftware.org) and put them in one of those folders, or point --schemas DIR or CDA_REFI_SCHEMAS at the folder that holds them."
        case .schemaUnusable(let path, let message):
            return "\(path): cannot use this XML Schema (\(message))"
        case .nothingToExport(let file, let what):
            return "\(file): nothing to export: the project has no \(what)"
        case .writeFailed(let file, let reason):
            return "\(file): cannot write the file (\(reason))"
        case .documentConflict(let file, let document):
            return
                "\(file): document '\(document)' is already in the project with other utterances; nothing was imported. Import into a new project (cda init --project other.cda)."
        case .incomplete(let file, let problems):
            let shown = problems.prefix(20).joined(separator: "\n")
            let more = problems.count > 20 ? "\n… and \(problems.count - 20) more" : ""
            return
                "\(file): \(problems.count) problem(s) would need a repair or leave something out; nothing was imported:\n\(shown)\(more)\nImport with --lenient to repair ids and take the rest, with every repair and omission listed."
        case .invalidCodeName(let file, let guid, let message):
            return
                "\(file): code \(guid.map { "\($0) " } ?? "")refused: \(message) Nothing was imported; rename the code in the tool that wrote the file."
        }
    }
}
