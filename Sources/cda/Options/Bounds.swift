import ArgumentParser
import CDAKit

/// The ranges numeric options may take, checked in `validate()` so that no number reaches the
/// library outside what it can use (a negative limit, a width of `Int.max`).
enum Bounds {
    /// The most lines, words or pairs a listing shows.
    static let limit = 1...1_000_000
    /// A round: 1 (open coding) or 2 (focused coding).
    static let round = CodingRound.all
    /// A 1-based utterance number.
    static let utterance = 1...1_000_000_000
    /// A code-point offset inside an utterance.
    static let offset = 0...1_000_000_000
    /// Characters of context on one side of a concordance line.
    static let width = 0...10_000
    /// Words on one side of a collocation window.
    static let window = 0...100
    /// A minimum frequency.
    static let frequency = 1...1_000_000_000
    /// A share, such as the minimum overlap of two segments.
    static let share = 0.0...1.0

    /// Refuses `value` outside `range`, naming the option and the range.
    ///
    /// - Throws: `ValidationError` such as "--limit must be between 1 and 1000000, not -5."
    static func check(_ value: Int?, _ option: String, _ range: ClosedRange<Int>) throws {
        guard let value, !range.contains(value) else { return }
        throw ValidationError("\(option) must be between \(range.lowerBound) and \(range.upperBound), not \(value).")
    }

    /// Refuses `value` outside `range` (or not a number), naming the option and the range.
    ///
    /// - Throws: `ValidationError` such as "--min-overlap must be between 0.0 and 1.0, not 1.5."
    static func check(_ value: Double?, _ option: String, _ range: ClosedRange<Double>) throws {
        guard let value, !range.contains(value) else { return }
        throw ValidationError("\(option) must be between \(range.lowerBound) and \(range.upperBound), not \(value).")
    }
}
