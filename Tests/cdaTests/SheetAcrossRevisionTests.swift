import CDATestSupport
import Foundation
import Testing

@testable import cda

/// A coding sheet made before a revision, imported after it: rows follow their text.
@Suite(.serialized) struct SheetAcrossRevisionTests {
    static let header = "document\tutterance\tstart\tend\tcode\tround\tcoder\tmemo\ttext\n"

    /// The citizens coded by `a`, a sheet exported, the codings dropped again, and the
    /// transcript revised: "echt " inserted in utterance 2, a moderator turn inserted before
    /// utterance 4, so utterances 4 and 5 become 5 and 6.
    static func setUp(_ folder: TemporaryDirectory) throws -> [String: String] {
        let env = ["CDA_PROJECT": folder.file("p.cda"), "CDA_CODER": "a"]
        folder.write("cit.txt", CodingFixtures.citizens)
        for arguments in [["init"], ["ingest", "cit.txt"]] {
            #expect(try CLI.run(arguments, in: folder.path, environment: env).status == 0)
        }
        for (utterance, start, end, code) in [("2", "32", "41", "loket"), ("4", "4", "15", "wij"), ("5", "", "", "contact")] {
            let offsets = start.isEmpty ? [] : ["--start", start, "--end", end]
            let coded = try CLI.run(
                ["code", "add", "--doc", "cit", "--utterance", utterance, "--code", code] + offsets, in: folder.path, environment: env)
            #expect(coded.status == 0, "\(coded.error)")
        }
        #expect(try CLI.run(["sheet", "export", "--out", "before.tsv"], in: folder.path, environment: env).status == 0)
        folder.write(
            "cit.txt",
            CodingFixtures.citizens.replacingOccurrences(of: "moet snel", with: "moet echt snel")
                .replacingOccurrences(of: "C1: Wij", with: "M: Even terzijde.\nC1: Wij")
                .replacingOccurrences(of: "gewoon contact", with: "gewoon persoonlijk contact"))
        let revised = try CLI.run(["ingest", "cit.txt", "--replace", "--on-conflict", "drop"], in: folder.path, environment: env)
        #expect(revised.status == 0, "\(revised.error)")
        return env
    }

    static func codings(_ folder: TemporaryDirectory, _ env: [String: String]) throws -> [String] {
        let listed = try CLI.run(["fragments", "--json"], in: folder.path, environment: env)
        let fragments = try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]] ?? []
        return fragments.map { entry in
            let place = entry["fragment"] as? [String: Int] ?? [:]
            let bounds = ["startUtterance", "startOffset", "endUtterance", "endOffset"].map { place[$0].map(String.init) ?? "-" }
            let codes = (entry["codes"] as? [String] ?? []).joined(separator: ",")
            let coders = (entry["coders"] as? [String] ?? []).joined(separator: ",")
            return "\(bounds.joined(separator: " ")) \(codes) \(coders)"
        }.sorted()
    }

    @Test func rowsMadeBeforeARevisionAreCarriedThroughItWithANotice() throws {
        let folder = TemporaryDirectory()
        let env = try Self.setUp(folder)
        let afterRevision = try Self.codings(folder, env)
        // The sheet names the old places; as coder b, its rows are new codings on the new places.
        let sheet = try String(contentsOfFile: folder.file("before.tsv"), encoding: .utf8).replacingOccurrences(of: "\ta\t", with: "\tb\t")
        folder.write("before-b.tsv", sheet)
        let imported = try CLI.run(["sheet", "import", "before-b.tsv"], in: folder.path, environment: env)
        #expect(imported.status == 0, "\(imported.error)")
        #expect(imported.output.contains("3 row(s), 3 coding(s) added, 0 already present"))
        for line in [
            "note: before-b.tsv:2: the text of 'loket' was at cit:2[32,41) in version 1 of 'cit'; carried through the revision to cit:2[37,46)",
            "note: before-b.tsv:3: the text of 'wij' was at cit:4[4,15) in version 1 of 'cit'; carried through the revision to cit:5[4,15)",
            "note: before-b.tsv:4: the text of 'contact' was at cit:5 in version 1 of 'cit'; carried through the revision to cit:6",
        ] {
            #expect(imported.error.contains(line + "\n"), "missing: \(line)\n\(imported.error)")
        }
        // b's codings lie exactly where the revision put a's.
        #expect(try Self.codings(folder, env) == afterRevision.map { $0 + ",b" })
    }

    @Test func aRowWhoseTextMovedIsFoundByItsTextAndANowhereTextIsAnErrorNamingTheLine() throws {
        let folder = TemporaryDirectory()
        let env = try Self.setUp(folder)
        // Typed by hand at a place that never held "pikken", which is in utterance 5 now.
        folder.write("hand.tsv", Self.header + "cit\t2\t17\t23\tweigeren\t1\tb\t\tpikken\n")
        let found = try CLI.run(["sheet", "import", "hand.tsv"], in: folder.path, environment: env)
        #expect(found.status == 0, "\(found.error)")
        #expect(found.error.contains("note: hand.tsv:2: cit:2[17,23) does not hold the text of 'weigeren'; found it at cit:5[17,23)\n"))

        let before = try Self.codings(folder, env)
        folder.write("nowhere.tsv", Self.header + "cit\t2\t0\t4\tx\t1\tb\t\tpikken\ncit\t3\t0\t5\ty\t1\tb\t\tgeen woorden\n")
        let refused = try CLI.run(["sheet", "import", "nowhere.tsv"], in: folder.path, environment: env)
        #expect(refused.status == 1)
        #expect(
            refused.error.contains(
                "nowhere.tsv:3: cit:3[0,5) does not hold the row's text \"geen woorden\" (it reads \"China\"), and neither an earlier "
                    + "version of the document nor any other place in it does"))
        #expect(refused.error.contains("nothing was imported"))
        #expect(try Self.codings(folder, env) == before)
    }
}
