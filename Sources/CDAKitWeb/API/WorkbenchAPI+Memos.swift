import CDAKit
import Hummingbird

/// The Memos screen: every memo in one list, and writing the project's and documents' memos.
extension WorkbenchAPI {
    func registerMemos(on router: Router<some RequestContext>) {
        router.get("/api/memos") { _, _ -> Response in
            JSONBody.response(try await access.run { try $0.memos() })
        }
        router.put("/api/memo") { request, _ -> Response in
            let body = try await JSONBody.decode(APIRequests.Memo.self, from: request)
            let target = try body.memoTarget()
            let author = coder(body.coder)
            try await access.run { try $0.setMemo(body.text, on: target, author: author) }
            return JSONBody.response(try await access.run { try $0.memos() })
        }
    }
}
