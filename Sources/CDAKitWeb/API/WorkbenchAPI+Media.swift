import CDAKit
import Foundation
import HTTPTypes
import Hummingbird

/// The recordings linked to documents: which there are, and the bytes of one for the player.
///
/// The file served is always the one the project links to the document named in the path; the
/// client never names a path. The access check in front of the API applies as to every route.
extension WorkbenchAPI {
    func registerMedia(on router: Router<some RequestContext>) {
        router.get("/api/media") { _, _ -> Response in
            JSONBody.response(try await access.run { try $0.mediaLinks() })
        }
        router.get("/api/media/:document") { request, context -> Response in
            try await recording(request, context: context, withBody: true)
        }
        router.head("/api/media/:document") { request, context -> Response in
            try await recording(request, context: context, withBody: false)
        }
    }

    /// `GET /api/media/{document}`: the whole recording (200) or the part a `Range` header asks
    /// for (206), with `Accept-Ranges`, an exact `Content-Range` and the recording's media type;
    /// 416 for a range outside the file.
    ///
    /// - Throws: `WebError.notFound` when the document has no recording or the file is gone,
    ///   `.refused` (409) when the file's size changed since it was linked.
    private func recording(_ request: Request, context: some RequestContext, withBody: Bool) async throws -> Response {
        guard let documentID = context.parameters.get("document") else { throw WebError.badRequest("The path lacks the document.") }
        let (link, file) = try await access.run { store -> (MediaLink, String) in
            guard let link = try store.mediaLink(of: documentID) else {
                throw WebError.notFound(
                    "Document '\(documentID)' has no linked recording; link one with 'cda media add \(documentID) FILE'.")
            }
            return (link, store.mediaFile(of: link))
        }
        let size = try currentSize(of: file, link: link)
        let entityTag = "\"\(link.sha256)\""
        var range = ByteRange.parse(request.headers[.range], size: size)
        if let condition = request.headers[.ifRange], condition != entityTag { range = .whole }
        var headers: HTTPFields = [.acceptRanges: "bytes", .eTag: entityTag, .cacheControl: "no-store"]
        switch range {
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(size)"
            var response = JSONBody.response(
                ["error": "The range '\(request.headers[.range] ?? "")' lies outside the recording of \(size) bytes."],
                status: .rangeNotSatisfiable)
            response.headers.append(contentsOf: headers)
            return response
        case .whole:
            headers[.contentType] = link.contentType
            headers[.contentLength] = String(size)
            let body = withBody && size > 0 ? try await FileIO().loadFile(path: file, context: context) : ResponseBody()
            return Response(status: .ok, headers: headers, body: body)
        case .part(let bytes):
            headers[.contentType] = link.contentType
            headers[.contentLength] = String(bytes.count)
            headers[.contentRange] = "bytes \(bytes.lowerBound)-\(bytes.upperBound)/\(size)"
            let body =
                withBody
                ? try await FileIO().loadFile(path: file, range: Int(bytes.lowerBound)...Int(bytes.upperBound), context: context)
                : ResponseBody()
            return Response(status: .partialContent, headers: headers, body: body)
        }
    }

    /// The recording's size now, checked against the size recorded when it was linked.
    private func currentSize(of file: String, link: MediaLink) throws -> Int64 {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let size = (attributes[.size] as? NSNumber)?.int64Value
        else {
            throw WebError.notFound(
                "The recording of '\(link.documentID)' is not at '\(link.path)' any more; find it with 'cda media relink FOLDER'.")
        }
        guard size == link.size else {
            throw WebError.refused(
                status: 409,
                message: "The recording of '\(link.documentID)' at '\(link.path)' changed since it was linked "
                    + "(\(link.size) bytes then, \(size) now); link it again with 'cda media add'.")
        }
        return size
    }
}
