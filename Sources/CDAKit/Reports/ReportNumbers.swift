import Foundation

/// Number formats for people: the one place that turns a figure into text, shared by the report
/// renderers and the command line.
public enum ReportNumbers {
    /// A share as a percentage with one decimal: `12.3%`.
    public static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

    /// A statistic with two decimals.
    public static func statistic(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "–" }

    /// A coefficient between 0 and 1 with three decimals: `0.333`.
    public static func coefficient(_ value: Double) -> String { String(format: "%.3f", value) }

    /// Seconds of recording with one decimal: `12.5`.
    public static func duration(_ seconds: Double) -> String { String(format: "%.1f", seconds) }

    /// A rate with one decimal.
    public static func rate(_ value: Double) -> String { String(format: "%.1f", value) }

    /// `9 of 13`.
    public static func count(_ part: Int, of whole: Int) -> String { "\(part) of \(whole)" }
}
