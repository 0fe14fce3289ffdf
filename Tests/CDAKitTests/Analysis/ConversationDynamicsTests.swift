import CDAKit
import CDATestSupport
import Foundation
import Testing

/// Figures counted by hand on `DynamicsFixtures` (see its utterances). Words per turn — g1: 4, 6,
/// 4, 3, 3, 8, 4, 2 (34); g2: 1, 6, 1 (8); e1: 3, 2, 1, 1 (7).
@Suite struct ConversationDynamicsTests {
    /// The population Gini as its definition reads: the mean absolute difference over all ordered
    /// pairs, divided by twice the mean.
    private func referenceGini(_ values: [Int]) -> Double {
        let n = Double(values.count)
        let mean = Double(values.reduce(0, +)) / Double(values.count)
        var sum = 0.0
        for x in values { for y in values { sum += abs(Double(x - y)) } }
        return sum / (2 * n * n * mean)
    }

    private func row(_ dynamics: ConversationDynamics, _ speaker: String, _ group: String) throws -> ConversationDynamics.SpeakerFigures {
        try #require(dynamics.speakers.first { $0.speaker == speaker && $0.group == group })
    }

    @Test func speakersHoldTheFloorAsCountedByHand() throws {
        let folder = TemporaryDirectory()
        let dynamics = try DynamicsFixtures.project(in: folder).conversationDynamics(DynamicsOptions())
        // A: g1 turns 2, 5, 8 and g2 turn 3; seconds 6 (until B's start) + 6 (until M's start) + 0 (last, no end) + 0 (last, no end).
        let a = try row(dynamics, "A", "citizens")
        #expect((a.role, a.turns, a.words, a.seconds, a.longestTurnWords) == (.participant, 4, 12, 12, 6))
        #expect(a.meanTurnWords == 3)
        #expect(a.floorShare == 12.0 / 42.0)
        // B: turn 7 has no time, so only turn 3 (16–20) counts.
        let b = try row(dynamics, "B", "citizens")
        #expect((b.turns, b.words, b.seconds, b.meanTurnWords) == (2, 8, 4, 4))
        let c = try row(dynamics, "C", "citizens")
        #expect((c.turns, c.words, c.seconds, c.floorShare) == (1, 6, 5, 6.0 / 42.0))
        // S is declared in both sessions and never speaks.
        let s = try row(dynamics, "S", "citizens")
        #expect((s.turns, s.words, s.seconds, s.meanTurnWords, s.longestTurnWords, s.floorShare) == (0, 0, nil, nil, 0, 0))
        // The moderator appears in both groups: 0–10, 30–35 and 100–110 among the citizens.
        let m = try row(dynamics, "M", "citizens")
        #expect((m.role, m.turns, m.words, m.seconds, m.floorShare) == (.moderator, 3, 13, 25, 13.0 / 42.0))
        let o = try row(dynamics, "O", "citizens")
        #expect((o.role, o.turns, o.words, o.seconds) == (.observer, 1, 3, 3))
        // Experts have no times at all.
        let e1 = try row(dynamics, "E1", "experts")
        #expect((e1.turns, e1.words, e1.seconds, e1.meanTurnWords, e1.longestTurnWords) == (2, 3, nil, 1.5, 2))
        #expect(try row(dynamics, "M", "experts").floorShare == 3.0 / 7.0)
        // Every word of a group's sessions is someone's.
        #expect(dynamics.speakers.filter { $0.group == "citizens" }.reduce(0) { $0 + $1.words } == 42)
        #expect(dynamics.speakers.map(\.speaker) == ["A", "B", "C", "S", "M", "O", "E1", "E2", "M"])
    }

