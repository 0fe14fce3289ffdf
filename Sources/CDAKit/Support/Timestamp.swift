import Foundation

/// Time stamps as stored in projects: ISO 8601 in UTC, to the second.
enum Timestamp {
    /// The current time, such as `2026-11-25T23:59:01Z`.
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
