import CDATestSupport
import Foundation
import Testing

@testable import CDAKit

/// Seconds beside words: hand-worked report values for time-span codings.
@Suite struct TimeSpanReportTests {
    /// The fixture project with a 10 s recording on `cit`. `gelach` on 1–3 s, 2–4.5 s and 8–9 s,
    /// `stilte` on 2.5–3.5 s (all inside 1–4.5 s), and the text coding `snel contact` on cit:2
    /// (C1's 9 words). `gelach`, `stilte` and `snel contact` map to digital-government; `stilte`
    /// also to inequality.
    static func project(_ folder: TemporaryDirectory) throws -> ProjectStore {
        let store = try TimeSpanCodingTests.project(folder)
        _ = try store.loadCodebook(Codebook.parse(CodingFixtures.codebook), actor: "t")
        for (start, end, code) in [(1_000, 3_000, "gelach"), (2_000, 4_500, "gelach"), (8_000, 9_000, "gelach"), (2_500, 3_500, "stilte")] {
            try store.addTimeSpanCoding(TimeSpanCodingTests.request(start, end, code: code))
        }
        _ = try store.addCoding(
            CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "snel contact", coder: "a"))
        for (code, theme) in [
            ("gelach", "digital-government"), ("stilte", "digital-government"), ("snel contact", "digital-government"),
            ("stilte", "inequality"),
        ] {
            try store.mapCode(code, toTheme: theme, actor: "t")
        }
        return store
    }

    @Test func secondsAreTheUnionOfSpansAndSpansAreFragments() throws {
        let folder = TemporaryDirectory()
        let report = try Self.project(folder).themeReport(ReportOptions(round: .number(1), projectName: "fixture"))
        // Union of all spans: 1–4.5 s (3.5 s) and 8–9 s (1 s).
        #expect(report.groups.map(\.codedSeconds) == [4.5, 0])
        #expect(report.groups.map(\.codedWords) == [9, 0])
        #expect(report.hasTimeSpans)
        let government = try #require(report.themes.first { $0.id == "digital-government" }?.groups["citizens"])
        #expect(government.fragments == 5)  // one text fragment and four distinct spans
        #expect(government.words == 9)
        #expect(government.seconds == 4.5)
        #expect(government.documents == 1)
        #expect(government.participants == 1)  // spans have no speaker
        #expect(
            government.codes == [
                .init(code: "gelach", fragments: 3), .init(code: "snel contact", fragments: 1), .init(code: "stilte", fragments: 1),
            ])
        #expect(government.coThemes == [.init(theme: "inequality", fragments: 1)])
        let inequality = try #require(report.themes.first { $0.id == "inequality" }?.groups["citizens"])
        #expect(inequality.fragments == 1 && inequality.seconds == 1 && inequality.words == 0)
        #expect(report.themes.first { $0.id == "digital-government" }?.groups["experts"]?.seconds == 0)
        #expect(report.definitions["seconds"] != nil && report.definitions["coded_seconds"] != nil)
    }

    @Test func everyFormatShowsTheSameSeconds() throws {
        let folder = TemporaryDirectory()
        let report = try Self.project(folder).themeReport(ReportOptions(round: .number(1), projectName: "fixture"))
        let markdown = try MarkdownReportRenderer().render(report)[0].content
        #expect(markdown.contains("| group | documents | participants | utterances | words | coded words | coded | coded seconds |"))
        #expect(markdown.contains("| citizens | 1 | 3 | 4 | 29 | 9 | 31.0% | 4.5 |"))
        #expect(markdown.contains("| seconds | 4.5 | 0.0 |"))
        let html = try HTMLReportRenderer().render(report)[0].content
        #expect(html.contains("<td>4.5</td>"))
        let csv = try CSVReportRenderer().render(report).first { $0.name == "themes.csv" }?.content ?? ""
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0].hasSuffix(",raised_more_by,seconds,group_coded_seconds"))
        #expect(lines.first { $0.hasPrefix("digital-government,") && $0.contains(",citizens,") }?.hasSuffix(",4.5,4.5") == true)
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any])
        #expect((json["groups"] as? [[String: Any]])?.first?["coded_seconds"] as? Double == 4.5)
        let document = ReportDocument(report, language: .dutch)
        #expect(
            document.blocks.contains { block in
                if case .table(_, let rows) = block { return rows.contains(["seconden", "4,5", "0,0"]) }
                return false
            })
        // A report without time spans shows no seconds at all, in any table.
        let plain = try CodingFixtures.project(in: TemporaryDirectory()).themeReport(ReportOptions(projectName: "p"))
        #expect(!plain.hasTimeSpans)
        #expect(!(try MarkdownReportRenderer().render(plain)[0].content.contains("seconds |")))
    }

    /// Grouped by a speaker attribute, a span counts for the speakers whose utterances overlap it
    /// in recording time: C1 speaks 7.5–11.5 s (side a), C2 11.5–22.5 s (side b), C1 again at 22.5 s.
    @Test func aSpanCountsForTheSpeakersItOverlaps() throws {
        let folder = TemporaryDirectory()
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        let text = """
            # id: tijd
            # speakers: C1, C2
            # speaker C1: side=a
            # speaker C2: side=b

            [00:00:05] C1: Één ding.
            [00:00:09] C2: Naïef, zei ze.
            [00:00:20] C1: Tot ziens.
            """
        _ = try store.save(
            try PlainTextReader().read(SourceFile(path: "tijd.txt", bytes: Array(text.utf8)), options: ReadOptions()), replace: false)
        try store.linkMedia(documentID: "tijd", file: folder.write("tijd.wav", bytes: MediaFixtures.wav(bytes: 240_000)), offset: 2.5)
        for (start, end) in [(8_000, 9_000), (11_000, 12_000), (0, 1_000), (22_000, 23_000)] {
            try store.addTimeSpanCoding(TimeSpanCodingTests.request(start, end, document: "tijd"))
        }
        let corpus = try store.codedCorpus(by: "side")
        #expect(corpus.timeSpans.sorted { $0.span < $1.span }.map(\.groups) == [[], ["a"], ["a", "b"], ["a", "b"]])
        let report = try store.themeReport(ReportOptions(by: "side", round: .number(1)))
        #expect(report.groups.map(\.name) == ["a", "b"])
        #expect(report.groups.map(\.codedSeconds) == [3, 2])
    }
}
