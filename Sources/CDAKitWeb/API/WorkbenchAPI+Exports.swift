import CDAKit
import Foundation
import Hummingbird

/// Downloads: the report in every format, coding sheets and the REFI-QDA project, built by the
/// same library functions as `cda report`, `cda sheet export` and `cda export qdpx`, in memory
/// (or in a private folder removed at once), and sent as attachments.
extension WorkbenchAPI {
    func registerExports(on router: Router<some RequestContext>) {
        router.get("/api/export/report") { request, _ -> Response in
            let name = request.query("format") ?? "html"
            guard let format = ReportFormat(rawValue: name) else {
                throw WebError.badRequest("Unknown report format '\(name.prefix(40))'. Use \(ReportFormat.names).")
            }
            let options = try reportOptions(request)
            let wanted = request.query("file")
            let file = try await access.run { store -> (name: String, data: Data) in
                let files = try format.renderer(in: try store.reportLanguage()).files(try store.themeReport(options))
                guard let wanted else {
                    guard let first = files.first else { throw WebError.notFound("The report has no \(name) file.") }
                    return first
                }
                guard let chosen = files.first(where: { $0.name == wanted }) else {
                    throw WebError.notFound(
                        "The \(name) report has no file '\(wanted.prefix(80))'; it has \(files.map(\.name).joined(separator: ", ")).")
                }
                return chosen
            }
            return Download(data: file.data, name: file.name, type: Download.type(ofFile: file.name)).response
        }
        router.get("/api/export/sheet") { request, _ -> Response in
            let format = request.query("format") ?? "tsv"
            guard ["tsv", "xlsx"].contains(format) else {
                throw WebError.badRequest("Unknown sheet format '\(format.prefix(40))'. Use tsv or xlsx.")
            }
            let round = try request.intQuery("round", in: RequestBounds.round)
            let document = request.query("doc")
            let uncoded = request.flagQuery("uncoded")
            let data = try await access.run { store -> Data in
                let rows = try store.sheetRows(round: round, documentID: document, uncoded: uncoded)
                guard format == "xlsx" else { return Data(CodingSheet.render(rows).utf8) }
                return try PrivateFolder.with { folder in
                    let path = (folder as NSString).appendingPathComponent("sheet.xlsx")
                    try SheetWorkbook.write(rows, to: path)
                    return try Data(contentsOf: URL(fileURLWithPath: path))
                }
            }
            let stem = uncoded ? "uncoded-sheet" : "coding-sheet"
            let name = document.map { Download.safeName("\(stem)-\($0).\(format)", fallback: "\(stem).\(format)") } ?? "\(stem).\(format)"
            return Download(data: data, name: name, type: Download.type(ofFile: name)).response
        }
        router.get("/api/export/qdpx") { request, _ -> Response in
            let round = try request.intQuery("round", in: RequestBounds.round)
            let name = Download.safeName("\(configuration.projectName).qdpx", fallback: "project.qdpx")
            let data = try await access.run { store -> Data in
                try PrivateFolder.with { folder in
                    let path = (folder as NSString).appendingPathComponent("project.qdpx")
                    do {
                        _ = try REFIExchange.exportProject(store, to: path, round: round, schemas: nil)
                    } catch ExchangeError.nothingToExport {
                        throw WebError.refused(status: 409, message: "The project has no documents or codes to export yet.")
                    }
                    return try Data(contentsOf: URL(fileURLWithPath: path))
                }
            }
            return Download(data: data, name: name, type: Download.type(ofFile: name)).response
        }
    }
}
