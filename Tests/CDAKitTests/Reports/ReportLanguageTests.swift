import CDAKit
import Foundation
import Testing

/// Reports in Dutch: labels, definitions and decimal commas; English stays the default.
@Suite struct ReportLanguageTests {
    private func report() throws -> ThemeReport {
        var report = try JSONDecoder().decode(ThemeReport.self, from: Data(OfficeReportTests.json.utf8))
        report.definitions = ThemeReport.definitionTexts.merging(ConversationDynamics.definitionTexts) { first, _ in first }
        return report
    }

    @Test func dutchMarkdownHasDutchLabelsDecimalCommasAndDefinitions() throws {
        let report = try report()
        let markdown = try #require(try MarkdownReportRenderer(language: .dutch).render(report).first).content
        #expect(markdown.hasPrefix("# Themarapport: R&D <study>\n"))
        #expect(markdown.contains("| aandeel woorden | 58,6% | 5,9% |"))
        #expect(markdown.contains("| deelnemers | 2 van 3 (66,7%) | 1 van 2 (50,0%) |"))
        #expect(markdown.contains("| Trust & government | 58,6% | 5,9% | 10,46 | 3,25 | citizens |"))
        #expect(markdown.contains("- *Trust & government* werd niet ter sprake gebracht door experts."))
        for (key, english) in report.definitions { #expect(!markdown.contains(english), "definition \(key) is still in English") }
        let english = try #require(try MarkdownReportRenderer().render(report).first).content
        #expect(english.contains("| share of words | 58.6% | 5.9% |"))
        #expect(english.contains("- *Trust & government* was not raised by experts."))
    }

    @Test(arguments: [ReportFormat.docx, .odt])
    func dutchDocumentsHaveDutchHeadingsAndNumbers(format: ReportFormat) throws {
        let parts = try format.renderer(in: .dutch).render(try report())
        let body = try #require(parts.first { $0.name == "word/document.xml" || $0.name == "content.xml" }).content
        for text in ["Themarapport: R&amp;D &lt;study&gt;", "Groepen", "Overzicht: aandeel woorden per thema", "2 van 3 (66,7%)", "10,46"] {
            #expect(body.contains(">\(text)<"), "\(format): \(text)")
        }
        #expect(!body.contains("58.6%"))
    }

    @Test func dutchHTMLHasItsLanguageLabelsAndNumbers() throws {
        let report = try report()
        let html = try #require(try HTMLReportRenderer(language: .dutch).render(report).first).content
        #expect(html.contains("<html lang=\"nl\">"))
        #expect(html.contains("<h1>Themarapport: R&amp;D &lt;study&gt;</h1>"))
        #expect(html.contains("<h2>Overzicht: aandeel woorden per thema</h2>"))
        #expect(html.contains("<td>2 van 3 (66,7%)</td>"))
        #expect(html.contains("<h3>Samenvatting: citizens</h3>"))
        #expect(html.contains("<li>Trust &amp; government werd niet ter sprake gebracht door experts.</li>"))
        #expect(html.contains(">aandeel deelnemers</text>"))
        for (key, english) in report.definitions { #expect(!html.contains(english), "definition \(key) is still in English") }
        for english in [">share of words<", ">Groups<", "58.6%", ">Silences<"] { #expect(!html.contains(english), "\(english)") }
        let plain = try #require(try ReportFormat.html.renderer.render(report).first).content
        #expect(plain.contains("<html lang=\"en\">"))
        #expect(plain.contains("<h2>Overview: share of words per theme</h2>"))
    }

    @Test func theHeatMapShowsWholeThemeLabelsWrapped() throws {
        var report = try report()
        report.themes[0].label =
            "Vertrouwen in de digitale overheid en de vraag wie er verantwoordelijk is wanneer een algoritme een burger ten onrechte als fraudeur aanmerkt"
        let html = try #require(try HTMLReportRenderer().render(report).first).content
        let heatMap = try #require(html.components(separatedBy: "<svg").dropFirst().first)
        // At most 46 characters a line, broken at spaces.
        for line in [
            "Vertrouwen in de digitale overheid en de vraag", "wie er verantwoordelijk is wanneer een",
            "algoritme een burger ten onrechte als fraudeur", "aanmerkt",
        ] {
            #expect(heatMap.contains(">\(line)</tspan>"), "\(line)")
        }
    }

    @Test func dutchSummariesAsDocuments() throws {
        let report = try report()
        let markdown = SummaryExporter.render(report, format: .markdown, language: .dutch)
        #expect(markdown.hasPrefix("# Themasamenvattingen: R&D <study>\n\nRonde 1 · groepen volgens `group` · privacy: besloten"))
        #expect(markdown.contains("2 fragment(en), 17 woorden (58,6% van de woorden van de groep), 2 van 3 deelnemers."))
        #expect(markdown.contains("_Nog geen samenvatting geschreven (cda memo set --theme digital-government --group experts TEKST)._"))
        let english = SummaryExporter.render(report, format: .markdown)
        #expect(english.contains("2 fragment(s), 17 words (58.6% of the group's words), 2 of 3 participants."))
        for format in [SummaryExporter.Format.docx, .odt] {
            let data = try SummaryExporter.data(report, format: format, language: .dutch)
            #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]), "\(format) is a ZIP package")
        }
    }

    @Test func theProjectsLanguageIsTheDefault() {
        #expect(ReportLanguage.project(["nl", "nl-NL", "Dutch"]) == .dutch)
        #expect(ReportLanguage.project(["en", "en-GB"]) == .english)
        #expect(ReportLanguage.project(["nl", "en"]) == .english)
        #expect(ReportLanguage.project(["de"]) == .english)
        #expect(ReportLanguage.project(["nl", "de"]) == .english)
        #expect(ReportLanguage.project([]) == .english)
    }
}
