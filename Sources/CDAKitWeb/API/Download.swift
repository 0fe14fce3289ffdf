import Foundation
import Hummingbird

/// A file the browser saves rather than shows: its bytes, built in memory, with the type and the
/// name the `Content-Disposition: attachment` header gives it.
struct Download: Sendable {
    /// The file's content.
    var data: Data
    /// The name the browser saves it under (ASCII letters, digits, `.`, `-` and `_` only).
    var name: String
    /// The media type.
    var type: String

    /// The media type of a file by its extension; `application/octet-stream` when unknown.
    static func type(ofFile name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "md": "text/markdown; charset=utf-8"
        case "html": "text/html; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "tsv": "text/tab-separated-values; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "odt": "application/vnd.oasis.opendocument.text"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "qdpx": "application/zip"
        default: "application/octet-stream"
        }
    }

    /// `name` with every character but ASCII letters, digits, `.`, `-` and `_` replaced by `_`, so
    /// that it can stand in a header unquoted and no folder part survives; `fallback` when nothing
    /// readable is left.
    static func safeName(_ name: String, fallback: String) -> String {
        let cleaned = String(
            name.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
                    ? Character(scalar) : "_"
            })
        return cleaned.allSatisfy({ $0 == "_" || $0 == "." }) ? fallback : cleaned
    }

    /// The response: the bytes as an attachment, never cached, and shown by no browser as a page
    /// (the report's HTML keeps the report's own closed policy).
    var response: Response {
        Response(
            status: .ok,
            headers: [
                .contentType: type, .cacheControl: "no-store", .contentDisposition: "attachment; filename=\"\(name)\"",
                .contentSecurityPolicy: WorkbenchAPI.reportPolicy,
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// A folder only this user can open (0700), for library functions that write a file by path;
/// removed with everything in it when `body` returns or throws, so no participant text is left behind.
enum PrivateFolder {
    /// Runs `body` with a fresh private folder and removes it afterwards.
    ///
    /// - Throws: The folder's creation error, or what `body` throws.
    static func with<T>(_ body: (String) throws -> T) throws -> T {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("cda-download-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try body(folder)
    }
}
