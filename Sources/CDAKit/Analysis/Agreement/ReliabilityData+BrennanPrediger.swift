extension ReliabilityData {
    /// Brennan and Prediger's kappa: agreement corrected for the chance agreement of coders who
    /// pick each of the *q* categories with equal probability.
    ///
    /// κ_BP = (*p*ₐ − 1/*q*) / (1 − 1/*q*), *p*ₐ the percent agreement (see `percentAgreement`);
    /// Brennan and Prediger (1981), *Educational and Psychological Measurement* 41(3), 687–699, in
    /// Gwet's form for several coders and missing judgements (Gwet 2014, ch. 2). With present/absent
    /// judgements *q* = 2, so κ_BP = 2*p*ₐ − 1; it stays defined without variation, because its
    /// chance agreement does not depend on the data.
    ///
    /// Undefined when no unit is pairable, or with a single category.
    ///
    /// - Complexity: O(*p* · *q*) for *p* distinct profiles and *q* categories.
    public var brennanPrediger: AgreementEstimate {
        guard categories >= 2 else { return .undefined(.noVariation) }
        guard let observed = observedPairAgreement else { return .undefined(.noPairableUnits) }
        let chance = 1 / Double(categories)
        return .value((observed - chance) / (1 - chance))
    }
}
