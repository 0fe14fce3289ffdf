import CDAKit
import Foundation
import Hummingbird

/// The JSON API under `/api/` that the page (and scripts) use. Every handler calls one or two
/// `CDAKit` functions and encodes their result; nothing here computes a figure or touches SQL.
struct WorkbenchAPI: Sendable {
    let access: StoreAccess
    let configuration: WorkbenchConfiguration

    /// Registers every route on `router`.
    func register(on router: Router<some RequestContext>) {
        registerSession(on: router)
        registerCorpus(on: router)
        registerTranscript(on: router)
        registerTranscriptEdits(on: router)
        registerCodings(on: router)
        registerCodes(on: router)
        registerHistory(on: router)
        registerThemes(on: router)
        registerMedia(on: router)
        registerTimeSpans(on: router)
        registerMemos(on: router)
        registerExports(on: router)
    }

    /// The coder a change is attributed to: the one the page sent, else the server's default.
    func coder(_ presented: String?) -> String {
        let trimmed = presented?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return trimmed.isEmpty ? configuration.coder : trimmed
    }
}

extension Request {
    /// A query parameter, percent-decoded; `nil` when absent or empty.
    func query(_ name: String) -> String? {
        guard let value = uri.queryParameters[Substring(name)], !value.isEmpty else { return nil }
        return String(value)
    }

    /// A required query parameter.
    ///
    /// - Throws: `WebError.badRequest` when it is missing.
    func requireQuery(_ name: String) throws -> String {
        guard let value = query(name) else { throw WebError.badRequest("The query parameter '\(name)' is missing.") }
        return value
    }

    /// A boolean query parameter (`1`, `true`, `yes`).
    func flagQuery(_ name: String) -> Bool {
        query(name).map { ["1", "true", "yes"].contains($0.lowercased()) } ?? false
    }
}
