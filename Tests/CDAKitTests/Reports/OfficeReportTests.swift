import CDAKit
import CDATestSupport
import Foundation
import Testing
import ZIPFoundation

/// The Word and OpenDocument reports: their parts, their packages and the figures in their tables,
/// on a small report decoded from JSON so every figure is known.
@Suite struct OfficeReportTests {
    /// Two groups, one theme: citizens 17 of 29 words (58.6%), 2 of 3 participants (66.7%);
    /// experts 1 of 17 words (5.9%).
    static let json = """
        {
          "generated_by": "cda test", "project": "R&D <study>", "round": 1, "by": "group", "includes_moderators": false,
          "privacy": "private (no participant text)",
          "groups": [
            {"name": "citizens", "documents": 1, "participants": 3, "utterances": 4, "words": 29, "coded_words": 20},
            {"name": "experts", "documents": 1, "participants": 2, "utterances": 3, "words": 17, "coded_words": 1}
          ],
          "themes": [
            {"id": "digital-government", "label": "Trust & government", "description": "Contact with the state.",
             "groups": {
               "citizens": {"fragments": 2, "words": 17, "share_of_words": 0.5862068965517241, "participants": 2,
                            "share_of_participants": 0.6666666666666666, "documents": 1,
                            "codes": [{"code": "snel contact", "fragments": 2}], "co_themes": [],
                            "summary": "Citizens want <quick> contact."},
               "experts": {"fragments": 1, "words": 1, "share_of_words": 0.058823529411764705, "participants": 1,
                           "share_of_participants": 0.5, "documents": 1,
                           "codes": [{"code": "kritiek", "fragments": 1}], "co_themes": []}
             },
             "comparison": {"method": "log-likelihood-2x2", "groups": ["citizens", "experts"], "theme_words": [17, 1],
                            "total_words": [29, 17], "log_likelihood": 10.4567, "log_ratio": 3.25, "raised_more_by": "citizens"}}
          ],
          "silences": [{"kind": "theme-not-raised-by-group", "theme": "digital-government", "group": "experts"}],
          "definitions": {"share_of_words": "Theme words over all counted words."}
        }
        """

    private func report() throws -> ThemeReport { try JSONDecoder().decode(ThemeReport.self, from: Data(Self.json.utf8)) }

    private func part(_ parts: [(name: String, content: String)], _ name: String) throws -> String {
        try #require(parts.first { $0.name == name }).content
    }

    @Test func wordDocumentHasStyledHeadingsAndTheFigures() throws {
        let parts = try DOCXReportRenderer().render(try report())
        #expect(
            parts.map(\.name) == [
                "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml", "word/styles.xml",
                "docProps/core.xml",
            ])
        let document = try part(parts, "word/document.xml")
        #expect(document.contains("<w:pStyle w:val=\"Title\"/>"))
        #expect(document.contains("<w:t xml:space=\"preserve\">Theme report: R&amp;D &lt;study&gt;</w:t>"))
        #expect(document.contains("<w:t xml:space=\"preserve\">Trust &amp; government (digital-government)</w:t>"))
        for cell in [
            "58.6%", "5.9%", "2 of 3 (66.7%)", "1 of 2 (50.0%)", "10.46", "3.25", "snel contact", "Citizens want &lt;quick&gt; contact.",
        ] {
            #expect(document.contains("<w:t xml:space=\"preserve\">\(cell)</w:t>"), "cell \(cell)")
        }
        #expect(document.components(separatedBy: "<w:tbl>").count - 1 == 4)
        #expect(document.components(separatedBy: "<w:pStyle w:val=\"Heading2\"/>").count - 1 == 1)
        let styles = try part(parts, "word/styles.xml")
        for level in 1...3 {
            #expect(styles.contains("<w:name w:val=\"heading \(level)\"/>"))
            #expect(styles.contains("<w:outlineLvl w:val=\"\(level - 1)\"/>"))
        }
        #expect(styles.contains("w:styleId=\"ReportTable\""))
    }

    @Test func openDocumentHasOutlineHeadingsAndExactParagraphs() throws {
        let parts = try ODTReportRenderer().render(try report())
        #expect(parts.map(\.name) == ["mimetype", "META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml"])
        #expect(try part(parts, "mimetype") == "application/vnd.oasis.opendocument.text")
        let content = try part(parts, "content.xml")
        #expect(
            content.contains(
                "<text:h text:style-name=\"Heading_20_2\" text:outline-level=\"2\">Trust &amp; government (digital-government)</text:h>"))
        #expect(content.contains("<text:p text:style-name=\"Table_20_Contents\">2 of 3 (66.7%)</text:p>"))
        // Mixed content is written on one line: whitespace inside an OpenDocument paragraph is text.
        #expect(
            content.contains(
                "<text:p text:style-name=\"Text_20_body\"><text:span text:style-name=\"Bold\">citizens. </text:span>Citizens want &lt;quick&gt; contact.</text:p>"
            ))
        #expect(
            content.contains(
                "<text:p text:style-name=\"Text_20_body\"><text:span text:style-name=\"Italic\">Trust &amp; government</text:span> was not raised by experts.</text:p>"
            ))
        #expect(content.components(separatedBy: "<table:table ").count - 1 == 4)
        let styles = try part(parts, "styles.xml")
        #expect(styles.contains("style:name=\"Heading_20_3\" style:display-name=\"Heading 3\""))
        #expect(styles.contains("style:default-outline-level=\"3\""))
    }

    @Test(arguments: [ReportFormat.docx, .odt])
    func packagesHoldThePartsWithMimetypeFirstAndStored(format: ReportFormat) throws {
        let report = try report()
        let parts = try format.renderer.render(report)
        let files = try format.renderer.files(report)
        #expect(files.map(\.name) == ["report.\(format.rawValue)"])
        let data = try #require(files.first?.data)
        #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let archive = try Archive(data: data, accessMode: .read)
        let entries = Array(archive)
        #expect(entries.map(\.path) == parts.map(\.name))
        for (entry, expected) in zip(entries, parts) {
            var bytes = Data()
            _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
            #expect(String(decoding: bytes, as: UTF8.self) == expected.content, "\(entry.path)")
        }
        if format == .odt {
            // OpenDocument readers find the type in the first entry, stored, at byte 38 of the file.
            #expect(entries.first?.isCompressed == false)
            #expect(String(decoding: data[38..<(38 + 39)], as: UTF8.self) == "application/vnd.oasis.opendocument.text")
        }
        #expect(try format.renderer.files(report).first?.data == data, "the same report gives the same bytes")
    }

    @Test func writtenPackagesAreOwnerOnly() throws {
        let folder = TemporaryDirectory()
        let paths = try ReportWriter.write(try report(), formats: [.docx, .odt], to: folder.file("out"))
        #expect(paths.map { ($0 as NSString).lastPathComponent } == ["report.docx", "report.odt"])
        for path in paths {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(path)")
        }
    }
}
