import CDAKit
import CDATestSupport
import Foundation
import Testing

@testable import cda

@Suite(.serialized) struct MatrixCommandTests {
    @Test func refusesUnknownValuesBeforeOpeningAProject() {
        expectRefusal(["matrix", "--rows", "coders"], saying: "Unknown --rows value 'coders'. Use codes or themes.")
        expectRefusal(["matrix", "--cols", "rounds"], saying: "Unknown --cols value 'rounds'. Use groups, documents or speakers.")
        expectRefusal(["matrix", "--count", "quotes"], saying: "Use fragments or words.")
        expectRefusal(["matrix", "--format", "pdf"], saying: "Unknown format 'pdf'. Use csv, md, html, docx or odt.")
        expectRefusal(["matrix", "--format", "docx"], saying: "name the file with --out")
        expectRefusal(["matrix", "--json", "--format", "csv"], saying: "cannot be combined")
        expectRefusal(["matrix", "--round", "3"], saying: "--round must be between 1 and 2, not 3.")
        expectRefusal(["matrix", "--lang", "de"], saying: "Unknown language 'de'. Use en or nl.")
        expectRefusal(["cooccurrence", "--unit", "sentence"], saying: "Unknown --unit value 'sentence'. Use fragment or utterance.")
        expectRefusal(["cooccurrence", "--themes", "--codes", "a,b"], saying: "cannot be combined")
        expectRefusal(["cooccurrence", "--codes", "overheid"], saying: "must name at least two codes")
        expectRefusal(["report", "--matrix", "--matrix-cols", "coders"], saying: "Unknown --matrix-cols value 'coders'.")
        expectRefusal(["export", "summaries", "--format", "pdf"], saying: "Unknown format 'pdf'. Use md, csv, docx or odt.")
        expectRefusal(["export", "summaries", "--format", "odt"], saying: "name the file with --out")
    }

    @Test func matrixFromTheShell() throws {
        let folder = TemporaryDirectory()
        _ = try MatrixFixtures.project(in: folder)
        let env = ["CDA_PROJECT": folder.file("p.cda")]
        func cda(_ arguments: String...) throws -> CLI.Result { try CLI.run(arguments, in: folder.path, environment: env) }

        let refused = try cda("matrix", "--rows", "coders")
        #expect(refused.status == 64)
        #expect(refused.error.contains("Unknown --rows value 'coders'. Use codes or themes."))

        let json = try cda("matrix", "--cols", "speakers", "--round", "1", "--json")
        #expect(json.status == 0, "\(json.error)")
        let matrix = try JSONDecoder().decode(CodeMatrix.self, from: Data(json.output.utf8))
        #expect(matrix.columns.map(\.name) == ["P01", "P02", "P03", "P04", "P05"])
        #expect(matrix.rows.first { $0.id == "overheid" }?.cells.map(\.words) == [9, 0, 0, 6, 0])

        let labels = try cda("matrix", "--cols", "speakers", "--round", "1", "--speaker-labels", "--count", "words")
        #expect(labels.status == 0)
        #expect(labels.output.contains("Code matrix: codes by speakers"))
        #expect(labels.output.contains("words per cell"))
        let overheid = try #require(labels.output.split(separator: "\n").first { $0.hasPrefix("overheid") })
        #expect(overheid.split(separator: " ") == ["overheid", "9", "0", "0", "6", "0", "15"])

        let csv = try cda("matrix", "--rows", "themes", "--round", "1", "--format", "csv")
        #expect(csv.status == 0)
        #expect(
            csv.output.hasPrefix(
                "id,label,citizens fragments,citizens words,experts fragments,experts words,total fragments,total words\r\ndigital-government,Vertrouwen in de digitale overheid,2,9,2,7,4,16\r\n"
            ))

