import CDAKit
import CDATestSupport
import Foundation
import Testing

/// Exact report values on the hand-built fixture corpus (see `CodingFixtures`).
///
/// Participant words: citizens 9 + 8 + 5 + 7 = 29 (C1, C2, C3; the moderator adds 6), experts 7 + 4 + 6 = 17 (E1, E2).
@Suite struct ThemeReportTests {
    private func project(_ folder: TemporaryDirectory) throws -> ProjectStore {
        let store = try CodingFixtures.project(in: folder)
        _ = try store.loadCodebook(Codebook.parse(CodingFixtures.codebook), actor: "t")
        func add(_ document: String, _ from: Int, to: Int? = nil, start: Int? = nil, end: Int? = nil, code: String, coder: String = "a")
            throws
        {
            _ = try store.addCoding(
                CodingRequest(
                    fragment: Fragment(documentID: document, startUtterance: from, startOffset: start, endUtterance: to, endOffset: end),
                    codeName: code, coder: coder))
        }
        try add("cit", 1, code: "vraag over overheid")  // moderator's utterance
        try add("cit", 2, code: "snel contact")
        try add("cit", 3, code: "kredietsysteem als nachtmerrie")
        try add("cit", 3, code: "china schrikbeeld", coder: "b")  // merged below
        try add("cit", 3, to: 4, start: 0, end: 3, code: "wij-zij")  // overlaps cit:3, adds "Wij"
        try add("exp", 2, start: 0, end: 11, code: "kritiek efficiëntie")  // "Efficiëntie": one word
        try add("exp", 3, code: "mattheüseffect")
        _ = try store.mergeCodes(["china schrikbeeld"], into: "kredietsysteem als nachtmerrie", actor: "t")
        for (code, theme) in [
            ("vraag over overheid", "digital-government"), ("snel contact", "digital-government"),
            ("kredietsysteem als nachtmerrie", "china-image"), ("kredietsysteem als nachtmerrie", "digital-government"),
            ("wij-zij", "china-image"), ("kritiek efficiëntie", "digital-government"), ("mattheüseffect", "inequality"),
        ] {
            try store.mapCode(code, toTheme: theme, actor: "t")
        }
        return store
    }

    /// G² computed independently, straight from the 2×2 contingency table.
    private func referenceG2(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Double {
        let table = [[a, c - a], [b, d - b]]
        let total = c + d
        let columns = [a + b, total - a - b]
        var sum = 0.0
        for (row, size) in zip(table, [c, d]) {
            for (observed, column) in zip(row, columns) where observed > 0 { sum += observed * log(observed / (size * column / total)) }
        }
        return 2 * sum
    }

    @Test func roundOneFiguresAreExact() throws {
        let folder = TemporaryDirectory()
        let report = try project(folder).themeReport(ReportOptions(round: .number(1), projectName: "fixture"))
        #expect(report.round == 1)
        #expect(
            report.groups == [
                .init(name: "citizens", documents: 1, participants: 3, utterances: 4, words: 29, codedWords: 18),
                .init(name: "experts", documents: 1, participants: 2, utterances: 3, words: 17, codedWords: 5),
            ])
        #expect(report.themes.map(\.id) == ["digital-government", "china-image", "inequality"])
        let government = report.themes[0]
        let citizens = try #require(government.groups["citizens"])
        #expect(citizens.fragments == 2)
        #expect(citizens.words == 17)
        #expect(citizens.shareOfWords == 17.0 / 29.0)
        #expect(citizens.participants == 2)
        #expect(citizens.shareOfParticipants == 2.0 / 3.0)
        #expect(citizens.documents == 1)
        #expect(citizens.codes == [.init(code: "kredietsysteem als nachtmerrie", fragments: 1), .init(code: "snel contact", fragments: 1)])
        #expect(citizens.coThemes == [.init(theme: "china-image", fragments: 1)])
        let experts = try #require(government.groups["experts"])
        #expect(experts.fragments == 1)
        #expect(experts.words == 1)
        #expect(experts.participants == 1)
        #expect(experts.codes == [.init(code: "kritiek efficiëntie", fragments: 1)])
        let comparison = try #require(government.comparison)
        #expect(comparison.themeWords == [17, 1])
        #expect(comparison.totalWords == [29, 17])
        #expect(abs(comparison.logLikelihood - referenceG2(17, 1, 29, 17)) < 1e-9)
        #expect(abs(comparison.logRatio! - log2((17.0 / 29.0) / (1.0 / 17.0))) < 1e-12)
        #expect(comparison.raisedMoreBy == "citizens")

        let china = report.themes[1]
        #expect(china.groups["citizens"]?.fragments == 2)
        #expect(china.groups["citizens"]?.words == 9)
        #expect(china.groups["citizens"]?.participants == 2)
        #expect(
            china.groups["citizens"]?.codes == [
                .init(code: "kredietsysteem als nachtmerrie", fragments: 1), .init(code: "wij-zij", fragments: 1),
            ])
        #expect(china.groups["experts"]?.fragments == 0)
        #expect(abs(china.comparison!.logRatio! - log2((9.0 / 29.0) / (0.5 / 17.0))) < 1e-12)
        #expect(abs(china.comparison!.logLikelihood - referenceG2(9, 0, 29, 17)) < 1e-9)

