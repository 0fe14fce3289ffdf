public import CDAKit

/// Three small sessions with hand-countable turns, for the conversation dynamics.
///
/// - `g1` (citizens, times with and without end times): moderator M, participants A, B and S
///   (S is declared and never speaks), observer O. M's turn 6 asks about "camera's".
/// - `g2` (citizens, a second session of the group): M, A, S, C.
/// - `e1` (experts, no times): M, E1, E2.
///
/// Participants carry `agegroup` (A and C `young`, B and S `old`), to compare by a speaker attribute.
public enum DynamicsFixtures {
    /// One utterance: speaker, start, end, text.
    private typealias Line = (speaker: String, start: Double?, end: Double?, text: String)

    /// The themes: `government` (plain terms), `surveillance` (a wildcard term) and `privacy`
    /// (a term in its apostrophe form).
    public static let codebook = """
        themes:
          - id: government
            label: Overheid
            terms: [overheid, loket]
          - id: surveillance
            label: Toezicht
            terms: [bewaking, camera*]
          - id: privacy
            label: Privacy
            terms: [privacy, camera's]
        """

    private static let g1: [Line] = [
        ("M", 0, 10, "Welkom allemaal, wie begint?"),
        ("A", 10, nil, "Ik vind de overheid te traag."),
        ("B", 16, 20, "Dat klopt niet helemaal."),
        ("O", 21, nil, "Even de microfoon."),
        ("A", 24, nil, "Nou, toch wel."),
        ("M", 30, 35, "Wat vinden jullie van de camera's op straat?"),
        ("B", nil, nil, "Die camera's zijn eng."),
        ("A", 40, nil, "Mee eens."),
    ]

    private static let g2: [Line] = [
        ("M", 100, 110, "Goedemorgen."),
        ("C", 110, 115, "Ik wil iets zeggen over bewaking."),
        ("A", 115, nil, "Ja."),
    ]

    private static let e1: [Line] = [
        ("M", nil, nil, "Wat ziet u?"),
        ("E1", nil, nil, "Veel risico."),
        ("E2", nil, nil, "Eens."),
        ("E1", nil, nil, "Zeker."),
    ]

    private static let ages = ["A": "young", "C": "young", "B": "old", "S": "old"]

    private static func transcript(_ id: String, group: String, speakers: [String], lines: [Line]) -> Transcript {
        let document = Document(id: id, title: id, format: .text, sourcePath: "\(id).txt", contentHash: id, attributes: ["group": group])
        let people = speakers.map { id in
            Speaker(
                id: id, role: id == "M" ? .moderator : id == "O" ? .observer : .participant,
                attributes: ages[id].map { ["agegroup": $0] } ?? [:])
        }
        let utterances = lines.enumerated().map { offset, line in
            Utterance(index: offset + 1, speakerID: line.speaker, start: line.start, end: line.end, text: line.text)
        }
        return Transcript(document: document, speakers: people, utterances: utterances)
    }

    /// A project with the three sessions, the codebook and round-1 codings: `government` on g1:5 and
    /// g1:2 (in that order), `surveillance` on g1:7 and g2:2, `privacy` on g1:8.
    public static func project(in folder: TemporaryDirectory) throws -> ProjectStore {
        let store = try ProjectStore.create(at: folder.file("dynamics.cda"))
        for transcript in [
            transcript("g1", group: "citizens", speakers: ["M", "A", "B", "S", "O"], lines: g1),
            transcript("g2", group: "citizens", speakers: ["M", "A", "S", "C"], lines: g2),
            transcript("e1", group: "experts", speakers: ["M", "E1", "E2"], lines: e1),
        ] {
            _ = try store.save(transcript, replace: false)
        }
        _ = try store.loadCodebook(Codebook.parse(codebook), actor: "a")
        for (document, utterance, code) in [
            ("g1", 5, "traag"), ("g1", 2, "traag"), ("g1", 7, "camera's eng"),
            ("g2", 2, "bewaking"), ("g1", 8, "instemming"),
        ] {
            _ = try store.addCoding(
                CodingRequest(fragment: Fragment(documentID: document, startUtterance: utterance), codeName: code, coder: "a"))
        }
        for (code, theme) in [
            ("traag", "government"), ("camera's eng", "surveillance"), ("bewaking", "surveillance"), ("instemming", "privacy"),
        ] {
            _ = try store.mapCode(code, toTheme: theme, actor: "a")
        }
        return store
    }
}
