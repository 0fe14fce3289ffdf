/// The value of one agreement statistic, or why it has none.
///
/// A statistic that is undefined (no variation, nothing to compare) is never shown as 1 or 0:
/// it is `.undefined` with the reason, which `--json` writes as `null` plus the reason.
public enum AgreementEstimate: Sendable, Hashable, CustomStringConvertible {
    /// The statistic's value, unrounded.
    case value(Double)
    /// The statistic has no value on these data.
    case undefined(UndefinedReason)

    /// The value, or `nil` when undefined.
    public var value: Double? {
        if case .value(let value) = self { return value }
        return nil
    }

    /// Why there is no value, or `nil` when there is one.
    public var reason: UndefinedReason? {
        if case .undefined(let reason) = self { return reason }
        return nil
    }

    /// The value, or `undefined: reason`.
    public var description: String {
        switch self {
        case .value(let value): return "\(value)"
        case .undefined(let reason): return "undefined: \(reason)"
        }
    }
}

/// Why an agreement statistic has no value.
public enum UndefinedReason: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// No unit has judgements of two or more coders.
    case noPairableUnits = "no-pairable-units"
    /// Every judgement (of the units compared) is the same category, so chance agreement is total.
    case noVariation = "no-variation"
    /// Cohen's kappa compares exactly two coders.
    case needsTwoCoders = "needs-two-coders"
    /// Fleiss' kappa is reported for three or more coders (with two, see Cohen's kappa).
    case needsThreeCoders = "needs-three-coders"
    /// No chosen coder used the code in the units compared.
    case codeUnused = "code-unused"
    /// The statistic needs units that no coder coded, which matching segments does not have.
    case notForSegments = "not-for-segments"
    /// Krippendorff's unitizing alpha for segments is not computed by `cda`.
    case unitizingNotComputed = "unitizing-not-computed"

    /// The reason in words.
    public var description: String {
        switch self {
        case .noPairableUnits: return "no unit was judged by two or more of the coders"
        case .noVariation: return "no variation: every judgement is the same, so chance agreement is already total"
        case .needsTwoCoders: return "Cohen's kappa compares two coders; with more, see Fleiss' kappa"
        case .needsThreeCoders: return "reported for three or more coders; with two, see Cohen's kappa"
        case .codeUnused: return "no chosen coder used this code in these units"
        case .notForSegments: return "needs units that no coder coded; segment matching has none"
        case .unitizingNotComputed: return "Krippendorff's unitizing alpha for segments is not computed; compare per utterance for alpha"
        }
    }
}
