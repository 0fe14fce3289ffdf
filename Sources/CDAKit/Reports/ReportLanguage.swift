import Foundation

/// The language of a report's labels, headings, definitions and number formats.
public enum ReportLanguage: String, Sendable, Hashable, CaseIterable {
    /// English: `12.7%`.
    case english = "en"
    /// Dutch: `12,7%`.
    case dutch = "nl"

    /// The language for a project whose documents declare `languages` (their `language`
    /// attributes, such as `nl`, `nl-NL` or `Dutch`): the one language they share when `cda` has
    /// labels for it, else English.
    ///
    /// - Returns: The shared language, or `.english` when there is none or it is not supported.
    public static func project(_ languages: [String]) -> ReportLanguage {
        let known = Set(languages.map(Self.init(declared:)))
        guard known.count == 1, let language = known.first, let supported = language else { return .english }
        return supported
    }

    /// The language a document's `language` attribute names, if `cda` has labels for it.
    init?(declared: String) {
        let code = declared.lowercased().prefix { $0.isLetter }
        switch code {
        case "en", "eng", "english": self = .english
        case "nl", "nld", "dut", "dutch", "nederlands": self = .dutch
        default: return nil
        }
    }

    /// A label, its `{1}`, `{2}`, … replaced by `arguments` in order.
    func callAsFunction(_ label: ReportLabel, _ arguments: String...) -> String {
        var text = self == .dutch ? label.texts.dutch : label.texts.english
        for (index, argument) in arguments.enumerated() { text = text.replacingOccurrences(of: "{\(index + 1)}", with: argument) }
        return text
    }

    /// A speaker role as reports name it in this language.
    func role(_ role: SpeakerRole?) -> String {
        switch role {
        case .participant: self(.roleParticipant)
        case .moderator: self(.roleModerator)
        case .observer: self(.roleObserver)
        case nil: self(.roleUnknown)
        }
    }

    /// A number written by `ReportNumbers` (with a decimal point) in this language's notation.
    func decimals(_ text: String) -> String { self == .dutch ? text.replacingOccurrences(of: ".", with: ",") : text }
}
