/// Nominal judgements of several coders on a set of units, tallied for the agreement statistics.
///
/// Each unit gets at most one value per coder, a category `0..<categories`, or none (a missing
/// judgement). The statistics need only how many judgements of each category a unit received, so
/// units are kept as *profiles* (those counts) with the number of units that share each profile;
/// for two coders the 2-way table of their judgements is kept as well (Cohen's kappa needs to know
/// who said what).
///
/// Notation used by the statistics: *r*ᵤ is the number of judgements of unit *u*, *n*ᵤₖ how many of
/// them are category *k*; a unit is *pairable* when *r*ᵤ ≥ 2.
public struct ReliabilityData: Sendable, Hashable {
    /// The number of coders (columns).
    public let coders: Int
    /// The number of categories a judgement can take (`q`); for present/absent, 2.
    public let categories: Int
    /// For each profile (judgements per category of one unit), the number of units with it.
    /// Units without any judgement are not kept.
    public private(set) var profiles: [[Int]: Int] = [:]
    /// With two coders: `pairs[a][b]` is the number of units coder 0 judged `a` and coder 1 judged `b`.
    public private(set) var pairs: [[Int]]
    /// Every unit added, including those nobody judged.
    public private(set) var units = 0

    /// Creates an empty tally.
    ///
    /// - Parameters:
    ///   - coders: The number of coders, at least 1.
    ///   - categories: The number of categories, at least 1.
    public init(coders: Int, categories: Int) {
        precondition(coders >= 1 && categories >= 1, "reliability data needs a coder and a category")
        self.coders = coders
        self.categories = categories
        pairs = Array(repeating: Array(repeating: 0, count: categories), count: categories)
    }

    /// Tallies a table of judgements: one row per unit, one column per coder, `nil` for missing.
    ///
    /// - Complexity: O(*u* · *m*) for *u* units and *m* coders.
    public init(_ rows: [[Int?]], coders: Int, categories: Int) {
        self.init(coders: coders, categories: categories)
        for row in rows { add(row) }
    }

    /// Adds one unit's judgements, one per coder in coder order (`nil` when the coder gave none).
    ///
    /// - Complexity: O(*m* + *q*) for *m* coders and *q* categories.
    public mutating func add(_ judgements: [Int?]) {
        precondition(judgements.count == coders, "one judgement (or nil) per coder")
        units += 1
        var profile = Array(repeating: 0, count: categories)
        var judged = 0
        for case let value? in judgements {
            precondition((0..<categories).contains(value), "a judgement is a category 0..<\(categories)")
            profile[value] += 1
            judged += 1
        }
        if judged > 0 { profiles[profile, default: 0] += 1 }
        if coders == 2, let first = judgements[0], let second = judgements[1] { pairs[first][second] += 1 }
    }

    /// Adds every unit of `other`, which must have the same coders and categories.
    ///
    /// - Complexity: O(*p* · *q*) for *p* distinct profiles in `other`.
    public mutating func add(contentsOf other: ReliabilityData) {
        precondition(other.coders == coders && other.categories == categories, "tallies of the same shape")
        units += other.units
        for (profile, count) in other.profiles { profiles[profile, default: 0] += count }
        for a in 0..<categories {
            for b in 0..<categories { pairs[a][b] += other.pairs[a][b] }
        }
    }

    /// Units with at least one judgement.
    public var judgedUnits: Int { profiles.values.reduce(0, +) }

    /// Units with at least two judgements (the only ones that say anything about agreement).
    public var pairableUnits: Int { profiles.reduce(0) { $0 + ($1.key.reduce(0, +) >= 2 ? $1.value : 0) } }

    /// Judgements of each category over all units.
    public var judgementsPerCategory: [Int] {
        var totals = Array(repeating: 0, count: categories)
        for (profile, count) in profiles {
            for (category, judged) in profile.enumerated() { totals[category] += judged * count }
        }
        return totals
    }

    /// The mean, over pairable units, of the share of agreeing coder pairs:
    /// *p*ₐ = (1/*n*₂) Σᵤ Σₖ *n*ᵤₖ(*n*ᵤₖ − 1) / (*r*ᵤ(*r*ᵤ − 1)), over the *n*₂ units with *r*ᵤ ≥ 2.
    ///
    /// With two coders and no missing judgements this is the share of units they agree on.
    /// `nil` when no unit is pairable.
    var observedPairAgreement: Double? {
        var sum = 0.0
        var pairable = 0
        for (profile, count) in profiles {
            let judged = profile.reduce(0, +)
            guard judged >= 2 else { continue }
            let agreeing = profile.reduce(0) { $0 + $1 * ($1 - 1) }
            sum += Double(count) * Double(agreeing) / Double(judged * (judged - 1))
            pairable += count
        }
        return pairable == 0 ? nil : sum / Double(pairable)
    }
}
