public import CDAKit
import Foundation

/// A coded project for the REFI-QDA exchange tests: the coding fixtures plus a document whose
/// source has CRLF line ends, diacritics and emoji, codes with a hierarchy, colours and
/// descriptions, codings with offsets by two coders, themes and memos of every kind.
public enum ExchangeFixtures {
    /// A transcript with CRLF line ends, diacritics and emoji (a skin-tone modifier, a flag).
    public static let diverse =
        "# id: divers\r\n# group: citizens\r\n# speakers: C1, Zoë\r\n# speaker Zoë: agegroup=35-54\r\n\r\n"
        + "C1: Café? Ja! 👍🏽 Dat is één ding.\r\nZoë: Naïeve 🇳🇱 vlag — oké.\r\nC1: Tot ziens.\r\n"

    /// A codebook as another tool might write it: a folder that cannot be coded, nested codes,
    /// colours, descriptions, and a set.
    public static let codebook = """
        <?xml version="1.0" encoding="UTF-8"?>
        <CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Voorbeeldtool 2.1">
          <Codes>
            <Code guid="{6F1C2A3B-0000-4000-8000-0000000000A1}" name="overheid" isCodable="true" color="#1f77b4">
              <Description>Alles over de overheid &amp; haar loketten.</Description>
              <Code guid="6f1c2a3b-0000-4000-8000-0000000000a2" name="loket" isCodable="true" color="#FF7F0E">
                <Description>Eén plek om iets te regelen.</Description>
              </Code>
            </Code>
            <Code guid="6f1c2a3b-0000-4000-8000-0000000000a3" name="china" isCodable="true" color="#d62728">
              <Code guid="6f1c2a3b-0000-4000-8000-0000000000a4" name="nationale trots" isCodable="true"/>
            </Code>
          </Codes>
          <Sets>
            <Set guid="6f1c2a3b-0000-4000-8000-0000000000b1" name="Bestuur">
              <MemberCode guid="6f1c2a3b-0000-4000-8000-0000000000a1"/>
            </Set>
          </Sets>
        </CodeBook>
        """

    /// The schemas in `../shared/standards/refi-qda`, when present.
    public static var schemas: REFISchemas? {
        SharedData.path("standards/refi-qda").flatMap { try? REFISchemas(directory: $0) }
    }

    /// The coded project.
    public static func codedProject(in folder: TemporaryDirectory, name: String = "p.cda") throws -> ProjectStore {
        let store = try ProjectStore.create(at: folder.file(name))
        for (file, text) in [("cit.txt", CodingFixtures.citizens), ("exp.txt", CodingFixtures.experts), ("divers.txt", diverse)] {
            let transcript = try PlainTextReader().read(SourceFile(path: file, bytes: Array(text.utf8)), options: ReadOptions())
            _ = try store.save(transcript, replace: false)
        }
        let codebookPath = folder.write("codebook.qdc", codebook)
        _ = try REFIExchange.importCodebook(codebookPath, into: store, options: .init(schemas: nil, actor: "anna"))
        _ = try store.loadCodebook(Codebook.parse(CodingFixtures.codebook, file: "themes.yaml"), actor: "anna")

        func code(
            _ name: String, _ document: String, _ utterance: Int, _ start: Int? = nil, _ end: Int? = nil, to last: Int? = nil,
            coder: String = "anna", memo: String? = nil, origin: CodeOrigin = .analyst
        ) throws {
            let fragment = Fragment(documentID: document, startUtterance: utterance, startOffset: start, endUtterance: last, endOffset: end)
            _ = try store.addCoding(CodingRequest(fragment: fragment, codeName: name, coder: coder, memo: memo, origin: origin))
        }
        // "De overheid moet snel reageren, één loket is genoeg." — "één loket" is 32..<41.
        try code("loket", "cit", 2, 32, 41, memo: "Let op: één\r\nloket, twee regels.")
        try code("overheid", "cit", 2)
        try code("china", "cit", 3)
        try code("china", "cit", 3, coder: "bram")
        try code("nationale trots", "cit", 4, 4, 5, to: 5, coder: "bram")
        // "Café? Ja! 👍🏽 Dat is één ding." — the emoji is 10..<12, "één ding" 20..<28.
        try code("instemming", "divers", 1, 10, 12)
        try code("één ding", "divers", 1, 20, 28, origin: .inVivo)
        // "Naïeve 🇳🇱 vlag — oké." — "Naïeve 🇳🇱" is 0..<9; the line runs into the next utterance.
        try code("instemming", "divers", 2, 0, 9, coder: "bram")
        try code("afscheid", "divers", 2, 7, 2, to: 3)
        try code("ongelijkheid", "exp", 3, coder: "bram")
        _ = try store.mapCode("loket", toTheme: "digital-government", actor: "anna")
        _ = try store.mapCode("china", toTheme: "china-image", actor: "anna")
        _ = try store.mapCode("ongelijkheid", toTheme: "inequality", actor: "anna")
        try store.setMemo("Projectmemo\r\nmet twee regels en een tab\there.", on: .project, author: "anna")
        try store.setMemo("Over het loket.", on: .code("loket"), author: "anna")
        try store.setMemo("Een gesprek met emoji 🎉.", on: .document("divers"), author: "bram")
        try store.setMemo("China als schrikbeeld.", on: .theme("china-image"), author: "anna")
        try store.setMemo("Burgers zien China als dystopie.", on: .themeGroup(theme: "china-image", group: "citizens"), author: "anna")
        return store
    }
}
