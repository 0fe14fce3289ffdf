import CDAKit
import CDATestSupport
import Foundation
import Testing

/// The report's dynamics section in every format, on `DynamicsFixtures`.
@Suite struct DynamicsReportTests {
    private func report(dynamics: Bool) throws -> (ThemeReport, ConversationDynamics, TemporaryDirectory) {
        let folder = TemporaryDirectory()
        let store = try DynamicsFixtures.project(in: folder)
        var options = ReportOptions()
        options.dynamics = dynamics
        return (try store.themeReport(options), try store.conversationDynamics(DynamicsOptions()), folder)
    }

    @Test func theReportCarriesTheDynamicsAndTheirDefinitions() throws {
        let (report, dynamics, _) = try self.report(dynamics: true)
        #expect(report.dynamics == dynamics)
        for key in ConversationDynamics.definitionTexts.keys { #expect(report.definitions[key] != nil, "definition \(key)") }
        let (plain, _, _) = try self.report(dynamics: false)
        #expect(plain.dynamics == nil)
        #expect(plain.definitions.keys.allSatisfy { !$0.hasPrefix("dynamics") })
    }

    @Test func everyFormatShowsTheSection() throws {
        let (report, _, folder) = try self.report(dynamics: true)
        let paths = try ReportWriter.write(report, formats: ReportFormat.allCases, to: folder.file("out"))
        #expect(
            paths.map { ($0 as NSString).lastPathComponent } == [
                "report.md", "report.html", "themes.csv", "codes.csv", "dynamics-speakers.csv", "dynamics-groups.csv",
                "dynamics-transitions.csv", "dynamics-initiations.csv", "report.json", "report.docx", "report.odt",
            ])
        func file(_ name: String) throws -> String { try String(contentsOfFile: folder.file("out/\(name)"), encoding: .utf8) }
        let markdown = try file("report.md")
        // Gini 76/208 = 0.365…, moderator share 13/42 = 30.95…%.
        #expect(markdown.contains("## Conversation dynamics"))
        #expect(markdown.contains("| citizens | 4 | 1 | 7 | 26 | 0.37 | 31.0% |"))
        #expect(markdown.contains("| 4 | 1 | 6 |"))
        #expect(markdown.contains("| citizens | S | participant | 0 | 0 | – | 0.0% | – | 0 |"))
        #expect(markdown.contains("| surveillance | g1 | 7 | – | participant | yes (utterance 6) |"))
        #expect(markdown.contains("| government | g1 | 2 | 0:00:10 | participant | no |"))
        #expect(try file("dynamics-groups.csv").contains("\r\ncitizens,4,1,7,26,\(76.0 / 208.0),\(13.0 / 42.0)\r\n"))
        #expect(
            try file("dynamics-transitions.csv")
                == "moderator_to_participant,participant_to_moderator,participant_to_participant\r\n4,1,6\r\n")
        #expect(try file("dynamics-initiations.csv").contains("\r\nsurveillance,g1,7,,participant,true,6\r\n"))
        let html = try file("report.html")
        #expect(html.contains("aria-label=\"Floor share of each speaker per group\""))
        #expect(html.contains("aria-label=\"When each theme entered the talk, per session\""))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try file("report.json").utf8)) as? [String: Any])
        let section = try #require(json["dynamics"] as? [String: Any])
        #expect(Set(section.keys) == ["speakers", "groups", "transitions", "initiations"])
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.file("out/dynamics-speakers.csv"))
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func theSectionInDutch() throws {
        let (report, _, _) = try self.report(dynamics: true)
        let markdown = try #require(try MarkdownReportRenderer(language: .dutch).render(report).first).content
        #expect(markdown.contains("## Gespreksdynamiek"))
        #expect(markdown.contains("| groep | deelnemers | stil | beurten | woorden | Gini | aandeel gespreksleiders |"))
        #expect(markdown.contains("| citizens | 4 | 1 | 7 | 26 | 0,37 | 31,0% |"))
        #expect(markdown.contains("| citizens | S | deelnemer | 0 | 0 | – | 0,0% | – | 0 |"))
        #expect(markdown.contains("| surveillance | g1 | 7 | – | deelnemer | ja (uiting 6) |"))
        #expect(markdown.contains("| government | g1 | 2 | 0:00:10 | deelnemer | nee |"))
        let html = try #require(try HTMLReportRenderer(language: .dutch).render(report).first).content
        #expect(html.contains("<h2>Gespreksdynamiek</h2><h3>Deelname per groep</h3>"))
        #expect(html.contains("aria-label=\"Aandeel in het gesprek van elke spreker per groep\""))
        #expect(html.contains(">uitgelokt door de gespreksleider</text>"))
        for english in ["Turn transitions", "floor share", "prompted by the moderator", ">participant<"] {
            #expect(!html.contains(english), "\(english) is still in English")
        }
    }

    @Test func withoutTheFlagNothingChanges() throws {
        let (report, _, folder) = try self.report(dynamics: false)
        let paths = try ReportWriter.write(report, formats: [.markdown, .csv, .json], to: folder.file("out"))
        #expect(paths.map { ($0 as NSString).lastPathComponent } == ["report.md", "themes.csv", "codes.csv", "report.json"])
        #expect(try !String(contentsOfFile: folder.file("out/report.md"), encoding: .utf8).contains("Conversation dynamics"))
        #expect(try !String(contentsOfFile: folder.file("out/report.json"), encoding: .utf8).contains("\"dynamics\""))
    }
}
