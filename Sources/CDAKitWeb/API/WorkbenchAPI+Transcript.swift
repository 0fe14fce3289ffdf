import CDAKit
import Hummingbird

/// The Transcript screen: one document in pages of utterances, with the codings that touch them,
/// *Find in transcript*, and the filters by speaker, group, code and coder.
extension WorkbenchAPI {
    /// The most utterances one page may hold.
    static let maximumPage = 1000
    /// The utterances a page holds when the request names no `to`.
    static let defaultPage = 200
    /// The occurrences *Find in transcript* lists when the request names no `limit`.
    static let defaultFindLimit = 2000

    /// One utterance as the page shows it. `length` is in Unicode scalars (code points), the unit of every offset.
    struct Line: Encodable {
        var index: Int
        var speaker: String?
        var role: SpeakerRole?
        var start: Double?
        var end: Double?
        var section: String?
        var text: String
        var length: Int
        var words: Int
    }

    /// `GET /api/transcript?doc=ID&from=N&to=M`.
    struct Page: Encodable {
        var document: String
        var total: Int
        var from: Int
        var to: Int
        var utterances: [Line]
        var codings: [DocumentCoding]
    }

    func registerTranscript(on router: Router<some RequestContext>) {
        router.get("/api/document") { request, _ -> Response in
            let id = try request.requireQuery("doc")
            return JSONBody.response(
                try await access.run { store in
                    guard let found = try store.documents().first(where: { $0.id == id }) else {
                        _ = try store.utteranceCount(of: id)  // throws the library's message with a suggestion
                        throw WebError.notFound("Unknown document '\(id)'.")
                    }
                    return found
                })
        }
        router.get("/api/transcript/find") { request, _ -> Response in
            let id = try request.requireQuery("doc")
            let query = try request.requireQuery("q")
            let limit = try request.intQuery("limit", in: RequestBounds.findLimit) ?? Self.defaultFindLimit
            guard let finder = TextFinder(query, foldDiacritics: request.flagQuery("fold")) else {
                throw WebError.badRequest("The text to find has no character besides spaces.")
            }
            return JSONBody.response(try await access.run { try $0.find(finder, inDocument: id, limit: limit) })
        }
        router.get("/api/transcript/filter") { request, _ -> Response in
            let id = try request.requireQuery("doc")
            let filter = TranscriptFilter(
                speaker: request.query("speaker"), group: request.query("group"), code: request.query("code"), coder: request.query("coder")
            )
            return JSONBody.response(try await access.run { try $0.filterTranscript(filter, inDocument: id) })
        }
        router.get("/api/transcript") { request, _ -> Response in
            let id = try request.requireQuery("doc")
            let from = try request.intQuery("from", in: RequestBounds.utterance) ?? 1
            let to =
                try request.intQuery("to", in: RequestBounds.utterance)
                ?? min(from + Self.defaultPage - 1, RequestBounds.utterance.upperBound)
            guard to >= from else { throw WebError.badRequest("'to' (\(to)) must not be before 'from' (\(from)).") }
            guard to - from < Self.maximumPage else { throw WebError.badRequest("A page holds at most \(Self.maximumPage) utterances.") }
            return JSONBody.response(
                try await access.run { store in
                    let total = try store.utteranceCount(of: id)
                    let last = min(to, total)
                    guard from <= last else { return Page(document: id, total: total, from: from, to: last, utterances: [], codings: []) }
                    let lines = try store.utterances(of: id, in: from...last).map { view in
                        Line(
                            index: view.index, speaker: view.speaker, role: view.role, start: view.start, end: view.end,
                            section: view.section,
                            text: view.text, length: view.length, words: view.words)
                    }
                    return Page(
                        document: id, total: total, from: from, to: last, utterances: lines,
                        codings: try store.codings(inDocument: id, utterances: from...last))
                })
        }
    }
}
