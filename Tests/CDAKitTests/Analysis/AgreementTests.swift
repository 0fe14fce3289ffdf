import CDATestSupport
import Foundation
import Testing

@testable import CDAKit

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
        let data = ReliabilityData(
            [[1, 1], [1, 1], [1, 1], [1, 0], [0, 1], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0]], coders: 2, categories: 2)
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
        let data = ReliabilityData(
            [[1, 1, 1], [1, 1, 0], [0, 0, 0], [0, 0, nil], [1, 0, nil], [0, nil, nil]], coders: 3, categories: 2)
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

/// Agreement on a coded corpus: units, the missing rule, merges, moderators, segments, errors.
@Suite struct AgreementTests {
    private func code(
        _ store: ProjectStore, _ document: String, _ utterance: Int, _ name: String, by coder: String,
        start: Int? = nil, end: Int? = nil
    ) throws {
        _ = try store.addCoding(
            CodingRequest(
                fragment: Fragment(documentID: document, startUtterance: utterance, startOffset: start, endOffset: end), codeName: name,
                coder: coder))
    }

    /// Coders a and b code 'overheid' and 'china' (b partly as 'kredietsysteem', merged into 'china'); c codes only 'cit'.
    private func project(_ folder: TemporaryDirectory) throws -> ProjectStore {
        let store = try CodingFixtures.project(in: folder)
        for (document, utterance, coder) in [
            ("cit", 2, "a"), ("cit", 4, "a"), ("exp", 2, "a"), ("cit", 2, "b"), ("exp", 2, "b"), ("exp", 4, "b"),
            ("cit", 2, "c"), ("cit", 3, "c"),
        ] {
            try code(store, document, utterance, "overheid", by: coder)
        }
        try code(store, "cit", 1, "overheid", by: "a")  // the moderator: not a unit
        try code(store, "cit", 3, "china", by: "a")
        try code(store, "cit", 3, "kredietsysteem", by: "b", start: 0, end: 5)
        _ = try store.mergeCodes(["kredietsysteem"], into: "china", actor: "a")
        try code(store, "exp", 3, "ongelijkheid", by: "z")
        return store
    }