        let inequality = report.themes[2]
        #expect(inequality.groups["experts"]?.words == 4)
        #expect(inequality.groups["citizens"]?.words == 0)
        #expect(inequality.comparison?.raisedMoreBy == "experts")

        #expect(
            report.silences == [
                .init(kind: .participantsSilentOnTheme, theme: "digital-government", group: "citizens", count: 1, of: 3),
                .init(kind: .participantsSilentOnTheme, theme: "digital-government", group: "experts", count: 1, of: 2),
                .init(kind: .termsNeverUsed, theme: "digital-government", group: "citizens", terms: ["toezicht"]),
                .init(kind: .termsNeverUsed, theme: "digital-government", group: "experts", terms: ["overheid", "loket"]),
                .init(kind: .participantsSilentOnTheme, theme: "china-image", group: "citizens", count: 1, of: 3),
                .init(kind: .termsNeverUsed, theme: "china-image", group: "citizens", terms: ["surveillance"]),
                .init(kind: .termsNeverUsed, theme: "china-image", group: "experts", terms: ["china", "kredietsysteem", "surveillance"]),
                .init(kind: .themeNotRaisedByGroup, theme: "china-image", group: "experts"),
                .init(kind: .participantsSilentOnTheme, theme: "inequality", group: "experts", count: 1, of: 2),
                .init(kind: .termsNeverUsed, theme: "inequality", group: "citizens", terms: ["ongelijkheid", "verliezers"]),
                .init(kind: .termsNeverUsed, theme: "inequality", group: "experts", terms: ["verliezers"]),
                .init(kind: .themeNotRaisedByGroup, theme: "inequality", group: "citizens"),
            ])
    }

    @Test func moderatorsCountOnlyWhenAsked() throws {
        let folder = TemporaryDirectory()
        let report = try project(folder).themeReport(ReportOptions(round: .number(1), includeModerators: true))
        #expect(report.groups[0].words == 35)
        #expect(report.groups[0].utterances == 5)
        #expect(report.groups[0].participants == 3)
        #expect(report.themes[0].groups["citizens"]?.fragments == 3)
        #expect(report.themes[0].groups["citizens"]?.words == 23)
        #expect(report.themes[0].groups["citizens"]?.participants == 2)
    }

    @Test func latestRoundUsesRoundTwoOnceStarted() throws {
        let folder = TemporaryDirectory()
        let store = try project(folder)
        #expect(try store.themeReport(ReportOptions()).round == 1)
        try store.startRound(2, themes: ["digital-government"])
        _ = try store.addCoding(CodingRequest(fragment: Fragment(documentID: "exp", startUtterance: 4), codeName: "regulering", coder: "a"))
        try store.mapCode("regulering", toTheme: "digital-government", actor: "t")
        let report = try store.themeReport(ReportOptions())
        #expect(report.round == 2)
        #expect(report.themes[0].groups["experts"]?.words == 6)
        #expect(report.themes[0].groups["citizens"]?.fragments == 0)
        #expect(report.groups.map(\.codedWords) == [0, 6])
        #expect(report.silences.contains(.init(kind: .themeNotRaised, theme: "inequality")))
    }

    @Test func groupingBySpeakerAttributeAndRetiredCodes() throws {
        let folder = TemporaryDirectory()
        let store = try project(folder)
        try store.retireCode("wij-zij", actor: "t")
        let report = try store.themeReport(ReportOptions(by: "group", round: .number(1)))
        #expect(report.themes[1].groups["citizens"]?.fragments == 1)
        #expect(report.themes[1].groups["citizens"]?.words == 8)
        #expect(throws: CodingError.unknownTheme("china", suggestion: nil)) { try store.themeReport(ReportOptions(themes: ["china"])) }
    }

    @Test func noParticipantTextWithoutQuotes() throws {
        let folder = TemporaryDirectory()
        let store = try project(folder)
        try store.setMemo(
            "Burgers spreken over China als schrikbeeld.", on: .themeGroup(theme: "china-image", group: "citizens"), author: "t")
        let privateReport = try store.themeReport(ReportOptions(round: .number(1)))
        #expect(privateReport.themes[1].groups["citizens"]?.summary == "Burgers spreken over China als schrikbeeld.")
        let phrases = [
            "snel reageren", "nachtmerrie met dat", "pikken dat niet", "gewoon contact", "geen publieke waarde", "versterkt ongelijkheid",
            "toezicht loopt",
        ]
        for format in ReportFormat.allCases {
            for file in try format.renderer.render(privateReport) {
                for phrase in phrases { #expect(!file.content.contains(phrase), "\(file.name) contains participant text '\(phrase)'") }
            }
        }
        let quoted = try store.themeReport(ReportOptions(round: .number(1), quotes: true, maxQuoteWords: 3))
        let quotes = try #require(quoted.themes[1].groups["citizens"]?.quotes)
        #expect(quotes.map(\.text) == ["China is een …", "China is een …"])
        #expect(quotes.map(\.location) == ["cit:3", "cit:3-4"])
        #expect(quoted.privacy == .quotes(maxWords: 3))
        #expect(quoted.privacy.description == "quotes (at most 3 words each)")
    }

    @Test func formatsAgreeWithTheModel() throws {
        let folder = TemporaryDirectory()
        let report = try project(folder).themeReport(ReportOptions(round: .number(1), projectName: "fixture"))
        let csv = try CSVReportRenderer().render(report)
        let themes = try #require(csv.first { $0.name == "themes.csv" }).content
        #expect(
            themes.contains("digital-government,Vertrouwen in de digitale overheid,citizens,2,17,\(17.0 / 29.0),2,\(2.0 / 3.0),1,29,3,"))
        let json = try #require(try JSONReportRenderer().render(report).first).content
        let decoded = try JSONDecoder().decode(ThemeReport.self, from: Data(json.utf8))
        // Every figure travels; the codes' colours are for the HTML report only.
        var figures = report
        figures.codeColors = [:]
        #expect(decoded == figures)
        #expect(!report.codeColors.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(
            Set(object.keys)
                == Set([
                    "generated_by", "project", "round", "by", "includes_moderators", "privacy", "groups", "themes", "silences",
                    "definitions",
                ]))
        let markdown = try #require(try MarkdownReportRenderer().render(report).first).content
        #expect(markdown.contains("| share of words | 58.6% | 5.9% |"))
        let html = try #require(try HTMLReportRenderer().render(report).first).content
        #expect(html.contains("<svg"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
        #expect(html.contains("58.6%"))
    }

    @Test func summariesExportHasFiguresAndMemos() throws {
        let folder = TemporaryDirectory()
        let store = try project(folder)
        try store.setMemo(
            "Experts zien regulering als antwoord.", on: .themeGroup(theme: "digital-government", group: "experts"), author: "t")
        let report = try store.themeReport(ReportOptions(round: .number(1)))
        let markdown = SummaryExporter.render(report, format: .markdown)
        #expect(markdown.contains("Experts zien regulering als antwoord."))
        #expect(markdown.contains("2 fragment(s), 17 words (58.6% of the group's words), 2 of 3 participants."))
        let csv = SummaryExporter.render(report, format: .csv)
        #expect(
            csv.contains(
                "digital-government,Vertrouwen in de digitale overheid,experts,1,1,\(1.0 / 17.0),1,0.5,Experts zien regulering als antwoord."
            ))
    }
}

@Suite struct ReportInstrumentsTests {
    @Test func instrumentsSectionUsesTheSameFunctionsAsTheCommands() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        _ = try store.loadCodebook(Codebook.parse(CodingFixtures.codebook), actor: "t")
        var options = ReportOptions()
        #expect(try store.themeReport(options).instruments == nil)
        options.instruments = true
        let report = try store.themeReport(options)
        let instruments = try #require(report.instruments)
        let direct = try Keyness.compare(
            target: "citizens", reference: nil, in: store, scope: TextScope(), minimumFrequency: 3, limit: 10, skipStopWords: true)
        #expect(instruments.keywords["citizens"] == direct.targetKeywords)
        #expect(instruments.positioning == (try Positioning.measure(in: store, scope: TextScope())))
        let markdown = try #require(try MarkdownReportRenderer().render(report).first).content
        #expect(markdown.contains("## Positioning: us and them (per 1,000 words)"))
        #expect(markdown.contains("| citizens | all | 29 | 34.5 | 0.0 | 69.0 |"))
    }
}
