import Foundation

/// The project's users by GUID, as coder and author names.
struct UserDirectory: Sendable {
    /// Names by GUID.
    private(set) var names: [String: String] = [:]
    /// GUIDs by name, for the plan.
    private(set) var guids: [String: String] = [:]
    /// Who imports: the name used when a file names no user.
    var actor: String

    init(_ users: [REFIProject.User], actor: String) {
        self.actor = actor
        for user in users {
            let name = user.name?.trimmingCharacters(in: .whitespaces).nilIfEmpty ?? "user-\(user.guid.prefix(8))"
            names[user.guid] = name
            guids[name] = user.guid
        }
    }

    /// The first of these users the project knows, else the importing actor.
    func name(_ candidates: String?...) -> String {
        candidates.lazy.compactMap { $0.flatMap { names[$0] } }.first ?? actor
    }
}

/// The project's notes by GUID.
struct NoteIndex: Sendable {
    private let notes: [String: REFIProject.Note]

    init(_ notes: [REFIProject.Note]) {
        self.notes = Dictionary(notes.map { ($0.guid, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The note with this GUID.
    subscript(guid: String) -> REFIProject.Note? { notes[guid] }

    /// The texts of the notes these references name, in order; unknown references are skipped.
    func texts(_ refs: [String]) -> [String] { refs.compactMap { notes[$0]?.text } }

    /// The references that name a note.
    func known(_ refs: [String]) -> Set<String> { Set(refs.filter { notes[$0] != nil }) }

    /// A memo on `target` from an optional text and the notes referenced, or `nil` when both are empty.
    func memo(_ refs: [String], on target: ExchangeImportPlan.MemoTarget, extra: String? = nil, users: UserDirectory) -> ExchangeImportPlan
        .MemoEntry?
    {
        let parts = [extra?.nilIfEmpty].compactMap { $0 } + texts(refs)
        guard !parts.isEmpty else { return nil }
        let author = refs.lazy.compactMap { self.notes[$0]?.creatingUser }.first.map { users.name($0) } ?? users.actor
        return .init(target: target, text: parts.joined(separator: "\n\n"), author: author, guid: refs.first)
    }
}

/// The project's cases as speakers, by case name.
struct CaseSpeakers: Sendable {
    /// Each case's GUID and the speaker it describes.
    private(set) var byName: [String: (guid: String, speaker: Speaker)] = [:]

    init(_ project: REFIProject) {
        let variables = Dictionary(project.variables.map { ($0.guid, $0.name) }, uniquingKeysWith: { first, _ in first })
        for item in project.cases {
            guard let name = item.name?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { continue }
            var speaker = Speaker(id: name, name: item.description?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty)
            for value in item.values {
                guard let key = variables[value.variable] else { continue }
                if key == "role", let role = SpeakerRole(parsing: value.value) {
                    speaker.role = role
                } else if !value.value.isEmpty {
                    speaker.attributes[key] = value.value
                }
            }
            byName[name] = (item.guid, speaker)
        }
    }

    /// The case names, which label turns in the texts.
    var names: Set<String> { Set(byName.keys) }
}
