import CDAKit
import Hummingbird

/// Creating, removing and annotating codings from the Transcript screen.
extension WorkbenchAPI {
    /// `POST /api/codings`: what the library did, and the coding as the transcript shows it.
    struct Added: Encodable {
        var result: CodingResult
        var coding: DocumentCoding
    }

    /// `PUT /api/codings/:id/code`: the recorded step, and the coding unless it collapsed into an identical one.
    struct Reassigned: Encodable {
        var step: HistoryEntry
        var coding: DocumentCoding?
    }

    func registerCodings(on router: Router<some RequestContext>) {
        router.post("/api/codings") { request, _ -> Response in
            let body = try await JSONBody.decode(APIRequests.AddCoding.self, from: request)
            let fragment = Fragment(
                documentID: body.document, startUtterance: body.startUtterance, startOffset: body.startOffset,
                endUtterance: body.endUtterance, endOffset: body.endOffset)
            let codingRequest = CodingRequest(
                fragment: fragment, codeName: body.code, round: body.round, coder: coder(body.coder),
                memo: body.memo, origin: body.inVivo == true ? .inVivo : .analyst)
            return JSONBody.response(
                try await access.run { store in
                    let result = try store.addCoding(codingRequest)
                    return Added(result: result, coding: try store.coding(id: result.codingID))
                }, status: .created)
        }
        router.get("/api/codings/:id") { _, context -> Response in
            let id = try context.parameters.identifier()
            return JSONBody.response(try await access.run { try $0.coding(id: id) })
        }
        router.delete("/api/codings/:id") { request, context -> Response in
            let id = try context.parameters.identifier()
            let actor = coder(request.query("coder"))
            return JSONBody.response(try await access.run { try $0.removeCodings(CodingFilter(codingID: id), actor: actor) })
        }
        router.put("/api/codings/:id/memo") { request, context -> Response in
            let id = try context.parameters.identifier()
            let body = try await JSONBody.decode(APIRequests.CodingMemo.self, from: request)
            return JSONBody.response(
                try await access.run { store in
                    try store.setCodingMemo(id, memo: body.memo)
                    return try store.coding(id: id)
                })
        }
        router.put("/api/codings/:id/code") { request, context -> Response in
            let id = try context.parameters.identifier()
            let body = try await JSONBody.decode(APIRequests.ReassignCoding.self, from: request)
            let actor = coder(body.coder)
            return JSONBody.response(
                try await access.run { store in
                    let step = try store.reassignCoding(id, to: body.code, reason: body.reason, actor: actor)
                    // When the target already had the same coding, the moved one collapses into it and is gone.
                    return Reassigned(step: step, coding: try? store.coding(id: id))
                })
        }
    }
}
