import CDAKit
import CDATestSupport
import Testing

/// Every memo of a project in one list, for the Memos screen and `cda memo list`.
@Suite struct MemoOverviewTests {
    @Test func listsEveryKindInOrderWithReadableLabels() throws {
        let folder = TemporaryDirectory()
        let store = try ExchangeFixtures.codedProject(in: folder)
        let memos = try store.memos()
        #expect(
            memos.map(\.label) == [
                "Project", "Document 'divers'", "Theme 'China als dystopie'", "Theme 'China als dystopie' / citizens", "Code 'loket'",
                "Coding 'loket' on cit:2 by anna",
            ])
        #expect(memos.map(\.kind) == ["project", "document", "theme", "theme-group", "code", "coding"])
        #expect(memos[3].group == "citizens")
        #expect(memos[4].target == "loket")
        #expect(memos[5].text == "Let op: één\r\nloket, twee regels.")
        #expect(memos[5].document == "cit" && memos[5].utterance == 2 && memos[5].author == nil)
        #expect(memos[0].author == "anna" && memos[2].author == "anna")
        try store.setMemo("", on: .theme("china-image"), author: "anna")
        #expect(try store.memos().count == 5)
    }
}
