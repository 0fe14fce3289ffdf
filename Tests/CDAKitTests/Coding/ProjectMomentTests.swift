import CDAKit
import Testing

/// How `--as-of` reads a moment.
struct ProjectMomentTests {
    @Test(arguments: [
        ("2026-11-30", "2026-11-30T23:59:59Z"),
        ("2026-11-30T14:05", "2026-11-30T14:05:00Z"),
        ("2026-11-30T14:05:09", "2026-11-30T14:05:09Z"),
        ("2026-11-30T14:05:09Z", "2026-11-30T14:05:09Z"),
        ("2026-11-30T00:30:00+01:00", "2026-11-29T23:30:00Z"),
        (" 2026-02-28T23:00:00-02:00 ", "2026-03-01T01:00:00Z"),
    ])
    func timesBecomeTheLastUTCSecondTheyCover(text: String, second: String) throws {
        #expect(try ProjectMoment(parsing: text) == .time(second))
    }

    @Test func aVersionNamesItsDocumentUpToTheLastAt() throws {
        #expect(try ProjectMoment(parsing: "cit@2") == .version(document: "cit", version: 2))
        #expect(try ProjectMoment(parsing: "team@home@12") == .version(document: "team@home", version: 12))
    }

    @Test(arguments: ["yesterday", "30-11-2026", "2026-13-01", "2026-11-30T25:00", "cit@0", "cit@", "@3", "cit@two", "2026-11-30T14"])
    func anythingElseIsRefusedWithWhatToWrite(text: String) {
        #expect(throws: ProjectMomentError.unreadable(text)) { try ProjectMoment(parsing: text) }
        #expect(ProjectMomentError.unreadable(text).description.contains("DOCUMENT@VERSION"))
    }
}
