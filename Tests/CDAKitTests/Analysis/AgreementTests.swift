@testable import CDAKit
import Foundation
import Testing

/// The agreement statistics on small tables worked by hand (the arithmetic is in the comments).
/// Rows are units, columns coders; 1 = present, 0 = absent, nil = missing.
@Suite struct AgreementStatisticsTests {
    private func expectValue(_ estimate: AgreementEstimate, _ expected: Double, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let value = estimate.value else {
            Issue.record("expected \(expected), got \(estimate)", sourceLocation: sourceLocation)
            return
        }
        #expect(abs(value - expected) < 1e-12, "got \(value), expected \(expected)", sourceLocation: sourceLocation)
    }

    @Test func twoCodersWithoutMissingJudgements() {
        // A: 1 1 1 1 0 0 0 0 0 0
        // B: 1 1 1 0 1 0 0 0 0 0
        let data = ReliabilityData([[1, 1], [1, 1], [1, 1], [1, 0], [0, 1], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0]], coders: 2, categories: 2)
        // Agree on 8 of 10 units.
        expectValue(data.percentAgreement, 0.8)
        // Cohen: N = 10, Σ diagonal = 8; marginals A (present 4, absent 6), B (4, 6): Σ row·column = 16 + 36 = 52;
        // κ = (10·8 − 52) / (100 − 52) = 28/48 = 7/12.
        expectValue(data.cohenKappa, 7.0 / 12.0)
        // Alpha: 20 pairable values, present 8, absent 12; the two disagreeing units give
        // (2² − 1 − 1)/(2 − 1) = 2 each, Σ = 4; α = 1 − 19·4 / (400 − 64 − 144) = 1 − 76/192 = 29/48.
        expectValue(data.krippendorffAlpha, 29.0 / 48.0)
        // Brennan–Prediger: (0.8 − 1/2) / (1 − 1/2) = 0.6.
        expectValue(data.brennanPrediger, 0.6)
        #expect(data.fleissKappa == .undefined(.needsThreeCoders))
    }

    @Test func missingJudgementsAreLeftOutOfThePairs() {
        // Units (A, B): (1,1) (0,0) (1,0) (1,–) (–,0) (0,0); only four units are judged by both.
        let data = ReliabilityData([[1, 1], [0, 0], [1, 0], [1, nil], [nil, 0], [0, 0]], coders: 2, categories: 2)
        #expect(data.units == 6)
        #expect(data.judgedUnits == 6)
        #expect(data.pairableUnits == 4)
        // Agree on 3 of the 4.
        expectValue(data.percentAgreement, 0.75)
        // Cohen on the four: N = 4, Σ diagonal = 3; A (present 2, absent 2), B (1, 3): Σ row·column = 2 + 6 = 8;
        // κ = (4·3 − 8) / (16 − 8) = 1/2.
        expectValue(data.cohenKappa, 0.5)
        // Alpha: 8 pairable values, present 3 (2 + 1), absent 5; one disagreeing unit gives 2;
        // α = 1 − 7·2 / (64 − 9 − 25) = 1 − 14/30 = 8/15.
        expectValue(data.krippendorffAlpha, 8.0 / 15.0)
        // Brennan–Prediger: 2 · 0.75 − 1.
        expectValue(data.brennanPrediger, 0.5)
    }

    @Test func threeCodersWithMissingJudgements() {
        // Units (A, B, C): (1,1,1) (1,1,0) (0,0,0) (0,0,–) (1,0,–) (0,–,–).
        let data = ReliabilityData([[1, 1, 1], [1, 1, 0], [0, 0, 0], [0, 0, nil], [1, 0, nil], [0, nil, nil]], coders: 3, categories: 2)
        // Agreeing pairs per pairable unit: 6/6, 2/6, 6/6, 2/2, 0/2; p_a = (1 + 1/3 + 1 + 1 + 0) / 5 = 2/3.
        // The last unit has one judgement: it is not pairable.
        expectValue(data.percentAgreement, 2.0 / 3.0)
        // Fleiss (Gwet's form): π_present = (1/6)(3/3 + 2/3 + 0 + 0 + 1/2 + 0) = 13/36, π_absent = 23/36;
        // p_e = (169 + 529)/1296 = 349/648; κ = (2/3 − 349/648) / (1 − 349/648) = (83/648) / (299/648) = 83/299.
        expectValue(data.fleissKappa, 83.0 / 299.0)
        // Alpha: pairable values present 3 + 2 + 0 + 0 + 1 = 6, absent 0 + 1 + 3 + 2 + 1 = 7, n = 13;
        // disagreeing units: (9 − 1 − 4)/2 = 2 and (4 − 1 − 1)/1 = 2, Σ = 4;
        // α = 1 − 12·4 / (169 − 36 − 49) = 1 − 48/84 = 3/7.
        expectValue(data.krippendorffAlpha, 3.0 / 7.0)
        // Brennan–Prediger: 2 · 2/3 − 1 = 1/3.
        expectValue(data.brennanPrediger, 1.0 / 3.0)
        #expect(data.cohenKappa == .undefined(.needsTwoCoders))
    }

    @Test func noVariationIsUndefinedNotOneOrZero() {
        // Both coders mark all three units present.
        let data = ReliabilityData([[1, 1], [1, 1], [1, 1]], coders: 2, categories: 2)
        expectValue(data.percentAgreement, 1)
        // p_e = (3·3 + 0)/9 = 1: kappa has no value, nor has alpha (D_e = 0).
        #expect(data.cohenKappa == .undefined(.noVariation))
        #expect(data.krippendorffAlpha == .undefined(.noVariation))
        // Brennan–Prediger's chance agreement is 1/2 whatever the data: 2 · 1 − 1.
        expectValue(data.brennanPrediger, 1)
        let three = ReliabilityData([[0, 0, 0], [0, 0, nil]], coders: 3, categories: 2)
        #expect(three.fleissKappa == .undefined(.noVariation))
        #expect(three.krippendorffAlpha == .undefined(.noVariation))
    }

    @Test func nothingToCompareIsUndefined() {
        // No unit has two judgements.
        let data = ReliabilityData([[1, nil], [nil, 0]], coders: 2, categories: 2)
        #expect(data.percentAgreement == .undefined(.noPairableUnits))
        #expect(data.cohenKappa == .undefined(.noPairableUnits))
        #expect(data.krippendorffAlpha == .undefined(.noPairableUnits))
        #expect(data.brennanPrediger == .undefined(.noPairableUnits))
        #expect(ReliabilityData(coders: 3, categories: 2).fleissKappa == .undefined(.noPairableUnits))
    }

    @Test func alphaMatchesKrippendorffsPublishedExample() {
        // Krippendorff (2011), "Computing Krippendorff's alpha-reliability": four observers, twelve
        // units, values 1–5 with missing ones; nominal α = 0.743. By hand: 40 pairable values
        // (1: 9, 2: 13, 3: 10, 4: 5, 5: 3), Σ_{c≠k} o_ck = 8, Σ_{c≠k} n_c n_k = 1600 − 384 = 1216;
        // α = 1 − 39·8/1216 = 113/152 = 0.7434….
        let observers: [[Int?]] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
            [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
        ]
        let units = (0..<12).map { unit in observers.map { $0[unit].map { $0 - 1 } } }
        let data = ReliabilityData(units, coders: 4, categories: 5)
        expectValue(data.krippendorffAlpha, 113.0 / 152.0)
        #expect(String(format: "%.3f", data.krippendorffAlpha.value ?? 0) == "0.743")
    }

    @Test func tallyingInPartsEqualsTallyingAtOnce() {
        let rows: [[Int?]] = [[1, 0, 1], [0, 0, nil], [1, 1, 1], [nil, 1, 0]]
        var parts = ReliabilityData(Array(rows.prefix(2)), coders: 3, categories: 2)
        parts.add(contentsOf: ReliabilityData(Array(rows.suffix(2)), coders: 3, categories: 2))
        #expect(parts == ReliabilityData(rows, coders: 3, categories: 2))
    }
}
