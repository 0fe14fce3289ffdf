import CDAKit
import Hummingbird

/// `GET /api/session` — who and where; `GET /api/coders` — who has worked on the project;
/// `POST /api/rounds/start` — start round 2.
extension WorkbenchAPI {
    /// What the page needs before anything else: the project, the default coder, the current round and the CSRF token.
    struct Session: Encodable {
        var project: String
        var projectPath: String
        var coder: String
        var currentRound: Int
        var csrfToken: String
        var version: String
        /// The language the documents declare (`nl`), for the page to mark participants' words with; `nil` when none or mixed.
        var language: String?
    }

    func registerSession(on router: Router<some RequestContext>) {
        router.get("/api/session") { _, _ -> Response in
            let (round, language) = try await access.run { store in (try store.currentRound(), try store.declaredLanguage()) }
            return JSONBody.response(
                Session(
                    project: configuration.projectName, projectPath: access.store.path, coder: configuration.coder,
                    currentRound: round, csrfToken: configuration.csrfToken, version: CDAVersion.current, language: language))
        }
        router.get("/api/coders") { _, _ -> Response in
            JSONBody.response(try await access.run { try $0.coders() })
        }
        router.post("/api/rounds/start") { request, _ -> Response in
            let body = try await JSONBody.decode(APIRequests.StartRound.self, from: request)
            let status = try await access.run { store in
                try store.startRound(body.round, themes: body.themes ?? [])
                return try store.roundStatus()
            }
            return JSONBody.response(status)
        }
    }
}
