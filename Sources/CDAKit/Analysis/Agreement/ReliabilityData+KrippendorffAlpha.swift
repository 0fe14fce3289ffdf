extension ReliabilityData {
    /// Krippendorff's alpha for nominal data, any number of coders, missing judgements allowed.
    ///
    /// α = 1 − *D*ₒ / *D*ₑ = 1 − (*n* − 1) Σ_{c≠k} *o*_ck / Σ_{c≠k} *n*_c *n*_k, with the coincidences
    /// *o*_ck = Σᵤ *n*ᵤc (*n*ᵤₖ − [c = k]) / (*r*ᵤ − 1) over pairable units, *n*_c = Σₖ *o*_ck and
    /// *n* = Σ_c *n*_c (Krippendorff 2011, *Computing Krippendorff's Alpha-Reliability*, section C;
    /// Krippendorff 2019, *Content Analysis*, 4th ed., ch. 12). For nominal data
    /// Σ_{c≠k} *o*_ck = Σᵤ (*r*ᵤ² − Σₖ *n*ᵤₖ²) / (*r*ᵤ − 1) and Σ_{c≠k} *n*_c *n*_k = *n*² − Σ_c *n*_c².
    ///
    /// Undefined when no unit is pairable or all pairable judgements are one category (*D*ₑ = 0).
    ///
    /// - Complexity: O(*p* · *q*) for *p* distinct profiles and *q* categories.
    public var krippendorffAlpha: AgreementEstimate {
        var perCategory = Array(repeating: 0, count: categories)
        var disagreeing = 0.0
        for (profile, count) in profiles {
            let judged = profile.reduce(0, +)
            guard judged >= 2 else { continue }
            let squares = profile.reduce(0) { $0 + $1 * $1 }
            disagreeing += Double(count * (judged * judged - squares)) / Double(judged - 1)
            for (category, n) in profile.enumerated() { perCategory[category] += count * n }
        }
        let total = perCategory.reduce(0, +)
        guard total > 0 else { return .undefined(.noPairableUnits) }
        let expected = total * total - perCategory.reduce(0) { $0 + $1 * $1 }
        guard expected > 0 else { return .undefined(.noVariation) }
        return .value(1 - Double(total - 1) * disagreeing / Double(expected))
    }
}
