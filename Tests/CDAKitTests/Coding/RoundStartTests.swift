import CDATestSupport
import Testing

@testable import CDAKit

/// Starting a round changes the project only once, forwards, and never silently.
@Suite struct RoundStartTests {
    private func project(_ folder: TemporaryDirectory) throws -> ProjectStore {
        let store = try CodingFixtures.project(in: folder)
        _ = try store.loadCodebook(Codebook.parse(CodingFixtures.codebook), actor: "a")
        return store
    }

    @Test func startingTheRoundUnderWayAgainChangesNothing() throws {
        let folder = TemporaryDirectory()
        let store = try project(folder)
        #expect(try store.startRound(2, themes: ["china-image"]) == .started)
        let before = try store.dump()
        #expect(try store.startRound(2, themes: []) == .alreadyUnderWay(themes: ["china-image"]))
        #expect(try store.startRound(2, themes: ["china-image"]) == .alreadyUnderWay(themes: ["china-image"]))
        #expect(try store.dump() == before)
    }

    @Test func otherThemesOrAnEarlierRoundAreRefusedAndLeaveTheProject() throws {
        let folder = TemporaryDirectory()
        let store = try project(folder)
        try store.startRound(2, themes: ["china-image"])
        let before = try store.dump()
        #expect(throws: CodingError.roundThemesDiffer(round: 2, current: ["china-image"], requested: ["inequality"])) {
            try store.startRound(2, themes: ["inequality"])
        }
        #expect(throws: CodingError.roundPassed(requested: 1, current: 2)) { try store.startRound(1, themes: []) }
        #expect(try store.dump() == before)
        #expect(try store.currentRound() == 2)
        #expect(
            CodingError.roundPassed(requested: 1, current: 2).description
                == "Round 1 cannot be started: round 2 is under way and rounds do not go back. New codings go to round 2; code into round 1 with --round 1."
        )
    }
}
