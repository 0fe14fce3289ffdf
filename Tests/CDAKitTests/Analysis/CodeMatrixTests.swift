import CDAKit
import CDATestSupport
import Testing

/// Matrix figures on `MatrixFixtures`, counted by hand.
///
/// Words: cit:2 (C1) 9, cit:3 (C2) 8, cit:4 (C1) 5, exp:2 (E1) 7, exp:3 (E2) 4, exp:4 (E1) 6, cit:1 (moderator) 6.
/// Speakers in id order: C1, C2, C3, E1, E2 become P01 … P05 (the moderator M, whose utterance is
/// coded, would be P06).
@Suite struct CodeMatrixTests {
    private func cells(_ row: CodeMatrix.Row) -> [[Int]] { row.cells.map { [$0.fragments, $0.words] } }

    @Test func codesBySpeakersArePseudonymisedAndLeaveModeratorsOut() throws {
        let folder = TemporaryDirectory()
        let matrix = try MatrixFixtures.project(in: folder).codeMatrix(CodeMatrixOptions(columns: .speakers, round: .number(1)))
        #expect(matrix.round == 1)
        #expect(matrix.pseudonymized)
        #expect(
            matrix.columns == [
                .init(name: "P01", group: "citizens"), .init(name: "P02", group: "citizens"), .init(name: "P03", group: "citizens"),
                .init(name: "P04", group: "experts"), .init(name: "P05", group: "experts"),
            ])
        // The retired code is left out; the merged one counts for its target.
        #expect(matrix.rows.map(\.id) == ["china", "mattheüs", "ongelijkheid", "overheid", "snelheid", "wij-zij"])
        let rows = Dictionary(uniqueKeysWithValues: matrix.rows.map { ($0.id, $0) })
        // china: cit:3–4 "Wij" (C2 and C1) and cit:3 (C2).
        #expect(try cells(#require(rows["china"])) == [[1, 1], [2, 8], [0, 0], [0, 0], [0, 0]])
        #expect(rows["china"]?.total == .init(fragments: 2, words: 9))
        // overheid: the moderator's cit:1 counts nowhere, not even in the total.
        #expect(try cells(#require(rows["overheid"])) == [[1, 9], [0, 0], [0, 0], [1, 6], [0, 0]])
        #expect(rows["overheid"]?.total == .init(fragments: 2, words: 15))
        #expect(try cells(#require(rows["snelheid"])) == [[1, 4], [0, 0], [0, 0], [1, 1], [0, 0]])
        // wij-zij: two overlapping fragments on cit:4, its five words once.
        #expect(try cells(#require(rows["wij-zij"])) == [[2, 5], [0, 0], [0, 0], [0, 0], [0, 0]])
        #expect(try cells(#require(rows["mattheüs"])) == [[0, 0], [0, 0], [0, 0], [0, 0], [1, 1]])
    }

    @Test func speakerLabelsAndModeratorsOnRequest() throws {
        let folder = TemporaryDirectory()
        let matrix = try MatrixFixtures.project(in: folder).codeMatrix(
            CodeMatrixOptions(columns: .speakers, round: .number(1), includeModerators: true, pseudonymize: false))
        #expect(matrix.columns.map(\.name) == ["C1", "C2", "C3", "E1", "E2", "M"])
        #expect(matrix.columns.last?.group == "citizens")
        let overheid = try #require(matrix.rows.first { $0.id == "overheid" })
        #expect(cells(overheid) == [[1, 9], [0, 0], [0, 0], [1, 6], [0, 0], [1, 6]])
        #expect(overheid.total == .init(fragments: 3, words: 21))
    }

    @Test func themesByGroupsAndDocuments() throws {
        let folder = TemporaryDirectory()
        let store = try MatrixFixtures.project(in: folder)
        let groups = try store.codeMatrix(CodeMatrixOptions(rows: .themes, columns: .groups, round: .number(1)))
        #expect(groups.columns.map(\.name) == ["citizens", "experts"])
        #expect(groups.rows.map(\.id) == ["digital-government", "china-image", "inequality"])
        #expect(groups.rows.map(\.label) == ["Vertrouwen in de digitale overheid", "China als dystopie", "Ongelijkheid"])
        // digital-government: cit:2 twice (its 9 words once); exp:4 and exp:2 [0,11): 6 + 1 words.
        #expect(cells(groups.rows[0]) == [[2, 9], [2, 7]])
        #expect(groups.rows[0].total == .init(fragments: 4, words: 16))
        #expect(cells(groups.rows[1]) == [[4, 13], [0, 0]])
        #expect(cells(groups.rows[2]) == [[0, 0], [2, 2]])

        let documents = try store.codeMatrix(CodeMatrixOptions(rows: .codes, columns: .documents, round: .number(1)))
        #expect(documents.columns.map(\.name) == ["cit", "exp"])
        #expect(
            documents.rows.map(cells) == [
                [[2, 9], [0, 0]], [[0, 0], [1, 1]], [[0, 0], [1, 1]], [[1, 9], [1, 6]], [[1, 4], [1, 1]], [[2, 5], [0, 0]],
            ])
    }

    @Test func latestRoundIsRoundTwoOnceStarted() throws {
        let folder = TemporaryDirectory()
        let matrix = try MatrixFixtures.project(in: folder).codeMatrix(CodeMatrixOptions())
        #expect(matrix.round == 2)
        #expect(matrix.rows.map(\.id) == ["overheid"])
        #expect(cells(matrix.rows[0]) == [[0, 0], [1, 7]])
    }

    @Test func unknownGroupingAttributeIsRefused() throws {
        let folder = TemporaryDirectory()
        let store = try MatrixFixtures.project(in: folder)
        #expect(throws: AnalysisError.self) { try store.codeMatrix(CodeMatrixOptions(by: "party")) }
        // Documents and speakers need no grouping attribute.
        #expect(try store.codeMatrix(CodeMatrixOptions(columns: .documents, by: "party", round: .number(1))).rows.count == 6)
    }
}
