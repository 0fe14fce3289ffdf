import CDAKit
import CDATestSupport
import Testing

@Suite struct CodebookTests {
    @Test func readsThemesQuestionsTermsAndMappings() throws {
        let codebook = try Codebook.parse(
            """
            title: Digitalisering en cohesie
            research_questions:
              - {id: rq1, text: Hoe kijken burgers naar de digitale overheid?}
            themes:
              - id: china-image
                label: China als dystopie
                research_questions: [rq1]
                terms: [china, "sociaal krediet*"]
              - {id: inequality, label: Winnaars en verliezers}
            mappings:
              china-image: [big brother, surveillance]
            """, file: "book.yaml")
        #expect(codebook.title == "Digitalisering en cohesie")
        #expect(codebook.themes.map(\.id) == ["china-image", "inequality"])
        #expect(codebook.themes[0].terms == ["china", "sociaal krediet*"])
        #expect(codebook.themes[0].researchQuestions == ["rq1"])
        #expect(codebook.themes[1].terms == nil)
        #expect(codebook.mappings?["china-image"] == ["big brother", "surveillance"])
        #expect(codebook.researchQuestions?.map(\.text) == ["Hoe kijken burgers naar de digitale overheid?"])
    }

    @Test(arguments: [
        ("themes:\n  - {id: x, label: X}\n  - {id: x, label: Y}\n", "book.yaml: theme id 'x' appears twice"),
        ("themes:\n  - {id: ' ', label: X}\n", "book.yaml: a theme has an empty id"),
        (
            "themes:\n  - {id: x, label: X, research_questions: [rq9]}\n",
            "book.yaml: theme 'x' names research question 'rq9', which is not declared"
        ),
        ("themes:\n  - {id: x, label: X}\nmappings:\n  y: [a]\n", "book.yaml: mappings name theme 'y', which is not declared"),
        ("themes:\n  - id: x\n", "book.yaml: at .themes[0]: the key 'label' is missing"),
    ])
    func refusesBrokenCodebooksByName(yaml: String, message: String) {
        let error = #expect(throws: CodebookError.self) { try Codebook.parse(yaml, file: "book.yaml") }
        #expect(error?.description == message)
    }

    @Test func theTestCodebookLoadsIntoAProject() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let path = folder.write("themes.yaml", CodingFixtures.codebook)
        _ = try store.loadCodebook(try Codebook.load(path: path), actor: "tester")
        #expect(try store.themes().map(\.id) == ["digital-government", "china-image", "inequality"])
    }
}
