import CDAKit
import CDATestSupport
import Testing

/// Co-occurrence on `MatrixFixtures`, counted by hand (round 1, moderators left out unless asked).
@Suite struct CoOccurrenceTests {
    private func figures(_ table: CoOccurrence, _ a: String, _ b: String) -> [Int]? {
        table.pair(a, b).map { [$0.together, $0.either] }
    }

    @Test func overlappingFragmentsAreJoinedIntoUnits() throws {
        let folder = TemporaryDirectory()
        let table = try MatrixFixtures.project(in: folder).coOccurrence(CoOccurrenceOptions(round: .number(1)))
        #expect(table.unit == .fragment)
        #expect(table.items.map(\.id) == ["china", "mattheüs", "ongelijkheid", "overheid", "snelheid", "wij-zij"])
        // china: cit:3–4 and cit:3 overlap (one unit); overheid: cit:2 and exp:4 (cit:1 is the moderator's).
        #expect(table.items.map(\.units) == [1, 1, 1, 2, 2, 1])
        #expect(table.pairs.count == 15)
        // "Wij" of china lies inside wij-zij's whole cit:4, which overlaps its "Nederlanders": one unit.
        #expect(figures(table, "china", "wij-zij") == [1, 1])
        #expect(table.pair("wij-zij", "china")?.jaccard == 1)
        // cit:2 carries both; exp:4 only overheid, exp:2 only snelheid.
        #expect(figures(table, "overheid", "snelheid") == [1, 3])
        #expect(table.pair("overheid", "snelheid")?.jaccard == 1.0 / 3.0)
        // Side by side in exp:3 without sharing a code point: two units, none with both.
        #expect(figures(table, "mattheüs", "ongelijkheid") == [0, 2])
        #expect(figures(table, "china", "overheid") == [0, 3])
        #expect(table.occurringPairs.map { [$0.first, $0.second] } == [["china", "wij-zij"], ["overheid", "snelheid"]])
    }

    @Test func utterancesAsUnits() throws {
        let folder = TemporaryDirectory()
        let table = try MatrixFixtures.project(in: folder).coOccurrence(CoOccurrenceOptions(unit: .utterance, round: .number(1)))
        #expect(table.items.map(\.units) == [2, 1, 1, 2, 2, 1])
        #expect(figures(table, "china", "wij-zij") == [1, 2])
        #expect(table.pair("china", "wij-zij")?.jaccard == 0.5)
        #expect(figures(table, "mattheüs", "ongelijkheid") == [1, 1])
        #expect(figures(table, "overheid", "snelheid") == [1, 3])

        let withModerators = try MatrixFixtures.project(in: TemporaryDirectory()).coOccurrence(
            CoOccurrenceOptions(unit: .utterance, round: .number(1), includeModerators: true))
        #expect(withModerators.items.first { $0.id == "overheid" }?.units == 3)
        #expect(figures(withModerators, "overheid", "snelheid") == [1, 4])
    }

    @Test func themesAndListedCodes() throws {
        let folder = TemporaryDirectory()
        let store = try MatrixFixtures.project(in: folder)
        let themes = try store.coOccurrence(CoOccurrenceOptions(items: .themes, round: .number(1)))
        #expect(themes.items.map(\.id) == ["digital-government", "china-image", "inequality"])
        // digital-government: cit:2 (overheid and snelheid joined), exp:4, exp:2; china-image: one unit; inequality: two.
        #expect(themes.items.map(\.units) == [3, 1, 2])
        #expect(figures(themes, "digital-government", "china-image") == [0, 4])
        #expect(themes.occurringPairs.isEmpty)

        // A pair's counts do not depend on which other codes are listed.
        let listed = try store.coOccurrence(CoOccurrenceOptions(codes: ["snelheid", "overheid", "snelheid"], round: .number(1)))
        #expect(listed.items.map(\.id) == ["snelheid", "overheid"])
        #expect(listed.pairs == [.init(first: "snelheid", second: "overheid", together: 1, either: 3)])
    }

    @Test func listedCodesMustBeActive() throws {
        let folder = TemporaryDirectory()
        let store = try MatrixFixtures.project(in: folder)
        #expect(throws: CodingError.unknownCode("overhied", suggestion: "overheid")) {
            try store.coOccurrence(CoOccurrenceOptions(codes: ["overhied", "snelheid"]))
        }
        #expect(throws: CodingError.inactiveCode("chinees", status: .merged, mergedInto: "china")) {
            try store.coOccurrence(CoOccurrenceOptions(codes: ["chinees", "snelheid"]))
        }
        #expect(throws: CodingError.inactiveCode("oud", status: .retired, mergedInto: nil)) {
            try store.coOccurrence(CoOccurrenceOptions(codes: ["oud", "snelheid"]))
        }
    }
}