    @Test func twoCodersPerUtterance() throws {
        let folder = TemporaryDirectory()
        let report = try project(folder).agreement(AgreementOptions(coders: ["a", "b"]))
        // Units: cit 2–5 and exp 2–4 (the moderators' first utterances left out).
        #expect(report.units == 7)
        #expect(report.documents.map(\.document) == ["cit", "exp"])
        #expect(report.codes.map(\.code) == ["china", "overheid"])
        let overheid = try #require(report.codes.last)
        // (a, b): cit2 (1,1) cit3 (0,0) cit4 (1,0) cit5 (0,0) exp2 (1,1) exp3 (0,0) exp4 (0,1).
        #expect(overheid.codedUnits == ["a": 2 + 1, "b": 1 + 2])
        #expect(overheid.statistics.agreement.value == 5.0 / 7.0)
        // N = 7, Σ diagonal = 5, marginals (3, 4) and (3, 4): κ = (35 − 25) / (49 − 25) = 5/12.
        #expect(abs((overheid.statistics.kappa.value ?? 0) - 5.0 / 12.0) < 1e-12)
        // α: present 6, absent 8, two disagreeing units give 2 each: 1 − 13·4 / (196 − 36 − 64) = 11/24.
        #expect(abs((overheid.statistics.alpha.value ?? 0) - 11.0 / 24.0) < 1e-12)
        #expect(abs((overheid.statistics.brennanPrediger.value ?? 0) - 3.0 / 7.0) < 1e-12)
        #expect(overheid.statistics.fleissKappa == .undefined(.needsThreeCoders))
        // 'china' holds b's merged 'kredietsysteem' coding: they agree on cit3 and on the six other units.
        #expect(report.codes.first?.statistics.kappa == .value(1))
        // Overall: 14 (code, unit) pairs, 12 agreeing.
        #expect(report.overall.comparedUnits == 14)
        #expect(abs((report.overall.statistics.agreement.value ?? 0) - 12.0 / 14.0) < 1e-12)
        #expect(
            report.disagreements.map { "\($0.fragment) \($0.summary)" } == ["cit:4 a: present; b: absent", "exp:4 a: absent; b: present"])
    }

    @Test func threeCodersWithACoderWhoCodedOneDocument() throws {
        let folder = TemporaryDirectory()
        let report = try project(folder).agreement(AgreementOptions(coders: ["a", "b", "c"], codes: ["overheid"]))
        #expect(report.documents.map(\.coders) == [["a", "b", "c"], ["a", "b"]])
        let overheid = try #require(report.codes.first)
        // (a, b, c): cit2 (1,1,1) cit3 (0,0,1) cit4 (1,0,0) cit5 (0,0,0) exp2 (1,1,–) exp3 (0,0,–) exp4 (0,1,–).
        // p_a = (1 + 1/3 + 1/3 + 1 + 1 + 1 + 0) / 7 = 2/3.
        #expect(abs((overheid.statistics.agreement.value ?? 0) - 2.0 / 3.0) < 1e-12)
        // π_present = (1 + 1/3 + 1/3 + 0 + 1 + 0 + 1/2) / 7 = 19/42; p_e = (361 + 529)/1764 = 445/882;
        // κ = (588 − 445) / (882 − 445) = 143/437.
        #expect(abs((overheid.statistics.fleissKappa.value ?? 0) - 143.0 / 437.0) < 1e-12)
        // α: present 8, absent 10, disagreeing units cit3, cit4 (2 each) and exp4 (2): 1 − 17·6 / (324 − 64 − 100) = 29/80.
        #expect(abs((overheid.statistics.alpha.value ?? 0) - 29.0 / 80.0) < 1e-12)
        #expect(overheid.statistics.kappa == .undefined(.needsTwoCoders))
        #expect(report.disagreements.first?.judgements.map(\.judgement) == [.absent, .absent, .present])
        #expect(report.disagreements.last?.judgements.map(\.judgement) == [.absent, .present, .notCoded])
    }

    @Test func aCodeNoCoderUsedIsReportedAsSuchAndLeftOutOfTheOverall() throws {
        let folder = TemporaryDirectory()
        let store = try project(folder)
        let report = try store.agreement(AgreementOptions(coders: ["a", "b"], codes: ["ongelijkheid", "overheid"]))
        let unused = try #require(report.codes.first)
        #expect(unused.code == "ongelijkheid")
        #expect(unused.statistics.byKey.allSatisfy { $0.estimate == .undefined(.codeUnused) })
        #expect(report.overall.comparedUnits == 7)
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(json.contains("\"agreement\":null"))
        #expect(json.contains("no chosen coder used this code"))
    }

    @Test func moderatorsCountOnlyWhenAsked() throws {
        let folder = TemporaryDirectory()
        let report = try project(folder).agreement(AgreementOptions(coders: ["a", "b"], codes: ["overheid"], includeModerators: true))
        #expect(report.units == 9)
        #expect(report.codes.first?.codedUnits["a"] == 4)
    }

    @Test func segmentsMatchByTheirShareOfOverlap() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        // cit 2 has 52 code points, exp 2 has 44.
        try code(store, "cit", 2, "overheid", by: "a", start: 0, end: 20)
        try code(store, "cit", 2, "overheid", by: "b", start: 0, end: 18)  // shares 18 of 20: 0.9
        try code(store, "exp", 2, "overheid", by: "a")
        try code(store, "exp", 2, "overheid", by: "b", start: 0, end: 11)  // shares 11 of 44: 0.25
        func agreement(_ minimum: Double) throws -> AgreementReport {
            try store.agreement(AgreementOptions(coders: ["a", "b"], unit: .segment(minimumOverlap: minimum)), withTexts: true)
        }
        let strict = try agreement(0.9)
        // Four checks (each segment against the other coder): the cit segments match each other, the exp ones do not.
        #expect(strict.units == 4)
        #expect(strict.codes.first?.comparedUnits == 4)
        #expect(strict.codes.first?.statistics.agreement == .value(0.5))
        #expect(strict.codes.first?.statistics.kappa == .undefined(.notForSegments))
        #expect(strict.codes.first?.statistics.alpha == .undefined(.unitizingNotComputed))
        // In document order: b's shorter segment starts where a's does and ends first.
        #expect(strict.disagreements.map(\.summary) == ["segment by b; a: absent", "segment by a; b: absent"])
        #expect(strict.disagreements.first?.text == "Efficiëntie")
        #expect(try agreement(0.25).overall.statistics.agreement == .value(1))
        #expect(try agreement(0.26).overall.statistics.agreement == .value(0.5))
        #expect(throws: AgreementError.overlapOutOfRange(1.5)) { try agreement(1.5) }
    }

    @Test func refusesWhatItCannotCompare() throws {
        let folder = TemporaryDirectory()
        let store = try project(folder)
        #expect(throws: AgreementError.tooFewCoders(["a"])) { try store.agreement(AgreementOptions(coders: ["a", "a"])) }
        #expect(throws: AgreementError.unknownCoder("bb", suggestion: "b")) { try store.agreement(AgreementOptions(coders: ["a", "bb"])) }
        #expect(throws: CorpusError.unknownDocument("cat", suggestion: "cit")) {
            try store.agreement(AgreementOptions(coders: ["a", "b"], documents: ["cat"]))
        }
        #expect(throws: CodingError.inactiveCode("kredietsysteem", status: .merged, mergedInto: "china")) {
            try store.agreement(AgreementOptions(coders: ["a", "b"], codes: ["kredietsysteem"]))
        }
    }
}
