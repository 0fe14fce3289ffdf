internal import Yams

/// Why a codebook, recipe or memo file could not be used. Nothing was changed.
public enum CodebookError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(file: String, reason: String)
    /// The YAML is not well-formed.
    case syntax(file: String, line: Int?, column: Int?, message: String)
    /// A value has the wrong type or a required key is missing.
    case structure(file: String, path: String, message: String)
    /// The content breaks a rule (duplicate ids, unknown references).
    case invalid(file: String, message: String)
    /// An entry at a known line is wrong.
    case invalidEntry(file: String, line: Int, message: String)

    init(file: String, underlying error: any Error) {
        if let yaml = error as? YamlError {
            switch yaml {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
                self = .syntax(file: file, line: mark.line, column: mark.column, message: problem)
            case .composer(_, let problem, let mark, _):
                self = .syntax(file: file, line: mark.line, column: mark.column, message: problem)
            default:
                self = .syntax(file: file, line: nil, column: nil, message: String(describing: yaml))
            }
        } else if let decoding = error as? DecodingError {
            switch decoding {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context):
                let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                var message = context.debugDescription
                if case .keyNotFound(let key, _) = decoding { message = "the key '\(key.stringValue)' is missing" }
                self = .structure(file: file, path: path.isEmpty ? "(top)" : path, message: message)
            @unknown default:
                self = .structure(file: file, path: "", message: String(describing: decoding))
            }
        } else {
            self = .syntax(file: file, line: nil, column: nil, message: String(describing: error))
        }
    }

    /// `FILE:LINE:COL: message` or `FILE: at PATH: message`.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason): return "\(file): cannot read the file (\(reason))"
        case .syntax(let file, let line, let column, let message):
            let position = line.map { ":\($0)" + (column.map { ":\($0)" } ?? "") } ?? ""
            return "\(file)\(position): YAML error: \(message)"
        case .structure(let file, let path, let message): return "\(file): at \(path): \(message)"
        case .invalid(let file, let message): return "\(file): \(message)"
        case .invalidEntry(let file, let line, let message): return "\(file):\(line): \(message)"
        }
    }
}