        let html = try cda("matrix", "--rows", "themes", "--round", "1", "--format", "html", "--lang", "nl")
        #expect(html.output.contains("<html lang=\"nl\">"))
        #expect(html.output.contains("Codematrix: thema's × groepen") || html.output.contains("Codematrix: thema&#39;s × groepen"))

        let docx = try cda("matrix", "--format", "docx", "--out", "matrix.docx")
        #expect(docx.status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.file("matrix.docx"))
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        let unknown = try cda("matrix", "--by", "party")
        #expect(unknown.status != 0)
        #expect(unknown.error.contains("No document or speaker has the attribute 'party'."))
    }

    @Test func coOccurrenceFromTheShell() throws {
        let folder = TemporaryDirectory()
        _ = try MatrixFixtures.project(in: folder)
        let env = ["CDA_PROJECT": folder.file("p.cda")]
        func cda(_ arguments: String...) throws -> CLI.Result { try CLI.run(arguments, in: folder.path, environment: env) }

        let table = try cda("cooccurrence", "--round", "1")
        #expect(table.status == 0, "\(table.error)")
        let lines = table.output.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines.contains("china wij-zij 1 1 1.000"))
        #expect(lines.contains("overheid snelheid 1 3 0.333"))

        let json = try cda("cooccurrence", "--round", "1", "--unit", "utterance", "--codes", "china,wij-zij", "--json")
        #expect(json.status == 0)
        let decoded = try JSONDecoder().decode(CoOccurrence.self, from: Data(json.output.utf8))
        #expect(decoded.pairs == [.init(first: "china", second: "wij-zij", together: 1, either: 2)])
        #expect(json.output.contains("\"jaccard\" : 0.5"))

        let md = try cda("cooccurrence", "--round", "1", "--format", "md", "--lang", "nl")
        #expect(md.output.contains("| eerste | tweede | samen | een van beide | Jaccard |"))
        #expect(md.output.contains("| overheid | snelheid | 1 | 3 | 0,333 |"))

        let heatMap = try cda("cooccurrence", "--themes", "--round", "1", "--format", "html")
        #expect(heatMap.output.contains("1. Vertrouwen in de digitale overheid"))
        #expect(heatMap.output.contains("No two of them occur together."))

        let unknown = try cda("cooccurrence", "--codes", "overhied,snelheid")
        #expect(unknown.status != 0)
        #expect(unknown.error.contains("Unknown code 'overhied'. Did you mean 'overheid'?"))
    }

    @Test func reportSections() throws {
        let folder = TemporaryDirectory()
        _ = try MatrixFixtures.project(in: folder)
        let env = ["CDA_PROJECT": folder.file("p.cda")]
        let result = try CLI.run(
            ["report", "--round", "1", "--matrix", "--cooccurrence", "--format", "md,json,html,csv,docx", "--out", "out"], in: folder.path,
            environment: env)
        #expect(result.status == 0, "\(result.error)")
        let markdown = try String(contentsOfFile: folder.file("out/report.md"), encoding: .utf8)
        #expect(markdown.contains("## Code matrix: codes by speakers"))
        #expect(markdown.contains("| overheid | 1 | 0 | 0 | 1 | 0 | 2 |"))
        #expect(markdown.contains("## Co-occurrence of themes"))
        let report = try JSONDecoder().decode(
            ThemeReport.self, from: Data(contentsOf: URL(fileURLWithPath: folder.file("out/report.json"))))
        #expect(report.matrix?.columns.map(\.name) == ["P01", "P02", "P03", "P04", "P05"])
        #expect(report.cooccurrence?.items.map(\.units) == [3, 1, 2])
        #expect(report.definitions["matrix"] != nil)
        let html = try String(contentsOfFile: folder.file("out/report.html"), encoding: .utf8)
        #expect(html.contains("<section id=\"matrix\">"))
        #expect(html.contains("<section id=\"cooccurrence\">"))
        #expect(FileManager.default.fileExists(atPath: folder.file("out/matrix.csv")))
    }
}
