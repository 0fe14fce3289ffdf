import CDAKit
import Hummingbird

/// The Themes & report screen: themes with their codes and per-group figures, the theme × group
/// summaries, and the HTML report.
extension WorkbenchAPI {
    /// `GET /api/themes`: the themes and the computed report (the same model `cda report` renders).
    struct Themes: Encodable {
        var themes: [ThemeSummary]
        var report: ThemeReport
    }

    /// The report's page policy: its inline styles and SVG only; no scripts, no network.
    static let reportPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox"

    func reportOptions(_ request: Request) throws -> ReportOptions {
        var options = ReportOptions(projectName: configuration.projectName)
        if let round = try request.intQuery("round", in: RequestBounds.round) { options.round = .number(round) }
        options.includeModerators = request.flagQuery("moderators")
        return options
    }

    func registerThemes(on router: Router<some RequestContext>) {
        router.get("/api/themes") { request, _ -> Response in
            let options = try reportOptions(request)
            return JSONBody.response(
                try await access.run { store in
                    Themes(themes: try store.themes(), report: try store.themeReport(options))
                })
        }
        router.get("/api/themes/list") { _, _ -> Response in
            JSONBody.response(try await access.run { try $0.themes() })
        }
        router.post("/api/themes/map") { request, _ -> Response in
            let body = try await JSONBody.decode(APIRequests.Mapping.self, from: request)
            let actor = coder(body.coder)
            return JSONBody.response(try await access.run { try $0.mapCode(body.code, toTheme: body.theme, actor: actor) })
        }
        router.post("/api/themes/unmap") { request, _ -> Response in
            let body = try await JSONBody.decode(APIRequests.Mapping.self, from: request)
            let actor = coder(body.coder)
            return JSONBody.response(try await access.run { try $0.unmapCode(body.code, fromTheme: body.theme, actor: actor) })
        }
        router.put("/api/themes/summary") { request, _ -> Response in
            let body = try await JSONBody.decode(APIRequests.Summary.self, from: request)
            let author = coder(body.coder)
            try await access.run { try $0.setMemo(body.text, on: .themeGroup(theme: body.theme, group: body.group), author: author) }
            return JSONBody.response(["theme": body.theme, "group": body.group, "text": body.text])
        }
        router.get("/api/report.html") { request, _ -> Response in
            let options = try reportOptions(request)
            let html = try await access.run { store in
                try HTMLReportRenderer().render(try store.themeReport(options)).first?.content ?? ""
            }
            return Response(
                status: .ok,
                headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store", .contentSecurityPolicy: Self.reportPolicy],
                body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
        }
    }
}
