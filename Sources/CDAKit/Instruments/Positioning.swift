/// Us/them positioning: how often a group speaks in the first-person plural, the third-person
/// plural, and of named groups, per theme.
public struct PositioningRow: Sendable, Hashable, Codable {
    /// The group.
    public var group: String
    /// The theme id, or `all` for all talk.
    public var theme: String
    /// Words in scope.
    public var words: Int
    /// First-person plural pronouns and possessives.
    public var firstPersonPlural: Int
    /// Third-person plural pronouns and possessives.
    public var thirdPersonPlural: Int
    /// Group nouns and their counts.
    public var groupNouns: [String: Int]
    /// First-person plural per 1,000 words.
    public var firstPersonPluralPer1000: Double
    /// Third-person plural per 1,000 words.
    public var thirdPersonPluralPer1000: Double
    /// All group nouns per 1,000 words.
    public var groupNounsPer1000: Double
}

/// A simple, documented instrument for othering: counts of `wij, we, ons, onze` (and English
/// `we, us, our, ours`) against `zij, ze, hun, hen` (`they, them, their, theirs`) and group nouns
/// (`nederlander*`, `chine*`, `burger*`, `expert*`, `overheid*`, …), per group and theme.
/// Dutch `ze` is also the singular "she"; the count does not tell them apart.
public enum Positioning {
    /// First-person plural forms.
    public static let firstPersonPlural: Set<String> = ["wij", "we", "ons", "onze", "us", "our", "ours"]
    /// Third-person plural forms.
    public static let thirdPersonPlural: Set<String> = ["zij", "ze", "hun", "hen", "they", "them", "their", "theirs"]
    /// Group-noun patterns (`*` = any ending).
    public static let defaultGroupNouns = [
        "nederlander*", "chinez*", "chinees", "burger*", "expert*", "overheid*", "overheden", "jongeren", "ouderen", "bedrijven",
        "beleidsmakers", "politiek*", "westen", "europa",
    ]

    /// Counts positioning per group (per value of `scope.by`), for all talk and for each theme.
    ///
    /// - Throws: `AnalysisError.unknownAttribute` when no document or speaker has `scope.by`,
    ///   `.unknownGroup` for a `scope.group` that does not exist.
    /// - Complexity: One pass over the talk per theme (plus one for all talk).
    public static func measure(in store: ProjectStore, scope: TextScope, groupNouns: [String] = defaultGroupNouns) throws
        -> [PositioningRow]
    {
        _ = try store.groupNames(by: scope.by)
        let themes = try store.themes().map(\.id)
        var rows: [PositioningRow] = []
        for theme in [nil] + themes.map(Optional.some) {
            var themeScope = scope
            themeScope.theme = theme ?? scope.theme
            var counts: [String: (words: Int, we: Int, they: Int, nouns: [String: Int])] = [:]
            try store.forEachUtterance(in: themeScope) { utterance in
                guard let group = utterance.record.group else { return }
                var entry = counts[group] ?? (0, 0, 0, [:])
                for token in utterance.tokens {
                    entry.words += 1
                    if firstPersonPlural.contains(token.form) { entry.we += 1 }
                    if thirdPersonPlural.contains(token.form) { entry.they += 1 }
                    if let noun = groupNouns.first(where: { WordPattern.glob($0, matches: token.form) }) {
                        entry.nouns[noun, default: 0] += 1
                    }
                }
                counts[group] = entry
            }
            for (group, entry) in counts.sorted(by: { $0.key < $1.key }) {
                let per = { (count: Int) in entry.words == 0 ? 0 : Double(count) * 1000 / Double(entry.words) }
                rows.append(
                    PositioningRow(
                        group: group, theme: theme ?? "all", words: entry.words, firstPersonPlural: entry.we, thirdPersonPlural: entry.they,
                        groupNouns: entry.nouns, firstPersonPluralPer1000: per(entry.we), thirdPersonPluralPer1000: per(entry.they),
                        groupNounsPer1000: per(entry.nouns.values.reduce(0, +))))
            }
        }
        return rows
    }
}
