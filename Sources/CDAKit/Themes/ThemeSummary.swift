/// A theme with the codes mapped to it, as `cda themes` lists it.
public struct ThemeSummary: Sendable, Hashable, Codable {
    /// The id.
    public var id: String
    /// The label.
    public var label: String
    /// The description.
    public var description: String
    /// Linked research questions.
    public var researchQuestions: [String]
    /// Sensitising terms.
    public var terms: [String]
    /// Names of the codes mapped to it.
    public var codes: [String]
}

/// What loading a codebook did.
public struct CodebookLoadResult: Sendable, Hashable, Codable {
    /// Themes added.
    public var added: [String]
    /// Themes updated.
    public var updated: [String]
    /// Mappings applied (`code → theme`).
    public var mapped: Int
    /// Mapped code names that no code has (yet).
    public var unknownCodes: [String]
}

/// Which memo a text belongs to.
public enum MemoTarget: Sendable, Hashable {
    /// The whole project.
    case project
    /// A code, by name.
    case code(String)
    /// A document, by id.
    case document(String)
    /// A theme, by id.
    case theme(String)
    /// A theme × group pair: the analyst's summary of how that group discussed the theme.
    case themeGroup(theme: String, group: String)
}
