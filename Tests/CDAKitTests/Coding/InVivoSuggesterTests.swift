import CDAKit
import CDATestSupport
import Testing

@Suite struct InVivoSuggesterTests {
    /// Two groups; the citizens coin "digitale kluis", used by three of them and never by experts.
    @Test(arguments: [nil, "citizens"] as [String?])
    func coinedTermRanksFirst(group: String?) throws {
        var suggester = InVivoSuggester(group: group, groups: ["citizens", "experts"])
        let citizens = [
            ("C1", "Ik wil een digitale kluis voor al mijn papieren."),
            ("C2", "Die digitale kluis lijkt me handig, maar de overheid moet betrouwbaar zijn."),
            ("C3", "Met een digitale kluis kun je zelf bepalen wie wat ziet."),
            ("C1", "De overheid is soms traag."),
        ]
        let experts = [
            ("E1", "De overheid moet publieke waarden bewaken."),
            ("E2", "Publieke waarden staan onder druk door efficiëntie."),
            ("E1", "De overheid is geen webwinkel."),
        ]
        for (index, (speaker, text)) in citizens.enumerated() {
            suggester.add(
                UtteranceRecord(document: "cit", index: index + 1, speaker: speaker, isModerator: false, group: "citizens", text: text))
        }
        for (index, (speaker, text)) in experts.enumerated() {
            suggester.add(
                UtteranceRecord(document: "exp", index: index + 1, speaker: speaker, isModerator: false, group: "experts", text: text))
        }
        suggester.add(
            UtteranceRecord(
                document: "cit", index: 5, speaker: "M", isModerator: true, group: "citizens",
                text: "Digitale kluis, digitale kluis, digitale kluis."))
        let suggestions = suggester.suggestions(limit: 10)
        let forCitizens = suggestions.filter { $0.group == "citizens" }
        #expect(forCitizens.first?.expression == "digitale kluis")
        #expect(!suggestions.contains { $0.expression == "kluis" || $0.expression == "digitale" })
        let kluis = try #require(suggestions.first { $0.expression == "digitale kluis" })
        #expect(kluis.group == "citizens")
        #expect(kluis.frequency == 3)
        #expect(kluis.speakers == 3)
        #expect(kluis.examples == ["cit:1", "cit:2", "cit:3"])
        // Moderators echo participants; their talk counts on neither side when groups are compared.
        #expect(kluis.referenceFrequency == 0)
        #expect(suggestions.contains { $0.expression == "publieke waarden" && $0.group == "experts" } == (group == nil))
        #expect(!suggestions.contains { $0.expression == "overheid" && $0.group == "citizens" })
    }
}
