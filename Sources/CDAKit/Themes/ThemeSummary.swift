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
