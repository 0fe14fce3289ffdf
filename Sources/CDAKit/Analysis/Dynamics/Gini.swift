/// The Gini coefficient of a population: 0 when everyone has the same, approaching 1 when one
/// member has everything.
public enum Gini {
    /// The population Gini coefficient Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² μ) of non-negative values.
    ///
    /// Computed on the sorted values as Σᵢ (2i − n − 1) · x₍ᵢ₎ / (n · Σ x), which equals the
    /// double sum.
    ///
    /// - Parameter values: One value per member (zeros included: a silent participant counts).
    /// - Returns: The coefficient, or `nil` for no members or a total of zero.
    /// - Complexity: O(*n* log *n*).
    public static func coefficient(_ values: [Int]) -> Double? {
        let total = values.reduce(0, +)
        guard !values.isEmpty, total > 0 else { return nil }
        let n = values.count
        var weighted = 0.0
        for (position, value) in values.sorted().enumerated() {
            weighted += Double(2 * (position + 1) - n - 1) * Double(value)
        }
        return weighted / (Double(n) * Double(total))
    }
}
