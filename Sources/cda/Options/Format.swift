import Foundation

/// Number formats for people.
enum Format {
    /// A share as a percentage with one decimal: `12.3%`.
    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
}
