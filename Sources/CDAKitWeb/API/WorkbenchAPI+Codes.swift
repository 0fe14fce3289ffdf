import CDAKit
import Foundation
import Hummingbird

/// The Codes screen: the code tree with counts, consolidation steps, code memos and fragments.
extension WorkbenchAPI {
    /// `GET /api/codes`: every code (merged and retired included) and its fragments per group and round.
    struct Codes: Encodable {
        var codes: [CodeSummary]
        var figures: [CodeFigures]
        var currentRound: Int
    }

    /// `GET /api/codes/memo`.
    struct CodeMemo: Encodable {
        var code: String
        var memo: String?
    }

    func registerCodes(on router: Router<some RequestContext>) {
        router.get("/api/codes") { _, _ -> Response in
            JSONBody.response(
                try await access.run { store in
                    Codes(codes: try store.codes(), figures: try store.codeFigures(), currentRound: try store.currentRound())
                })
        }
        router.get("/api/codes/fragments") { request, _ -> Response in
            let code = request.query("code")
            let round = try request.intQuery("round", in: RequestBounds.round)
            let selected = request.flagQuery("selected")
            return JSONBody.response(try await access.run { try $0.fragments(code: code, round: round, selectedOnly: selected) })
        }
        router.get("/api/codes/memo") { request, _ -> Response in
            let code = try request.requireQuery("code")
            return JSONBody.response(CodeMemo(code: code, memo: try await access.run { try $0.memo(on: .code(code)) }))
        }
        router.put("/api/codes/memo") { request, _ -> Response in
            let body = try await JSONBody.decode(APIRequests.CodeMemo.self, from: request)
            let author = coder(body.coder)
            try await access.run { try $0.setMemo(body.memo, on: .code(body.code), author: author) }
            return JSONBody.response(CodeMemo(code: body.code, memo: body.memo.isEmpty ? nil : body.memo))
        }
        router.post("/api/codes/rename") { request, _ -> Response in
            let body = try await JSONBody.decode(APIRequests.Rename.self, from: request)
            let actor = coder(body.coder)
            return JSONBody.response(try await access.run { try $0.renameCode(body.code, to: body.to, reason: body.reason, actor: actor) })
        }
        router.post("/api/codes/color") { request, _ -> Response in
            let body = try await JSONBody.decode(APIRequests.Color.self, from: request)
            let actor = coder(body.coder)
            return JSONBody.response(
                try await access.run { try $0.setCodeColor(body.code, to: body.color, reason: body.reason, actor: actor) })
        }
        router.post("/api/codes/merge/preview") { request, _ -> Response in
            let body = try await JSONBody.decode(APIRequests.Merge.self, from: request)
            return JSONBody.response(try await access.run { try $0.previewMerge(body.codes, into: body.into) })
        }
        router.post("/api/codes/merge") { request, _ -> Response in
            let body = try await JSONBody.decode(APIRequests.Merge.self, from: request)
            let actor = coder(body.coder)
            return JSONBody.response(
                try await access.run { try $0.mergeCodes(body.codes, into: body.into, reason: body.reason, actor: actor) })
        }
        router.post("/api/codes/move") { request, _ -> Response in
            let body = try await JSONBody.decode(APIRequests.Move.self, from: request)
            let actor = coder(body.coder)
            let parent = body.under.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            return JSONBody.response(try await access.run { try $0.moveCode(body.code, under: parent, reason: body.reason, actor: actor) })
        }
        router.post("/api/codes/retire") { request, _ -> Response in
            let body = try await JSONBody.decode(APIRequests.Retire.self, from: request)
            let actor = coder(body.coder)
            return JSONBody.response(try await access.run { try $0.retireCode(body.code, reason: body.reason, actor: actor) })
        }
        router.post("/api/codes/split") { request, _ -> Response in
            let body = try await JSONBody.decode(APIRequests.Split.self, from: request)
            let actor = coder(body.coder)
            return JSONBody.response(
                try await access.run { try $0.splitCode(body.code, into: body.into, reason: body.reason, actor: actor) })
        }
    }
}
