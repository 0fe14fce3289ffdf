public import CDAKit

/// A small two-group corpus with known words, for coding, consolidation and report tests.
public enum CodingFixtures {
    /// Citizens: moderator M, participants C1, C2, C3 (C3 never speaks about China).
    public static let citizens = """
        # id: cit
        # group: citizens
        # moderator: M
        # speakers: M, C1, C2, C3

        ## plenary
        M: Wat vindt u van de overheid?
        C1: De overheid moet snel reageren, één loket is genoeg.
        C2: China is een nachtmerrie met dat sociaal kredietsysteem.
        C1: Wij Nederlanders pikken dat niet.
        C3: Naïef of niet, ik wil gewoon contact.
        """

    /// Experts: moderator M, participants E1, E2.
    public static let experts = """
        # id: exp
        # group: experts
        # moderator: M
        # speakers: M, E1, E2

        ## plenary
        M: Wat ziet u als risico?
        E1: Efficiëntie is geen publieke waarde op zich.
        E2: Het mattheüseffect versterkt ongelijkheid.
        E1: Regulering helpt, maar toezicht loopt achter.
        """

    /// A codebook with three themes and research questions.
    public static let codebook = """
        research_questions:
          - id: rq1
            text: Hoe zien burgers en experts de digitale overheid?
        themes:
          - id: digital-government
            label: Vertrouwen in de digitale overheid
            research_questions: [rq1]
            terms: [overheid, loket, toezicht]
          - id: china-image
            label: China als dystopie
            terms: [china, kredietsysteem, surveillance]
          - id: inequality
            label: Ongelijkheid
            terms: [ongelijkheid, verliezers]
        """

    /// A project with both transcripts ingested.
    public static func project(in folder: TemporaryDirectory) throws -> ProjectStore {
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        for (name, text) in [("cit.txt", citizens), ("exp.txt", experts)] {
            let transcript = try PlainTextReader().read(SourceFile(path: name, bytes: Array(text.utf8)), options: ReadOptions())
            _ = try store.save(transcript, replace: false)
        }
        return store
    }
}
