import CDAKit
import Hummingbird

/// The Corpus screen: documents with counts, coverage per round, keyword-in-context search and
/// "code these hits".
extension WorkbenchAPI {
    /// `GET /api/corpus`.
    struct Corpus: Encodable {
        var documents: [DocumentSummary]
        var codingCounts: [DocumentCodingCount]
        var status: RoundStatus
    }

    /// `GET /api/search`.
    struct Search: Encodable {
        var pattern: String
        var total: Int
        var lines: [ConcordanceLine]
    }

    /// `POST /api/search/code`.
    struct CodedHits: Encodable {
        var hits: Int
        var result: SheetImportResult
    }

    func registerCorpus(on router: Router<some RequestContext>) {
        router.get("/api/corpus") { _, _ -> Response in
            JSONBody.response(
                try await access.run { store in
                    Corpus(documents: try store.documents(), codingCounts: try store.codingCounts(), status: try store.roundStatus())
                })
        }
        router.get("/api/search") { request, _ -> Response in
            let pattern = try request.requireQuery("q")
            let scope = TextScope(
                group: request.query("group"), document: request.query("doc"), speaker: request.query("speaker"),
                includeModerators: request.flagQuery("moderators"), foldDiacritics: request.flagQuery("fold"))
            let limit = try request.intQuery("limit", in: RequestBounds.searchLimit) ?? 200
            let width = try request.intQuery("width", in: RequestBounds.width) ?? 40
            guard let sort = Concordance.Sort(rawValue: request.query("sort") ?? "position") else {
                throw WebError.badRequest("The query parameter 'sort' must be left, right or position.")
            }
            guard let parsed = WordPattern(pattern, scope: scope) else {
                throw WebError.badRequest("The pattern '\(pattern)' has no word.")
            }
            let lines = try await access.run { try Concordance.search(parsed, in: $0, scope: scope, width: width, sort: sort) }
            return JSONBody.response(Search(pattern: pattern, total: lines.count, lines: Array(lines.prefix(limit))))
        }
        router.post("/api/search/code") { request, _ -> Response in
            let body = try await JSONBody.decode(APIRequests.CodeHits.self, from: request)
            let scope = TextScope(
                group: body.group, document: body.document, speaker: body.speaker,
                includeModerators: body.includeModerators ?? false, foldDiacritics: body.foldDiacritics ?? false)
            guard let parsed = WordPattern(body.pattern, scope: scope) else {
                throw WebError.badRequest("The pattern '\(body.pattern)' has no word.")
            }
            _ = try CodeName.validated(body.code)  // refused before the search runs
            let coder = coder(body.coder)
            return JSONBody.response(
                try await access.run { store in
                    let lines = try Concordance.search(parsed, in: store, scope: scope)
                    let result = try store.codeConcordance(lines, as: body.code, round: body.round, coder: coder, pattern: body.pattern)
                    return CodedHits(hits: lines.count, result: result)
                })
        }
    }
}
