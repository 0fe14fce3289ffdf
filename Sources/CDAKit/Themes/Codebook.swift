import Foundation

/// A codebook file: research questions, themes with sensitising terms, and optional code → theme mappings.
///
/// ```yaml
/// title: Discourse analysis of the scenario workshops
/// research_questions:
///   - id: rq1
///     text: How do citizens and experts see …?
/// themes:
///   - id: china-image
///     label: "China: een technologische dystopie?"
///     description: …
///     research_questions: [rq1]
///     terms: [china, chinezen, sociaal krediet*]
/// mappings:
///   china-image: [sociaal kredietsysteem als nachtmerrie]
/// ```
public struct Codebook: Sendable, Hashable, Codable {
    /// A research question.
    public struct Question: Sendable, Hashable, Codable {
        /// Its id.
        public var id: String
        /// Its text.
        public var text: String
    }

    /// A theme.
    public struct Theme: Sendable, Hashable, Codable {
        /// A short, stable id such as `china-image`.
        public var id: String
        /// The label shown in reports.
        public var label: String
        /// What the theme covers.
        public var description: String?
        /// Linked research question ids.
        public var researchQuestions: [String]?
        /// Sensitising terms (words, phrases or `prefix*`).
        public var terms: [String]?

        enum CodingKeys: String, CodingKey {
            case id, label, description, terms
            case researchQuestions = "research_questions"
        }
    }

    /// A title for the codebook.
    public var title: String?
    /// Research questions.
    public var researchQuestions: [Question]?
    /// Themes in order.
    public var themes: [Theme]
    /// Code names per theme id.
    public var mappings: [String: [String]]?

    enum CodingKeys: String, CodingKey {
        case title, themes, mappings
        case researchQuestions = "research_questions"
    }

    /// Reads and checks a codebook file.
    ///
    /// - Throws: `CodebookError` naming the file, and the line and column where YAML gives one.
    public static func load(path: String) throws(CodebookError) -> Codebook {
        try parse(try YAMLFile.read(path), file: path)
    }

    /// Checks ids are unique and non-empty, and that themes name only declared research questions.
    ///
    /// - Throws: `CodebookError.invalid` describing the first problem.
    public func checkInvariants(file: String) throws(CodebookError) {
        var seen: Set<String> = []
        for theme in themes {
            guard !theme.id.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw .invalid(file: file, message: "a theme has an empty id")
            }
            guard seen.insert(theme.id).inserted else { throw .invalid(file: file, message: "theme id '\(theme.id)' appears twice") }
        }
        let questions = Set((researchQuestions ?? []).map(\.id))
        for theme in themes {
            for question in theme.researchQuestions ?? [] where !questions.contains(question) {
                throw .invalid(file: file, message: "theme '\(theme.id)' names research question '\(question)', which is not declared")
            }
        }
        for themeID in (mappings ?? [:]).keys where !seen.contains(themeID) {
            throw .invalid(file: file, message: "mappings name theme '\(themeID)', which is not declared")
        }
    }
}
