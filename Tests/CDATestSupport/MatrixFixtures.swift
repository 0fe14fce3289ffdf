public import CDAKit

/// The coding fixture (`CodingFixtures`) with codings whose matrix and co-occurrence figures are
/// counted by hand in `CodeMatrixTests` and `CoOccurrenceTests`.
///
/// Round 1: `overheid` on cit:1 (the moderator), cit:2 and exp:4; `snelheid` on cit:2 [0,21)
/// ("De overheid moet snel") and exp:2 [0,11) ("Efficiëntie"); `china` on cit:3 to cit:4 [0,3)
/// ("Wij"); `chinees` on cit:3, merged into `china`; `wij-zij` on cit:4 and on cit:4 [4,16)
/// ("Nederlanders"); `mattheüs` on exp:3 [4,18) and `ongelijkheid` on exp:3 [29,41), side by side;
/// `oud` on cit:5, retired. Round 2: `overheid` on exp:2. Themes: digital-government ←
/// overheid, snelheid; china-image ← china, wij-zij; inequality ← mattheüs, ongelijkheid.
public enum MatrixFixtures {
    /// Builds the project in `folder` (file `p.cda`).
    public static func project(in folder: TemporaryDirectory) throws -> ProjectStore {
        let store = try CodingFixtures.project(in: folder)
        _ = try store.loadCodebook(Codebook.parse(CodingFixtures.codebook), actor: "t")
        func add(_ document: String, _ from: Int, to: Int? = nil, start: Int? = nil, end: Int? = nil, code: String) throws {
            _ = try store.addCoding(
                CodingRequest(
                    fragment: Fragment(documentID: document, startUtterance: from, startOffset: start, endUtterance: to, endOffset: end),
                    codeName: code, coder: "a"))
        }
        try add("cit", 1, code: "overheid")
        try add("cit", 2, code: "overheid")
        try add("exp", 4, code: "overheid")
        try add("cit", 2, start: 0, end: 21, code: "snelheid")
        try add("exp", 2, start: 0, end: 11, code: "snelheid")
        try add("cit", 3, to: 4, start: 0, end: 3, code: "china")
        try add("cit", 3, code: "chinees")
        try add("cit", 4, code: "wij-zij")
        try add("cit", 4, start: 4, end: 16, code: "wij-zij")
        try add("exp", 3, start: 4, end: 18, code: "mattheüs")
        try add("exp", 3, start: 29, end: 41, code: "ongelijkheid")
        try add("cit", 5, code: "oud")
        _ = try store.mergeCodes(["chinees"], into: "china", actor: "t")
        _ = try store.retireCode("oud", actor: "t")
        for (code, theme) in [
            ("overheid", "digital-government"), ("snelheid", "digital-government"), ("china", "china-image"), ("wij-zij", "china-image"),
            ("mattheüs", "inequality"), ("ongelijkheid", "inequality"),
        ] {
            try store.mapCode(code, toTheme: theme, actor: "t")
        }
        _ = try store.startRound(2, themes: [])
        _ = try store.addCoding(CodingRequest(fragment: Fragment(documentID: "exp", startUtterance: 2), codeName: "overheid", coder: "a"))
        return store
    }
}
