import Foundation
import Hummingbird

/// The web app's files (HTML, CSS, JavaScript), read once from the target's resources and
/// served from memory. Only paths in this table are served, so no request can reach a file
/// outside the app's folder, whatever `..` or encoding it uses.
struct StaticAssets: Sendable {
    /// One file.
    struct Asset: Sendable {
        var bytes: [UInt8]
        var contentType: String
    }

    /// The files by URL path (`/index.html`, `/js/main.js`).
    let files: [String: Asset]

    /// Loads every file under `folder`.
    ///
    /// - Throws: `WebError.storeFailure` when the folder cannot be read.
    init(folder: URL) throws {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw WebError.storeFailure("The workbench's web files are missing at '\(folder.path)'.")
        }
        let root = folder.standardizedFileURL.resolvingSymlinksInPath().path
        var files: [String: Asset] = [:]
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard path.hasPrefix(root + "/") else { continue }
            let relative = String(path.dropFirst(root.count))
            files[relative] = Asset(bytes: Array(try Data(contentsOf: url)), contentType: Self.contentType(of: relative))
        }
        guard files["/index.html"] != nil else {
            throw WebError.storeFailure("The workbench's web files at '\(folder.path)' lack index.html.")
        }
        self.files = files
    }

    /// The name of the resource bundle SwiftPM builds for this target, beside the executable.
    static let bundleNames = ["cda_CDAKitWeb.resources", "cda_CDAKitWeb.bundle"]

    /// The app's own files, from the CDAKitWeb resource bundle beside the executable (or the test bundle).
    ///
    /// The bundle is looked up here rather than through `Bundle.module`, whose accessor stops the
    /// program when the bundle is missing; a missing bundle is a clear error instead.
    ///
    /// - Throws: `WebError.storeFailure` naming the folders searched.
    static func bundled() throws -> StaticAssets {
        var folders = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() { folders.append(executable.deletingLastPathComponent()) }
        for folder in folders {
            for name in bundleNames {
                let url = folder.appendingPathComponent(name)
                guard FileManager.default.fileExists(atPath: url.path) else { continue }
                let resources =
                    Bundle(url: url)?.url(forResource: "Resources", withExtension: nil) ?? url.appendingPathComponent("Resources")
                if FileManager.default.fileExists(atPath: resources.path) { return try StaticAssets(folder: resources) }
            }
        }
        throw WebError.storeFailure(
            "The workbench's web files (\(bundleNames[0])) were not found beside the cda binary in \(folders.map(\.path).joined(separator: ", ")). "
                + "Keep that folder next to cda when you copy it.")
    }

    /// The response for a URL path, or `nil` when no file has that path (`/` is `/index.html`).
    func response(for path: String) -> Response? {
        guard let asset = files[path == "/" ? "/index.html" : path] else { return nil }
        return Response(
            status: .ok, headers: [.contentType: asset.contentType, .cacheControl: "no-cache"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "ico": "image/x-icon"
        default: "application/octet-stream"
        }
    }
}

/// Serves `StaticAssets` for GET and HEAD requests whose path names one of its files.
struct StaticAssetsMiddleware<Context: RequestContext>: RouterMiddleware {
    let assets: StaticAssets

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method == .get || request.method == .head, !request.uri.path.hasPrefix("/api/"),
            let response = assets.response(for: request.uri.path)
        {
            return request.method == .head ? response.createHeadResponse() : response
        }
        return try await next(request, context)
    }
}
