import Foundation

/// Frequency-comparison statistics for two corpora (or two groups), as corpus linguistics uses them.
///
/// `a` is the frequency in the target, `b` in the reference; `c` and `d` are the totals.
public enum KeynessStatistics {
    /// Dunning's log-likelihood G² for the full 2×2 contingency table: the target has `a` hits
    /// among `c` tokens, the reference `b` among `d`; the cells are a, c − a, b, d − b and
    /// `G² = 2 · Σ O · ln(O / E)` with `E = row total · column total / N`.
    ///
    /// Unlike the two-cell shortcut common in keyword tools, this stays exact when the hits are a
    /// large part of the totals (a theme can cover half of a group's words).
    ///
    /// - Returns: G², 0 when both frequencies are 0. Always non-negative.
    public static func logLikelihood(a: Double, b: Double, c: Double, d: Double) -> Double {
        logLikelihood(observed: [a, b], totals: [c, d])
    }

    /// G² for a 2×k table: per group, hits and the other tokens.
    ///
    /// - Parameters:
    ///   - observed: Hits per group.
    ///   - totals: Group sizes, in the same order (each at least its hits).
    public static func logLikelihood(observed: [Double], totals: [Double]) -> Double {
        let hits = observed.reduce(0, +)
        let total = totals.reduce(0, +)
        guard hits > 0, total > 0, hits < total else { return 0 }
        var sum = 0.0
        for (o, t) in zip(observed, totals) {
            for (cell, column) in [(o, hits), (t - o, total - hits)] where cell > 0 {
                sum += cell * log(cell / (t * column / total))
            }
        }
        return max(0, 2 * sum)
    }

    /// Hardie's Log Ratio: `log2((a/c) / (b/d))`, with a zero frequency replaced by 0.5.
    ///
    /// - Returns: The binary log of the ratio of relative frequencies; 0 when both are 0.
    public static func logRatio(a: Double, b: Double, c: Double, d: Double) -> Double {
        guard c > 0, d > 0, a + b > 0 else { return 0 }
        let adjustedA = a == 0 ? 0.5 : a
        let adjustedB = b == 0 ? 0.5 : b
        return log2((adjustedA / c) / (adjustedB / d))
    }

    /// %DIFF (Gabrielatos and Marchi): `(normA − normB) · 100 / normB` with per-million normalised
    /// frequencies.
    ///
    /// - Returns: The percentage difference, or `nil` when the reference frequency is 0 (undefined).
    public static func percentDifference(a: Double, b: Double, c: Double, d: Double) -> Double? {
        guard c > 0, d > 0, b > 0 else { return nil }
        let normA = a / c * 1_000_000
        let normB = b / d * 1_000_000
        return (normA - normB) * 100 / normB
    }
}
