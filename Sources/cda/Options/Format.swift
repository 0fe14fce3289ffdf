import Foundation

/// Number formats for people.
enum Format {
    /// A share as a percentage with one decimal: `12.3%`.
    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

    /// Names as a list for people: `A and B`, `A, B and C`.
    static func names(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}
