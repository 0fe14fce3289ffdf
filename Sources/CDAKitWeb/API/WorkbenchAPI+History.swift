import CDAKit
import Hummingbird

/// The consolidation history with undo, the lineage of codes and the merge suggestions.
extension WorkbenchAPI {
    func registerHistory(on router: Router<some RequestContext>) {
        router.get("/api/history") { _, _ -> Response in
            JSONBody.response(try await access.run { try $0.history() })
        }
        router.post("/api/undo") { request, _ -> Response in
            let body = try await JSONBody.decode(APIRequests.Undo.self, from: request, empty: APIRequests.Undo())
            return JSONBody.response(try await access.run { try $0.undo(step: body.step) })
        }
        router.get("/api/lineage") { _, _ -> Response in
            JSONBody.response(try await access.run { try $0.lineage() })
        }
        router.get("/api/suggestions/merges") { request, _ -> Response in
            let limit = try request.intQuery("limit", in: RequestBounds.suggestionLimit) ?? 30
            return JSONBody.response(try await access.run { try $0.mergeSuggestions(limit: limit) })
        }
    }
}
