import CDAKit
import CDATestSupport
import Foundation
import Testing

/// The analyst's code colours in the HTML report: a chip before each code in the theme's code
/// table and in a code matrix; `report.json` stays as it was.
@Suite struct ReportColorTests {
    private func report(matrix: Bool = false) throws -> ThemeReport {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        _ = try store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "loket", coder: "a"))
        _ = try store.addCoding(CodingRequest(fragment: Fragment(documentID: "exp", startUtterance: 2), codeName: "waarde", coder: "a"))
        _ = try store.loadCodebook(Codebook.parse(CodingFixtures.codebook), actor: "a")
        try store.mapCode("loket", toTheme: "digital-government", actor: "a")
        try store.mapCode("waarde", toTheme: "digital-government", actor: "a")
        _ = try store.setCodeColor("loket", to: "#C0FFEE", actor: "a")
        var options = ReportOptions()
        if matrix { options.matrix = CodeMatrixOptions(rows: .codes, columns: .groups) }
        return try store.themeReport(options)
    }

    @Test func theCodeTableShowsEachCodesColour() throws {
        let report = try report()
        #expect(report.codeColors["loket"] == "#c0ffee")
        let waarde = try #require(report.codeColors["waarde"])
        #expect(try CodeColor.validated(waarde) == waarde)
        let html = try #require(try HTMLReportRenderer().render(report).first?.content)
        #expect(html.contains("<td><span class=\"chip\" style=\"background:#c0ffee\"></span>loket</td><td>1</td><td>0</td>"))
        #expect(html.contains("<td><span class=\"chip\" style=\"background:\(waarde)\"></span>waarde</td><td>0</td><td>1</td>"))
    }

    @Test func aCodeMatrixMarksItsRowsToo() throws {
        let html = try #require(try HTMLReportRenderer().render(try report(matrix: true)).first?.content)
        let matrix = try #require(html.range(of: "<section id=\"matrix\">"))
        #expect(html[matrix.upperBound...].contains("<tr><td><span class=\"chip\" style=\"background:#c0ffee\"></span>loket</td>"))
    }

    @Test func theJSONReportHasNoColours() throws {
        let json = try #require(try JSONReportRenderer().render(try report()).first?.content)
        #expect(!json.contains("c0ffee"))
        #expect(!json.contains("codeColors"))
    }
}
