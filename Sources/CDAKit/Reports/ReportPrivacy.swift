/// What participant text a report holds.
public enum ReportPrivacy: Sendable, Hashable, Codable, CustomStringConvertible {
    /// No participant text: figures, code names and pseudonyms only.
    case `private`
    /// Quotes of selected fragments, each cut to at most `maxWords` words.
    case quotes(maxWords: Int)

    /// How the report states it: `private (no participant text)` or
    /// `quotes (at most 40 words each)`; the JSON report carries the same text.
    public var description: String {
        switch self {
        case .private: "private (no participant text)"
        case .quotes(let maxWords): "quotes (at most \(maxWords) words each)"
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        if text == Self.private.description {
            self = .private
            return
        }
        let digits = text.drop { !$0.isNumber }.prefix { $0.isNumber }
        guard text.hasPrefix("quotes"), let maxWords = Int(digits) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown privacy '\(text)'"))
        }
        self = .quotes(maxWords: maxWords)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
