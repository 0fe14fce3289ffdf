import Foundation

/// Frequency-comparison statistics for two corpora (or two groups), as corpus linguistics uses them.
///
/// `a` is the frequency in the target, `b` in the reference; `c` and `d` are the totals.
public enum KeynessStatistics {
    /// Dunning's log-likelihood G² for a 2×2 table (Rayson and Garside's form):
    /// `2 · Σ O · ln(O / E)` over the two observed frequencies, with E from the totals.
    ///
    /// - Returns: G², 0 when both frequencies are 0. Always non-negative.
    public static func logLikelihood(a: Double, b: Double, c: Double, d: Double) -> Double {
        let total = c + d
        guard total > 0, a + b > 0 else { return 0 }
        let expectedA = c * (a + b) / total
        let expectedB = d * (a + b) / total
        var sum = 0.0
        if a > 0, expectedA > 0 { sum += a * log(a / expectedA) }
        if b > 0, expectedB > 0 { sum += b * log(b / expectedB) }
        return max(0, 2 * sum)
    }

    /// G² over several groups: `2 · Σ O · ln(O / E)` with `E = total_i · ΣO / Σtotal`.
    ///
    /// - Parameters:
    ///   - observed: Frequencies per group.
    ///   - totals: Group sizes, in the same order.
    public static func logLikelihood(observed: [Double], totals: [Double]) -> Double {
        let sumObserved = observed.reduce(0, +), sumTotals = totals.reduce(0, +)
        guard sumObserved > 0, sumTotals > 0 else { return 0 }
        var sum = 0.0
        for (o, t) in zip(observed, totals) where o > 0 {
            let expected = t * sumObserved / sumTotals
            if expected > 0 { sum += o * log(o / expected) }
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

    /// %DIFF (Gabrielatos and Marchi): `(normA − normB) · 100 / normB`, per-million normalised.
    ///
    /// - Returns: The percentage difference; with `b = 0` the reference is taken as 1e-18.
    public static func percentDifference(a: Double, b: Double, c: Double, d: Double) -> Double {
        guard c > 0, d > 0 else { return 0 }
        let normA = a / c * 1_000_000
        let normB = b / d * 1_000_000
        return (normA - normB) * 100 / (normB == 0 ? 1e-18 : normB)
    }
}
