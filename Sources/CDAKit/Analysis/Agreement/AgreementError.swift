/// Why an agreement check or a consensus was refused. Nothing was changed.
public enum AgreementError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Fewer than two distinct coders were named.
    case tooFewCoders([String])
    /// No coding in the project is by this coder.
    case unknownCoder(String, suggestion: String?)
    /// The minimum overlap is outside 0…1.
    case overlapOutOfRange(Double)
    /// The consensus coder is one of the coders compared.
    case consensusCoderCompared(String)
    /// The consensus coder's name is empty.
    case emptyConsensusCoder

    /// A message quoting the input and suggesting a fix.
    public var description: String {
        switch self {
        case .tooFewCoders(let coders):
            let named = coders.isEmpty ? "none" : coders.map { "'\($0)'" }.joined(separator: ", ")
            return "Name two or more different coders to compare (got \(named)), for example --coders A,B."
        case .unknownCoder(let coder, let suggestion):
            return "No coding is by coder '\(coder)'."
                + (suggestion.map { " Did you mean '\($0)'?" } ?? " See the coders in 'cda sheet export'.")
        case .overlapOutOfRange(let value):
            return "The minimum overlap must be a share between 0 and 1, not \(value)."
        case .consensusCoderCompared(let coder):
            return "The consensus coder '\(coder)' is one of the coders compared; choose another name, for example 'consensus'."
        case .emptyConsensusCoder:
            return "The consensus coder's name cannot be empty."
        }
    }
}