    @Test func groupsCountSilentParticipantsAndGini() throws {
        let folder = TemporaryDirectory()
        let dynamics = try DynamicsFixtures.project(in: folder).conversationDynamics(DynamicsOptions())
        #expect(dynamics.groups.map(\.group) == ["citizens", "experts"])
        let citizens = dynamics.groups[0]
        let experts = dynamics.groups[1]
        #expect((citizens.participants, citizens.silentParticipants, citizens.turns, citizens.words) == (4, 1, 7, 26))
        #expect(citizens.moderatorShare == 13.0 / 42.0)
        // Words 12, 8, 6, 0: |differences| over unordered pairs 4+6+12+2+8+6 = 38, n = 4, μ = 6.5.
        let gini = try #require(citizens.gini)
        #expect(abs(gini - 2 * 38 / (2 * 16 * 6.5)) < 1e-12)
        #expect(abs(gini - referenceGini([12, 8, 6, 0])) < 1e-12)
        #expect((experts.participants, experts.silentParticipants, experts.turns, experts.words) == (2, 0, 3, 4))
        #expect(experts.gini.map { abs($0 - 0.25) < 1e-12 } == true)
        #expect(experts.moderatorShare == 3.0 / 7.0)
    }

    @Test func transitionsLeaveObserversOut() throws {
        let folder = TemporaryDirectory()
        let transitions = try DynamicsFixtures.project(in: folder).conversationDynamics(DynamicsOptions()).transitions
        // g1 without O: M A B A M B A; g2: M C A; e1: M E1 E2 E1.
        #expect(transitions == .init(moderatorToParticipant: 4, participantToModerator: 1, participantToParticipant: 6))
    }

