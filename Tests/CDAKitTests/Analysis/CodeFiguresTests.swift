import CDATestSupport
import Testing

@testable import CDAKit

@Suite struct CodeFiguresTests {
    /// The naive reference: for each code, the distinct fragments of the group of their first utterance, and of each round.
    private func reference(_ store: ProjectStore) throws -> [String: (groups: [String: Int], rounds: [Int: Int])] {
        var result: [String: (groups: [String: Set<Fragment>], rounds: [Int: Set<Fragment>])] = [:]
        for view in try store.fragments(code: nil) {
            for code in view.codes {
                if let group = view.group { result[code, default: ([:], [:])].groups[group, default: []].insert(view.fragment) }
            }
        }
        for round in [1, 2] {
            for view in try store.fragments(code: nil, round: round) {
                for code in view.codes { result[code, default: ([:], [:])].rounds[round, default: []].insert(view.fragment) }
            }
        }
        return result.mapValues { (groups: $0.groups.mapValues(\.count), rounds: $0.rounds.mapValues(\.count)) }
    }

    @Test func figuresMatchANaiveCountOverFragments() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        for (document, utterance, name, coder) in [
            ("cit", 2, "overheid", "a"), ("cit", 2, "overheid", "b"), ("cit", 1, "overheid", "a"),
            ("exp", 2, "overheid", "a"), ("exp", 3, "ongelijkheid", "a"), ("cit", 3, "china", "a"),
            ("cit", 3, "kredietsysteem", "a"),
        ] {
            _ = try store.addCoding(
                CodingRequest(fragment: Fragment(documentID: document, startUtterance: utterance), codeName: name, coder: coder))
        }
        _ = try store.mergeCodes(["kredietsysteem"], into: "china", actor: "a")
        try store.startRound(2, themes: [])
        _ = try store.addCoding(
            CodingRequest(
                fragment: Fragment(documentID: "exp", startUtterance: 3, startOffset: 0, endOffset: 3), codeName: "ongelijkheid", coder: "a"
            ))
        let figures = try store.codeFigures()
        let expected = try reference(store)
        #expect(figures.map(\.code) == ["china", "ongelijkheid", "overheid"])
        for figure in figures {
            let want = try #require(expected[figure.code])
            #expect(Dictionary(uniqueKeysWithValues: figure.groups.map { ($0.group, $0.fragments) }) == want.groups)
            #expect(Dictionary(uniqueKeysWithValues: figure.rounds.map { ($0.round, $0.fragments) }) == want.rounds)
        }
        // Hand-worked: 'overheid' has three fragments (cit:1 by the moderator, cit:2 twice, exp:2).
        let overheid = try #require(figures.first { $0.code == "overheid" })
        #expect(overheid.groups.map(\.fragments) == [2, 1])
        #expect(overheid.rounds.map(\.fragments) == [3])
    }
}
