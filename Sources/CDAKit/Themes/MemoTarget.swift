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

    /// What a memo is on, without saying which one; the raw values are the project file's.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The whole project.
        case project
        /// A code.
        case code
        /// A document.
        case document
        /// A theme.
        case theme
        /// A theme × group pair.
        case themeGroup = "theme-group"
    }

    /// What the memo is on.
    public var kind: Kind {
        switch self {
        case .project: .project
        case .code: .code
        case .document: .document
        case .theme: .theme
        case .themeGroup: .themeGroup
        }
    }
}
