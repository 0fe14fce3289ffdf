/// How far coders agree, per code and overall: what `cda agreement` prints.
///
/// JSON keys (stable, values unrounded; an undefined statistic is `null` and its reason is under
/// `undefined`): `unit`, `units`, `coders`, `round`, `min_overlap` (segments only), `documents`
/// (`document`, `units`, `coders` who coded it), `codes` (`code`, `agreement`, `kappa`,
/// `fleiss_kappa`, `alpha`, `brennan_prediger`, `coded_units` per coder, `compared_units`,
/// `undefined`), `overall` (the same statistics over all (code, unit) pairs), `disagreements`.
public struct AgreementReport: Sendable, Hashable, Encodable {
    /// The five statistics of one code or of all codes together.
    public struct Statistics: Sendable, Hashable {
        /// Percent agreement, as a share (0…1).
        public var agreement: AgreementEstimate
        /// Cohen's kappa (two coders).
        public var kappa: AgreementEstimate
        /// Fleiss' kappa (three or more coders).
        public var fleissKappa: AgreementEstimate
        /// Krippendorff's alpha, nominal.
        public var alpha: AgreementEstimate
        /// Brennan and Prediger's kappa (two categories: present, absent).
        public var brennanPrediger: AgreementEstimate

        /// Every statistic of a tally.
        init(_ data: ReliabilityData) {
            agreement = data.percentAgreement
            kappa = data.cohenKappa
            fleissKappa = data.fleissKappa
            alpha = data.krippendorffAlpha
            brennanPrediger = data.brennanPrediger
        }

        /// Every statistic undefined for the same reason.
        init(undefined reason: UndefinedReason) {
            agreement = .undefined(reason)
            kappa = .undefined(reason)
            fleissKappa = .undefined(reason)
            alpha = .undefined(reason)
            brennanPrediger = .undefined(reason)
        }

        /// Segment matching: only percent agreement is defined.
        init(segmentAgreement: AgreementEstimate) {
            self.init(undefined: .notForSegments)
            agreement = segmentAgreement
            alpha = .undefined(.unitizingNotComputed)
        }

        /// The statistics by their JSON keys, in a fixed order.
        public var byKey: [(key: String, estimate: AgreementEstimate)] {
            [
                ("agreement", agreement), ("kappa", kappa), ("fleiss_kappa", fleissKappa), ("alpha", alpha),
                ("brennan_prediger", brennanPrediger),
            ]
        }
    }

    /// One document compared.
    public struct DocumentScope: Sendable, Hashable, Encodable {
        /// The document id.
        public var document: String
        /// Its units (counted utterances; with segments, the segments in it).
        public var units: Int
        /// The chosen coders who coded it in the round; the others' judgements there are missing.
        public var coders: [String]
    }

    /// The agreement on one code.
    public struct CodeAgreement: Sendable, Hashable {
        /// The code's name (after consolidation).
        public var code: String
        /// The code's id.
        public var codeID: Int64
        /// The statistics.
        public var statistics: Statistics
        /// Per coder: units judged present (with segments: the coder's segments).
        public var codedUnits: [String: Int]
        /// Units judged by two or more coders (with segments: checks of a segment against another coder).
        public var comparedUnits: Int
    }

    /// The overall agreement, over all (code, unit) pairs of the codes some coder used.
    public struct Overall: Sendable, Hashable {
        /// The statistics.
        public var statistics: Statistics
        /// (code, unit) pairs judged by two or more coders (with segments: all checks).
        public var comparedUnits: Int
    }

    /// The unit of comparison.
    public var unit: AgreementUnit
    /// Units: counted utterances of the documents (with segments: the coders' segments).
    public var units: Int
    /// The coders compared.
    public var coders: [String]
    /// The round compared.
    public var round: Int
    /// The documents compared, in corpus order.
    public var documents: [DocumentScope]
    /// Per code, by name.
    public var codes: [CodeAgreement]
    /// Over all codes.
    public var overall: Overall
    /// Where the coders differ: per code and unit (or unmatched segment), in document order.
    public var disagreements: [Disagreement]

    private enum Keys: String, CodingKey {
        case unit, units, coders, round, documents, codes, overall, disagreements, undefined, code
        case agreement, kappa, alpha
        case fleissKappa = "fleiss_kappa"
        case brennanPrediger = "brennan_prediger"
        case minOverlap = "min_overlap"
        case codedUnits = "coded_units"
        case comparedUnits = "compared_units"
    }

    /// Writes the documented keys; statistics as numbers, or `null` with the reason under `undefined`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(unit.name, forKey: .unit)
        try container.encode(units, forKey: .units)
        try container.encode(coders, forKey: .coders)
        try container.encode(round, forKey: .round)
        if case .segment(let minimum) = unit { try container.encode(minimum, forKey: .minOverlap) }
        try container.encode(documents, forKey: .documents)
        var list = container.nestedUnkeyedContainer(forKey: .codes)
        for code in codes {
            var entry = list.nestedContainer(keyedBy: Keys.self)
            try entry.encode(code.code, forKey: .code)
            try Self.encode(code.statistics, into: &entry)
            try entry.encode(code.codedUnits, forKey: .codedUnits)
            try entry.encode(code.comparedUnits, forKey: .comparedUnits)
        }
        var overall = container.nestedContainer(keyedBy: Keys.self, forKey: .overall)
        try Self.encode(self.overall.statistics, into: &overall)
        try overall.encode(self.overall.comparedUnits, forKey: .comparedUnits)
        try container.encode(disagreements.count, forKey: .disagreements)
    }

    private static func encode(_ statistics: Statistics, into container: inout KeyedEncodingContainer<Keys>) throws {
        var reasons: [String: String] = [:]
        for (key, estimate) in statistics.byKey {
            guard let codingKey = Keys(rawValue: key) else { continue }
            if let value = estimate.value {
                try container.encode(value, forKey: codingKey)
            } else {
                try container.encodeNil(forKey: codingKey)
                reasons[key] = estimate.reason?.description
            }
        }
        try container.encode(reasons, forKey: .undefined)
    }
}
