import CDAKit
import Testing

/// Reading, writing and adding up time spans (whole milliseconds).
@Suite struct TimeSpanTests {
    @Test(arguments: [
        ("75", 75_000), ("75.5", 75_500), ("0.125", 125), ("01:15", 75_000), ("01:15.5", 75_500), ("1:02:03.004", 3_723_004),
        ("00:00:09.9", 9_900), (" 12 ", 12_000),
    ])
    func timesAreReadInMilliseconds(text: String, milliseconds: Int) {
        #expect(TimeSpan.parseMilliseconds(text) == milliseconds)
    }

    @Test(arguments: ["", "abc", "1.2345", "-3", "01:75", "1,5", "12.", ".5", "1:2:3:4"])
    func notATimeIsRefused(text: String) {
        #expect(TimeSpan.parseMilliseconds(text) == nil)
    }

    @Test func clockAndSecondsText() {
        #expect(TimeSpan.clock(61_500) == "01:01.500")
        #expect(TimeSpan.clock(3_723_004) == "1:02:03.004")
        #expect(TimeSpan.secondsText(61_500) == "61.5")
        #expect(TimeSpan.secondsText(64_000) == "64")
        #expect(TimeSpan.secondsText(125) == "0.125")
        #expect(TimeSpan(documentID: "d", start: 1.0005, end: 2).startMilliseconds == 1001)
        #expect(TimeSpan(documentID: "cit", startMilliseconds: 1_000, endMilliseconds: 2_500).description == "cit@00:01.000–00:02.500")
    }

    /// Hand-worked: in `a`, 1–3 s and 2–5 s overlap (union 1–5 s = 4 s), 5–6 s touches it (+1 s),
    /// 10–10.25 s stands apart (+0.25 s); `b` adds 1–3 s (2 s). Total 7.25 s.
    @Test func theUnionCountsOverlapsOncePerDocument() {
        let spans = [
            TimeSpan(documentID: "a", startMilliseconds: 2_000, endMilliseconds: 5_000),
            TimeSpan(documentID: "a", startMilliseconds: 1_000, endMilliseconds: 3_000),
            TimeSpan(documentID: "a", startMilliseconds: 5_000, endMilliseconds: 6_000),
            TimeSpan(documentID: "a", startMilliseconds: 10_000, endMilliseconds: 10_250),
            TimeSpan(documentID: "b", startMilliseconds: 1_000, endMilliseconds: 3_000),
            TimeSpan(documentID: "a", startMilliseconds: 2_500, endMilliseconds: 2_600),  // inside another
        ]
        #expect(TimeSpan.unionMilliseconds(spans) == 7_250)
        #expect(TimeSpan.unionMilliseconds([]) == 0)
    }
}
