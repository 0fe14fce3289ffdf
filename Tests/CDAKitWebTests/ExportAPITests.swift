import CDATestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import CDAKit
@testable import CDAKitWeb

/// Downloads: every report format, coding sheets and the `.qdpx`, as attachments whose bodies are
/// what the command line writes.
@Suite struct ExportAPITests {
    private static let disposition = HTTPField.Name("Content-Disposition")!

    /// The fixture with a codebook, two codings mapped to a theme and a chosen colour.
    private func harness() throws -> WebHarness {
        let harness = try WebHarness.make()
        let store = harness.store
        _ = try store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "loket", coder: "anna"))
        _ = try store.addCoding(CodingRequest(fragment: Fragment(documentID: "exp", startUtterance: 4), codeName: "loket", coder: "anna"))
        _ = try store.loadCodebook(Codebook.parse(CodingFixtures.codebook), actor: "anna")
        try store.mapCode("loket", toTheme: "digital-government", actor: "anna")
        _ = try store.setCodeColor("loket", to: "#c0ffee", actor: "anna")
        return harness
    }

    /// The entries of a ZIP package, read as the library reads `.qdpx` archives.
    private func entries(_ response: TestResponse, in folder: TemporaryDirectory) throws -> Set<String> {
        let path = folder.file("download.zip")
        try Data(response.body.readableBytesView).write(to: URL(fileURLWithPath: path))
        return Set(try QDPXArchive(path: path).paths)
    }

    @Test(arguments: [
        ("md", "report.md", "text/markdown; charset=utf-8"), ("html", "report.html", "text/html; charset=utf-8"),
        ("csv", "themes.csv", "text/csv; charset=utf-8"), ("json", "report.json", "application/json; charset=utf-8"),
        ("docx", "report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("odt", "report.odt", "application/vnd.oasis.opendocument.text"),
    ])
    func everyReportFormatIsAnAttachment(format: String, name: String, type: String) async throws {
        let harness = try harness()
        let expected = try ReportFormat(rawValue: format)!.renderer(in: harness.store.reportLanguage())
            .files(harness.store.themeReport(ReportOptions(projectName: "p")))
        try await harness.test { session in
            let response = try await session.get("/api/export/report?format=\(format)")
            #expect(response.status == .ok)
            #expect(response.headers[Self.disposition] == "attachment; filename=\"\(name)\"")
            #expect(response.headers[.contentType] == type)
            #expect(response.headers[.cacheControl] == "no-store")
            let body = Data(response.body.readableBytesView)
            switch format {
            case "md": #expect(String(decoding: body, as: UTF8.self).hasPrefix("# "))
            case "html":
                let html = String(decoding: body, as: UTF8.self)
                #expect(html.hasPrefix("<!DOCTYPE html>"))
                #expect(html.contains("<span class=\"chip\" style=\"background:#c0ffee\"></span>loket"))
            case "csv": #expect(String(decoding: body, as: UTF8.self).split(whereSeparator: \.isNewline).count > 1)
            case "json":
                let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
                #expect((object["themes"] as? [Any])?.count == 3)
            case "docx": #expect(try entries(response, in: harness.folder).contains("word/document.xml"))
            default: #expect(try entries(response, in: harness.folder).contains("content.xml"))
            }
            // Text formats are the command line's files byte for byte.
            if ["md", "html", "csv", "json"].contains(format) { #expect(body == expected.first?.data) }
        }
    }

    @Test func csvHasTwoFilesChosenByName() async throws {
        try await harness().test { session in
            let codes = try await session.get("/api/export/report?format=csv&file=codes.csv")
            #expect(codes.status == .ok)
            #expect(codes.headers[Self.disposition] == "attachment; filename=\"codes.csv\"")
            #expect(codes.text.contains("loket"))
            let missing = try await session.get("/api/export/report?format=csv&file=other.csv")
            #expect(missing.status == .notFound)
            #expect(missing.object["error"] as? String == "The csv report has no file 'other.csv'; it has themes.csv, codes.csv.")
            let unknown = try await session.get("/api/export/report?format=pdf")
            #expect(unknown.status == .badRequest)
            #expect(unknown.object["error"] as? String == "Unknown report format 'pdf'. Use md, html, csv, json, docx or odt.")
        }
    }

    @Test func codingSheetsAsTextAndWorkbook() async throws {
        let harness = try harness()
        try await harness.test { session in
            let tsv = try await session.get("/api/export/sheet?format=tsv")
            #expect(tsv.status == .ok)
            #expect(tsv.headers[Self.disposition] == "attachment; filename=\"coding-sheet.tsv\"")
            #expect(tsv.headers[.contentType] == "text/tab-separated-values; charset=utf-8")
            let rows = try CodingSheet.parse(tsv.text, file: "coding-sheet.tsv", defaultCoder: "x").get()
            #expect(rows.count == 2)
            #expect(Set(rows.compactMap(\.request?.codeName)) == ["loket"])

            let one = try await session.get("/api/export/sheet?format=tsv&doc=exp&uncoded=1")
            #expect(one.headers[Self.disposition] == "attachment; filename=\"uncoded-sheet-exp.tsv\"")
            // exp: E1, E2 and E1 speak; utterance 4 is coded, so 2 and 3 are left (the moderator is left out).
            #expect(one.text.split(separator: "\n").count == 1 + 2)

            let xlsx = try await session.get("/api/export/sheet?format=xlsx")
            #expect(xlsx.status == .ok)
            #expect(xlsx.headers[Self.disposition] == "attachment; filename=\"coding-sheet.xlsx\"")
            let path = harness.folder.file("sheet.xlsx")
            try Data(xlsx.body.readableBytesView).write(to: URL(fileURLWithPath: path))
            #expect(try SheetWorkbook.read(at: path).count == 1 + 2)

            let bad = try await session.get("/api/export/sheet?format=ods")
            #expect(bad.status == .badRequest)
            let round = try await session.get("/api/export/sheet?round=7")
            #expect(round.status == .badRequest)
        }
    }

    @Test func theProjectAsQDPXImportsWithItsColours() async throws {
        let harness = try harness()
        try await harness.test { session in
            let response = try await session.get("/api/export/qdpx")
            #expect(response.status == .ok)
            #expect(response.headers[Self.disposition] == "attachment; filename=\"p.qdpx\"")
            #expect(response.headers[.contentType] == "application/zip")
            let path = harness.folder.file("download.qdpx")
            try Data(response.body.readableBytesView).write(to: URL(fileURLWithPath: path))
            let other = TemporaryDirectory()
            let copy = try ProjectStore.create(at: other.file("copy.cda"))
            let result = try REFIExchange.importProject(path, into: copy, options: .init(schemas: nil, actor: "import"))
            #expect(result.documentsAdded.sorted() == ["cit", "emo", "exp"])
            #expect(result.codingsAdded == 2)
            #expect(try copy.codes().first { $0.name == "loket" }?.color == "#c0ffee")
        }
    }

    @Test func thePrivateFolderIsTheOwnersOnlyAndGoesAway() throws {
        var used = ""
        let mode = try PrivateFolder.with { folder -> Int in
            used = folder
            try Data("x".utf8).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("f")))
            return (try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int) ?? 0
        }
        #expect(mode == 0o700)
        #expect(!FileManager.default.fileExists(atPath: used))
        struct Failed: Error {}
        #expect(throws: Failed.self) {
            try PrivateFolder.with { folder -> Int in
                used = folder
                throw Failed()
            }
        }
        #expect(!FileManager.default.fileExists(atPath: used))
    }

    @Test func safeNamesKeepOnlyPlainCharacters() {
        #expect(Download.safeName("studie één.qdpx", fallback: "project.qdpx") == "studie___n.qdpx")
        #expect(Download.safeName("../x\".qdpx", fallback: "project.qdpx") == ".._x_.qdpx")
        #expect(Download.safeName("ééé", fallback: "project.qdpx") == "project.qdpx")
    }
}
