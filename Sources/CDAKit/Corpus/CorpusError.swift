/// Why a request about the corpus could not be answered.
public enum CorpusError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No document has this id.
    case unknownDocument(String, suggestion: String?)
    /// The utterance index is outside the document.
    case utteranceOutOfRange(document: String, index: Int, count: Int)
    /// The document has no such version.
    case unknownVersion(document: String, version: Int, latest: Int)

    /// A message quoting the input and suggesting a fix.
    public var description: String {
        switch self {
        case .unknownDocument(let id, let suggestion):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? " List documents with 'cda documents'."
            return "Unknown document '\(id)'.\(hint)"
        case .utteranceOutOfRange(let document, let index, let count):
            return "Document '\(document)' has utterances 1–\(count); \(index) is outside."
        case .unknownVersion(let document, let version, let latest):
            return
                "Document '\(document)' has versions 1–\(latest); \(version) is not one. List them with 'cda documents --versions \(document)'."
        }
    }
}
