import Foundation

extension ExchangeImportMapper {
    /// What the sets became.
    struct ThemeMapping {
        var entries: [ExchangeImportPlan.ThemeEntry] = []
        var memos: [ExchangeImportPlan.MemoEntry] = []
        var notMapped: [String] = []
        var usedNotes: Set<String> = []
    }

    /// A set of codes (or notes) is a theme, its member notes the theme's memos (a note named
    /// `… / group: G` the theme × group summary); a set of sources only is left out.
    static func themes(_ sets: [REFIProject.CodeSet], codes: [String: Int], notes: NoteIndex, users: UserDirectory) -> ThemeMapping {
        var result = ThemeMapping()
        var ids: Set<String> = []
        for set in sets {
            let members = set.memberCodes.compactMap { codes[$0] }
            guard !members.isEmpty || !set.memberNotes.isEmpty else {
                result.notMapped.append("set '\(set.name)' groups sources, not codes; not imported")
                continue
            }
            let index = result.entries.count
            let id = uniqueID(slug(set.name), avoiding: ids)
            ids.insert(id)
            result.entries.append(.init(guid: set.guid, id: id, label: set.name, description: set.description ?? "", codes: members))
            for ref in set.memberNotes {
                guard let note = notes[ref] else { continue }
                result.usedNotes.insert(ref)
                result.memos.append(
                    .init(
                        target: memoTarget(theme: index, noteName: note.name ?? ""), text: note.text,
                        author: note.creatingUser.map { users.name($0) } ?? users.actor, guid: ref))
            }
        }
        return result
    }

    private static func memoTarget(theme index: Int, noteName: String) -> ExchangeImportPlan.MemoTarget {
        guard let marker = noteName.range(of: " / group: ", options: .backwards) else { return .theme(index) }
        return .themeGroup(index, group: String(noteName[marker.upperBound...]))
    }

    /// The project memo: the project's description, its notes, and notes attached to nothing else.
    static func projectMemo(
        _ project: REFIProject, usedNotes: Set<String>, notes: NoteIndex, users: UserDirectory
    ) -> (memo: ExchangeImportPlan.MemoEntry?, notMapped: [String]) {
        let projectNotes = project.noteRefs.compactMap { notes[$0] }
        let used = usedNotes.union(projectNotes.map(\.guid))
        let loose = project.notes.filter { !used.contains($0.guid) }
        var parts = projectNotes.map(\.text)
        if let description = project.description?.nilIfEmpty { parts.insert(description, at: 0) }
        parts += loose.map { note in note.name.map { "\($0)\n\n\(note.text)" } ?? note.text }
        let notMapped = loose.isEmpty ? [] : ["\(loose.count) note(s) attached to nothing cda keeps were added to the project memo"]
        guard !parts.isEmpty else { return (nil, notMapped) }
        let author = (projectNotes.first ?? loose.first)?.creatingUser.map { users.name($0) } ?? users.actor
        return (.init(target: .project, text: parts.joined(separator: "\n\n"), author: author, guid: projectNotes.first?.guid), notMapped)
    }
}
