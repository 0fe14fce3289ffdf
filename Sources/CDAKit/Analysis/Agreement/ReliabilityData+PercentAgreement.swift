extension ReliabilityData {
    /// Percent agreement as a share (0…1): with two coders, the share of units judged by both on
    /// which they agree; with more coders, the mean over units of the share of coder pairs that agree.
    ///
    /// *p*ₐ = (1/*n*₂) Σᵤ Σₖ *n*ᵤₖ(*n*ᵤₖ − 1) / (*r*ᵤ(*r*ᵤ − 1)) over the *n*₂ units with at least two
    /// judgements: Fleiss (1971), *Psychological Bulletin* 76(5), eq. 2 and 5, with Gwet's handling of
    /// missing judgements (Gwet 2014, *Handbook of Inter-Rater Reliability*, 4th ed., ch. 2).
    ///
    /// Undefined when no unit was judged by two coders.
    ///
    /// - Complexity: O(*p* · *q*) for *p* distinct profiles and *q* categories.
    public var percentAgreement: AgreementEstimate {
        observedPairAgreement.map(AgreementEstimate.value) ?? .undefined(.noPairableUnits)
    }
}
