/// What a speaker label looks like, for labels a file uses only once.
enum SpeakerLabel {
    /// Lowercase words that belong inside names: `Mevrouw de Vries`, `Ludwig van Beethoven`.
    private static let nameParticles: Set<Substring> = [
        "van", "de", "der", "den", "het", "ter", "ten", "te", "von", "zu", "du", "da", "di", "del", "della",
        "la", "le", "les", "y", "e", "bin", "ibn", "al", "el", "'t",
    ]

    /// Whether `label` looks like a name or a role rather than the start of a sentence.
    ///
    /// A name starts with a capital; each further word starts with a capital, a digit or a bracket,
    /// or is a name particle (`de`, `van`, `von` …), and no word but the first may be an everyday
    /// lowercase word. `Chris`, `Mevrouw de Vries`, `The First Minister (Nicola Sturgeon)` and `GL`
    /// look like names; `Let op` and `Wat ik bedoel` do not.
    static func looksLikeName(_ label: String) -> Bool {
        let words = label.split(separator: " ")
        guard let first = words.first?.first, first.isUppercase else { return false }
        return words.dropFirst().allSatisfy { word in
            guard let lead = word.first else { return true }
            return lead.isUppercase || lead.isNumber || lead == "(" || nameParticles.contains(word)
        }
    }
}
