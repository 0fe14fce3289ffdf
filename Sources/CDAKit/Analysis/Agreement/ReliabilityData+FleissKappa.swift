extension ReliabilityData {
    /// Fleiss' kappa for three or more coders, with missing judgements allowed.
    ///
    /// κ = (*p*ₐ − *p*ₑ) / (1 − *p*ₑ), *p*ₐ the percent agreement over units with two or more
    /// judgements (see `percentAgreement`), *p*ₑ = Σₖ πₖ², πₖ = (1/*n*) Σᵤ *n*ᵤₖ / *r*ᵤ over the *n*
    /// units with at least one judgement. Without missing judgements this is Fleiss (1971),
    /// *Psychological Bulletin* 76(5), 378–382; the handling of missing ones is Gwet's (2014,
    /// *Handbook of Inter-Rater Reliability*, 4th ed., ch. 2), as in the R and Python `irrCAC`.
    ///
    /// Undefined with fewer than three coders (the report gives Cohen's kappa then), when no unit is
    /// pairable, or when all judgements are one category (*p*ₑ = 1).
    ///
    /// - Complexity: O(*p* · *q*) for *p* distinct profiles and *q* categories.
    public var fleissKappa: AgreementEstimate {
        guard coders >= 3 else { return .undefined(.needsThreeCoders) }
        guard let observed = observedPairAgreement else { return .undefined(.noPairableUnits) }
        guard judgementsPerCategory.filter({ $0 > 0 }).count >= 2 else { return .undefined(.noVariation) }
        var shares = Array(repeating: 0.0, count: categories)
        var judgedUnits = 0
        for (profile, count) in profiles {
            let judged = profile.reduce(0, +)
            judgedUnits += count
            for (category, n) in profile.enumerated() { shares[category] += Double(count * n) / Double(judged) }
        }
        let chance = shares.reduce(0) { $0 + ($1 / Double(judgedUnits)) * ($1 / Double(judgedUnits)) }
        return .value((observed - chance) / (1 - chance))
    }
}
