import CDAKit
import Hummingbird

/// Coding stretches of a document's recording from the player pane, and listing them.
extension WorkbenchAPI {
    /// `POST /api/time-spans`: what the library did, and the coding as the player lists it.
    struct AddedTimeSpan: Encodable {
        var result: TimeSpanCodingResult
        var coding: TimeSpanCoding?
    }

    func registerTimeSpans(on router: Router<some RequestContext>) {
        router.get("/api/time-spans") { request, _ -> Response in
            let document = request.query("doc")
            return JSONBody.response(try await access.run { try $0.timeSpanCodings(of: document) })
        }
        router.post("/api/time-spans") { request, _ -> Response in
            let body = try await JSONBody.decode(APIRequests.AddTimeSpan.self, from: request)
            let span = TimeSpan(
                documentID: body.document, startMilliseconds: body.startMilliseconds, endMilliseconds: body.endMilliseconds)
            let codingRequest = TimeSpanCodingRequest(
                span: span, codeName: body.code, round: body.round, coder: coder(body.coder), memo: body.memo)
            return JSONBody.response(
                try await access.run { store in
                    let result = try store.addTimeSpanCoding(codingRequest, allowNewCode: body.create == true)
                    let coding = try store.timeSpanCodings(of: body.document).first { $0.id == result.codingID }
                    return AddedTimeSpan(result: result, coding: coding)
                }, status: .created)
        }
        router.delete("/api/time-spans/:id") { request, context -> Response in
            let id = try context.parameters.identifier()
            let actor = coder(request.query("coder"))
            var byID = CodingFilter()
            byID.timeSpanCodingID = id
            let filter = byID
            return JSONBody.response(try await access.run { try $0.removeCodings(filter, actor: actor) })
        }
    }
}
