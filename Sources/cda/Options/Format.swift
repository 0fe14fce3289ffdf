import Foundation

/// Number formats for people.
enum Format {
    /// Names as a list for people: `A and B`, `A, B and C`.
    static func names(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}
