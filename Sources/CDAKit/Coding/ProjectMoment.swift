import Foundation

/// A past state of a project that a report can be rebuilt from (`cda report --as-of`).
public enum ProjectMoment: Sendable, Hashable {
    /// Everything recorded up to and including this second (UTC, as `2026-11-30T14:05:00Z`).
    case time(String)
    /// The project as it was while this version of a document was its current text: just before
    /// the revision that replaced it (or now, for the current version).
    case version(document: String, version: Int)

    /// Reads a moment as the analyst writes it.
    ///
    /// - `2026-11-30`: the end of that day (UTC);
    /// - `2026-11-30T14:05`, `2026-11-30T14:05:00`, with `Z` or an offset such as `+01:00`
    ///   (without either, UTC);
    /// - `DOCUMENT@VERSION`, a version number from `cda documents --versions DOCUMENT`.
    ///
    /// - Throws: `ProjectMomentError.unreadable` for anything else.
    public init(parsing text: String) throws(ProjectMomentError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let at = trimmed.lastIndex(of: "@") {
            let document = String(trimmed[..<at])
            guard !document.isEmpty, let version = Int(trimmed[trimmed.index(after: at)...]), version >= 1 else {
                throw .unreadable(text)
            }
            self = .version(document: document, version: version)
            return
        }
        guard let time = Self.utcSecond(trimmed) else { throw .unreadable(text) }
        self = .time(time)
    }

    /// The written form back, for messages.
    public var description: String {
        switch self {
        case .time(let time): time
        case .version(let document, let version): "\(document)@\(version)"
        }
    }

    /// The last second a moment covers, as the project stores times (`yyyy-MM-dd'T'HH:mm:ss'Z'`).
    private static func utcSecond(_ text: String) -> String? {
        let dateOnly = text.count == 10 && text.firstMatch(of: /^\d{4}-\d{2}-\d{2}$/) != nil
        var candidate = dateOnly ? text + "T23:59:59" : text
        if candidate.firstMatch(of: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/) != nil { candidate += ":00" }
        if candidate.firstMatch(of: /(Z|[+-]\d{2}:\d{2})$/) == nil { candidate += "Z" }
        let reader = ISO8601DateFormatter()
        reader.formatOptions = [.withInternetDateTime]
        guard candidate.firstMatch(of: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/) != nil,
            let date = reader.date(from: candidate)
        else { return nil }
        return reader.string(from: date)
    }
}

/// Why a moment could not be read or reached.
public enum ProjectMomentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is neither a date, a date and time, nor `DOCUMENT@VERSION`.
    case unreadable(String)

    /// A message quoting the input and saying what to write instead.
    public var description: String {
        switch self {
        case .unreadable(let text):
            "Cannot read the moment '\(text)'. Write a date (2026-11-30, the end of that day in UTC), a time "
                + "(2026-11-30T14:05 in UTC, or with Z or an offset such as +01:00), or DOCUMENT@VERSION "
                + "(see 'cda documents --versions DOCUMENT')."
        }
    }
}