    @Test func themesAreRaisedOrPrompted() throws {
        let folder = TemporaryDirectory()
        let initiations = try DynamicsFixtures.project(in: folder).conversationDynamics(DynamicsOptions()).initiations
        typealias Initiation = ConversationDynamics.Initiation
        #expect(
            initiations == [
                // First coded on g1:5, but g1:2 comes first; M's turn 1 holds no term.
                Initiation(
                    theme: "government", document: "g1", utterance: 2, time: 10, role: .participant, prompted: false, promptUtterance: nil),
                // `camera*` matches "camera's" in M's turn 6; turn 7 has no time.
                Initiation(
                    theme: "surveillance", document: "g1", utterance: 7, time: nil, role: .participant, prompted: true, promptUtterance: 6),
                // "bewaking" is C's own word: M's turn 1 only greets.
                Initiation(
                    theme: "surveillance", document: "g2", utterance: 2, time: 110, role: .participant, prompted: false,
                    promptUtterance: nil),
                // The term "camera's" itself, two turns after M asked.
                Initiation(
                    theme: "privacy", document: "g1", utterance: 8, time: 40, role: .participant, prompted: true, promptUtterance: 6),
            ])
    }

    @Test func roundTwoHasNoInitiationsUntilCoded() throws {
        let folder = TemporaryDirectory()
        let store = try DynamicsFixtures.project(in: folder)
        #expect(throws: CodingError.invalidRound(3)) { try store.conversationDynamics(DynamicsOptions(round: .number(3))) }
        _ = try store.startRound(2, themes: ["privacy"])
        #expect(try store.conversationDynamics(DynamicsOptions()).initiations.isEmpty)
        #expect(try store.conversationDynamics(DynamicsOptions(round: .number(1))).initiations.count == 4)
    }

    @Test func documentsCanBeChosen() throws {
        let folder = TemporaryDirectory()
        let store = try DynamicsFixtures.project(in: folder)
        let dynamics = try store.conversationDynamics(DynamicsOptions(documents: ["g2"]))
        #expect(dynamics.groups.map(\.group) == ["citizens"])
        // g2 declares A, S and C; words 0 (S), 1 (A), 6 (C).
        #expect((dynamics.groups[0].participants, dynamics.groups[0].silentParticipants, dynamics.groups[0].words) == (3, 1, 7))
        #expect(dynamics.transitions == .init(moderatorToParticipant: 1, participantToModerator: 0, participantToParticipant: 1))
        #expect(dynamics.initiations.map(\.document) == ["g2"])
        let error = #expect(throws: CorpusError.self) { try store.conversationDynamics(DynamicsOptions(documents: ["g3"])) }
        #expect(error?.description.hasPrefix("Unknown document 'g3'.") == true)
    }

    @Test func comparesByASpeakerAttribute() throws {
        let folder = TemporaryDirectory()
        let store = try DynamicsFixtures.project(in: folder)
        let dynamics = try store.conversationDynamics(DynamicsOptions(by: "agegroup"))
        #expect(dynamics.groups.map(\.group) == ["old", "young"])
        // old: B (8 words) and S (silent); young: A (12) and C (6).
        #expect(dynamics.groups.map(\.participants) == [2, 2])
        #expect(dynamics.groups.map(\.silentParticipants) == [1, 0])
        #expect(dynamics.groups.map(\.words) == [8, 18])
        #expect(dynamics.groups[1].gini.map { abs($0 - referenceGini([12, 6])) < 1e-12 } == true)
        #expect(throws: AnalysisError.unknownAttribute("party", known: ["agegroup", "group"])) {
            try store.conversationDynamics(DynamicsOptions(by: "party"))
        }
    }

    @Test func pseudonymsFollowTheReport() throws {
        let folder = TemporaryDirectory()
        let store = try DynamicsFixtures.project(in: folder)
        let dynamics = try store.conversationDynamics(DynamicsOptions(pseudonymize: true))
        // The report numbers A, B, C, E1, E2 (coded or speaking participants) P01–P05; the silent S continues.
        #expect(Set(dynamics.speakers.map(\.speaker)) == ["P01", "P02", "P03", "P04", "P05", "P06", "M01", "O01"])
        #expect(dynamics.speakers.first { $0.speaker == "P06" }?.turns == 0)
        #expect(dynamics.speakers.first { $0.speaker == "P01" }?.words == 12)
    }

    @Test(arguments: [1, 2, 3, 7, 40])
    func giniMatchesItsDefinition(count: Int) {
        var generator = SeededGenerator(seed: UInt64(count))
        let values = (0..<count).map { _ in Int.random(in: 0...50, using: &generator) }
        let reference = values.allSatisfy { $0 == 0 } ? nil : referenceGini(values)
        let computed = Gini.coefficient(values)
        #expect(computed == nil ? reference == nil : abs(computed! - reference!) < 1e-12, "values \(values)")
        #expect(Gini.coefficient([5, 5, 5]) == 0)
        #expect(Gini.coefficient([0, 0, 9]).map { abs($0 - 2.0 / 3.0) < 1e-12 } == true)
        #expect(Gini.coefficient([]) == nil)
        #expect(Gini.coefficient([0, 0]) == nil)
    }

    @Test func jsonHasTheDocumentedKeysAndNulls() throws {
        let folder = TemporaryDirectory()
        let dynamics = try DynamicsFixtures.project(in: folder).conversationDynamics(DynamicsOptions())
        let data = try JSONEncoder().encode(dynamics)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["speakers", "groups", "transitions", "initiations"])
        let speakers = try #require(object["speakers"] as? [[String: Any]])
        #expect(
            speakers.allSatisfy {
                Set($0.keys) == [
                    "speaker", "role", "group", "turns", "words", "seconds", "floor_share", "mean_turn_words", "longest_turn_words",
                ]
            })
        #expect(speakers.contains { $0["speaker"] as? String == "S" && $0["seconds"] is NSNull && $0["mean_turn_words"] is NSNull })
        let groups = try #require(object["groups"] as? [[String: Any]])
        #expect(
            groups.allSatisfy {
                Set($0.keys) == ["group", "participants", "silent_participants", "turns", "words", "gini", "moderator_share"]
            })
        let transitions = try #require(object["transitions"] as? [String: Any])
        #expect(Set(transitions.keys) == ["moderator_to_participant", "participant_to_moderator", "participant_to_participant"])
        let initiations = try #require(object["initiations"] as? [[String: Any]])
        #expect(
            initiations.allSatisfy { Set($0.keys) == ["theme", "document", "utterance", "time", "role", "prompted", "prompt_utterance"] })
        #expect(initiations.contains { $0["prompt_utterance"] is NSNull })
        #expect(try JSONDecoder().decode(ConversationDynamics.self, from: data) == dynamics)
    }
}
