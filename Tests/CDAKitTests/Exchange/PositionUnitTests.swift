import CDAKit
import CDATestSupport
import Foundation
import Testing

/// Positions counted in code points and in UTF-16 code units name the same codings; the unit is
/// decided per source from where the selections fall, and reported.
@Suite struct PositionUnitTests {
    /// Emoji before and inside the codings: 🎉 and 👍🏽 are two UTF-16 units per scalar.
    static let text = "🎉 Welkom allemaal.\r\nDit is 👍🏽 goed nieuws.\r\nKötelező oltás: nee.\r\n1:57 daarna stil.\r\n"

    /// The selections: a whole line, a part with an emoji inside, a line after emoji.
    static let parts = ["Dit is 👍🏽 goed nieuws.", "👍🏽 goed", "1:57 daarna stil."]

    static func range(of part: String, unit: PositionUnit) -> (Int, Int) {
        let range = text.range(of: part)!
        switch unit {
        case .codePoints:
            let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
            return (start, start + part.unicodeScalars.count)
        case .utf16:
            let start = text.utf16.distance(from: text.utf16.startIndex, to: range.lowerBound)
            return (start, start + part.utf16.count)
        }
    }

    static func qde(unit: PositionUnit, origin: String = "Andere Tool 1.0") -> String {
        let selections = parts.enumerated().map { index, part in
            let (start, end) = range(of: part, unit: unit)
            return """
                    <PlainTextSelection guid="b0000000-0000-4000-8000-00000000000\(index)" startPosition="\(start)" endPosition="\(end)">
                      <Coding guid="b1000000-0000-4000-8000-00000000000\(index)"><CodeRef targetGUID="c0000000-0000-4000-8000-000000000001"/></Coding>
                    </PlainTextSelection>
                """
        }.joined(separator: "\n")
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <Project xmlns="urn:QDA-XML:project:1.0" name="Emoji" origin="\(origin)">
              <CodeBook><Codes><Code guid="c0000000-0000-4000-8000-000000000001" name="nieuws" isCodable="true"/></Codes></CodeBook>
              <Sources>
                <TextSource guid="a0000000-0000-4000-8000-000000000001" name="emoji.txt" plainTextPath="internal://a0000000-0000-4000-8000-000000000001.txt">
            \(selections)
                </TextSource>
              </Sources>
            </Project>
            """
    }

    static func archive(unit: PositionUnit, in folder: TemporaryDirectory, origin: String = "Andere Tool 1.0") throws -> String {
        let path = folder.file("emoji-\(unit.rawValue).qdpx")
        try ForeignImportTests.archive(
            [
                ("project.qde", Array(qde(unit: unit, origin: origin).utf8)),
                ("sources/a0000000-0000-4000-8000-000000000001.txt", Array(text.utf8)),
            ], at: path)
        return path
    }

    @Test(arguments: PositionUnit.allCases)
    func bothUnitsImportToTheSameCodings(unit: PositionUnit) throws {
        let folder = TemporaryDirectory()
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        let result = try REFIExchange.importProject(
            try Self.archive(unit: unit, in: folder), into: store, options: .init(schemas: nil, actor: "a"))
        #expect(result.positions.map(\.reading.unit) == [unit])
        #expect(result.positions.first?.basis == .evidence)
        #expect(result.positions.first?.summary.contains("positions read as \(unit.words)") == true)
        #expect(result.leftOut == [])
        #expect(result.round == 1)
        #expect(Set(try store.fragments(code: "nieuws").map(\.text)) == Set(Self.parts))
    }

    @Test func sourcesAreTextsNotTranscripts() throws {
        let folder = TemporaryDirectory()
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        _ = try REFIExchange.importProject(
            try Self.archive(unit: .utf16, in: folder), into: store, options: .init(schemas: nil, actor: "a"))
        let utterances = try store.utterances(of: "emoji")
        #expect(utterances.map(\.speaker) == [nil, nil, nil, nil])
        #expect(utterances.map(\.text) == ["🎉 Welkom allemaal.", "Dit is 👍🏽 goed nieuws.", "Kötelező oltás: nee.", "1:57 daarna stil."])
        #expect(try store.speakers().isEmpty)
    }

    @Test func forcedUnitIsUsedAndMisplacedCodingsAreNamed() throws {
        let folder = TemporaryDirectory()
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        let path = try Self.archive(unit: .utf16, in: folder)
        // Read as code points, the UTF-16 positions run past the emoji: the last one lies beyond the text.
        let strict = #expect(throws: ExchangeError.self) {
            try REFIExchange.importProject(path, into: store, options: .init(schemas: nil, actor: "a", positions: .codePoints))
        }
        #expect(String(describing: strict!).contains("selection b0000000-0000-4000-8000-000000000002"))
        #expect(try store.documents().isEmpty)
        let lenient = try REFIExchange.importProject(
            path, into: store, options: .init(schemas: nil, lenient: true, actor: "a", positions: .codePoints))
        #expect(lenient.positions.first?.basis == .forced)
        #expect(lenient.leftOut.count == 1)
        #expect(lenient.leftOut.first?.contains("lies outside the text when read as code points") == true)
        #expect(!lenient.isComplete)
    }

    @Test func exportWritesUTF16PositionsWhenAsked() throws {
        let folder = TemporaryDirectory()
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        _ = try REFIExchange.importProject(
            try Self.archive(unit: .codePoints, in: folder), into: store, options: .init(schemas: nil, actor: "a"))
        let result = try REFIExchange.exportProject(
            store, to: folder.file("out.qdpx"), positions: .utf16, schemas: ExchangeFixtures.schemas)
        #expect(result.omitted.contains { $0.contains("UTF-16 code units") })
        let qde = try ExchangeRoundTripTests.contents(of: folder.file("out.qdpx")).qde
        // The exported text is the lines joined by LF: "🎉 Welkom allemaal.\nDit is 👍🏽 goed nieuws.\n…"
        let exported = "🎉 Welkom allemaal.\nDit is 👍🏽 goed nieuws.\n"
        let start = "🎉 Welkom allemaal.\n".utf16.count
        #expect(qde.contains("startPosition=\"\(start)\" endPosition=\"\(exported.utf16.count - 1)\""))

        let copy = try ProjectStore.create(at: folder.file("copy.cda"))
        let again = try REFIExchange.importProject(
            folder.file("out.qdpx"), into: copy, options: .init(schemas: nil, actor: "a", positions: .utf16))
        #expect(again.leftOut == [])
        #expect(Set(try copy.fragments(code: "nieuws").map(\.text)) == Set(Self.parts))
    }

    @Test func nvivoOriginBreaksATieTowardsUTF16() throws {
        // One selection before any emoji: both units place it alike.
        let folder = TemporaryDirectory()
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        let qde = """
            <?xml version="1.0" encoding="utf-8"?>
            <Project xmlns="urn:QDA-XML:project:1.0" name="N" origin="NVivo 12">
              <CodeBook><Codes><Code guid="c0000000-0000-4000-8000-000000000001" name="a" isCodable="true"/></Codes></CodeBook>
              <Sources><TextSource guid="a0000000-0000-4000-8000-000000000001" name="t"><PlainTextContent>Hallo 🎉 daar</PlainTextContent>
                <PlainTextSelection guid="b0000000-0000-4000-8000-000000000001" startPosition="0" endPosition="5">
                  <Coding guid="b1000000-0000-4000-8000-000000000001"><CodeRef targetGUID="c0000000-0000-4000-8000-000000000001"/></Coding>
                </PlainTextSelection></TextSource></Sources>
            </Project>
            """
        let path = folder.file("n.qdpx")
        try ForeignImportTests.archive([("project.qde", Array(qde.utf8))], at: path)
        let result = try REFIExchange.importProject(path, into: store, options: .init(schemas: nil, actor: "a"))
        #expect(result.positions.first?.reading.unit == .utf16)
        #expect(result.positions.first?.basis == .indistinguishable)
    }
}
