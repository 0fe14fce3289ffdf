extension ReliabilityData {
    /// Cohen's kappa for two coders, on the units both judged.
    ///
    /// κ = (*p*ₒ − *p*ₑ) / (1 − *p*ₑ) with *p*ₒ = Σₖ *n*ₖₖ / *N* and *p*ₑ = Σₖ (*n*ₖ. / *N*)(*n*.ₖ / *N*),
    /// where *n*ₐᵦ counts units the first coder judged *a* and the second *b* (Cohen 1960,
    /// *Educational and Psychological Measurement* 20(1), 37–46). Computed as the exact integer
    /// fraction (*N* Σₖ *n*ₖₖ − Σₖ *n*ₖ. *n*.ₖ) / (*N*² − Σₖ *n*ₖ. *n*.ₖ).
    ///
    /// Undefined with other than two coders, when no unit was judged by both, or when both coders
    /// gave one and the same category throughout (*p*ₑ = 1).
    ///
    /// - Complexity: O(*q*²) for *q* categories.
    public var cohenKappa: AgreementEstimate {
        guard coders == 2 else { return .undefined(.needsTwoCoders) }
        let total = pairs.reduce(0) { $0 + $1.reduce(0, +) }
        guard total > 0 else { return .undefined(.noPairableUnits) }
        var diagonal = 0
        var chance = 0
        for k in 0..<categories {
            diagonal += pairs[k][k]
            let row = pairs[k].reduce(0, +)
            let column = pairs.reduce(0) { $0 + $1[k] }
            chance += row * column
        }
        let denominator = total * total - chance
        guard denominator != 0 else { return .undefined(.noVariation) }
        return .value(Double(total * diagonal - chance) / Double(denominator))
    }
}
