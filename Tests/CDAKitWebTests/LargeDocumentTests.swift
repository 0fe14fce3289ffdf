import CDATestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CDAKit
@testable import CDAKitWeb

/// A document of 6,000 utterances (about 600,000 characters) with 600 codings: pages must be
/// right and fast wherever they are in the document. The library calls behind a page are timed
/// with a generous bound (debug build, busy machine); the HTTP round trips are only printed,
/// since inside a parallel test run they also measure how long the request waits for a thread.
@Suite struct LargeDocumentTests {
    static let utterances = 6000

    private func harness() throws -> (WebHarness, Duration) {
        let harness = try WebHarness.make()
        var text = "# id: large\n# group: experts\n# speakers: E1, E2, E3\n\n## plenary\n"
        for index in 1...Self.utterances {
            text +=
                "E\(index % 3 + 1): Beurt \(index): de coördinatie van publieke diensten blijft een zorg 🙂, zegt men, en de efficiëntie mag geen doel op zich zijn.\n"
        }
        let started = ContinuousClock.now
        let transcript = try PlainTextReader().read(SourceFile(path: "large.txt", bytes: Array(text.utf8)), options: ReadOptions())
        _ = try harness.store.save(transcript, replace: false)
        var rows: [CodingSheet.Row] = []
        for index in stride(from: 1, through: Self.utterances, by: 10) {
            rows.append(
                CodingSheet.Row(
                    line: rows.count + 1,
                    request: CodingRequest(
                        fragment: Fragment(
                            documentID: "large", startUtterance: index, startOffset: 12, endUtterance: index + 1, endOffset: 20),
                        codeName: "code \(index % 7)", coder: "a")))
        }
        _ = try harness.store.importSheet(rows, file: "large")
        return (harness, ContinuousClock.now - started)
    }

    @Test func pagesAnywhereInALargeDocumentStayFast() async throws {
        let (harness, setup) = try harness()
        print("large document: \(Self.utterances) utterances and \(Self.utterances / 10) codings stored in \(setup)")
        try await harness.test { session in
            for (from, to) in [(1, 200), (2901, 3100), (5801, 6000), (4001, 5000)] {
                let started = ContinuousClock.now
                let page = try await session.get("/api/transcript?doc=large&from=\(from)&to=\(to)")
                let elapsed = ContinuousClock.now - started
                print("large document: page \(from)–\(to) answered in \(elapsed)")
                #expect(page.status == .ok)
                let lines = try #require(page.object["utterances"] as? [[String: Any]])
                #expect(lines.count == to - from + 1)
                #expect(lines.first?["index"] as? Int == from)
                let codings = try #require(page.object["codings"] as? [[String: Any]])
                // Codings start every 10 utterances and reach into the next one.
                #expect(codings.count == (to - from + 1) / 10 + (from > 1 && (from - 1) % 10 == 1 ? 1 : 0))
            }
        }
    }

    @Test func theLibraryCallsBehindAPageAreQuick() throws {
        let (harness, _) = try harness()
        let store = harness.store
        for (from, to) in [(1, 200), (2901, 3100), (5801, 6000)] {
            let started = ContinuousClock.now
            let total = try store.utteranceCount(of: "large")
            let lines = try store.utterances(of: "large", in: from...to)
            let codings = try store.codings(inDocument: "large", utterances: from...to)
            let elapsed = ContinuousClock.now - started
            print("large document: library calls for page \(from)–\(to) took \(elapsed)")
            #expect(total == Self.utterances)
            #expect(lines.count == 200)
            #expect(codings.count == 20)
            #expect(elapsed < .seconds(2))
        }
    }
}
