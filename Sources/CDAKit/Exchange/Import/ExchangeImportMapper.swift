import Foundation

/// Maps a REFI-QDA project, written by `cda` or another tool, to what `cda` stores.
///
/// Text sources become documents (one utterance per non-empty line; how labels are read is the
/// `SourceReading`); positions are read in the unit the evidence supports (`SourcePositions`);
/// codes keep hierarchy, colour and description (a name in double quotes becomes an in-vivo code);
/// selections become fragments; cases give speakers their role and attributes; source variables
/// become document attributes; sets of codes become themes; notes become memos. What `cda` has no
/// place for is listed in `notMapped`, what is invalid or cannot be placed exactly in `leftOut`.
struct ExchangeImportMapper {
    /// The archive's name, for source paths.
    var file: String
    /// The XML file's name, for messages with a line (`x.qdpx/project.qde`).
    var xmlFile: String
    /// Who imports: the coder of codings that name no user.
    var actor: String
    /// The unit the user named for positions, or `nil` to decide per source.
    var positions: PositionUnit? = nil
    /// How source texts are read.
    var sources: SourceReading = .auto

    /// The plan for a project.
    ///
    /// - Parameters:
    ///   - project: The project as read.
    ///   - texts: The plain text of each text source by GUID, or why it has none.
    func plan(_ project: REFIProject, texts: [String: ImportedText]) -> ExchangeImportPlan {
        let users = UserDirectory(project.users, actor: actor)
        let notes = NoteIndex(project.notes)
        var plan = ExchangeImportPlan()
        plan.notMapped = project.skipped
        plan.leftOut = project.dropped
        plan.repairs = project.repairs
        plan.users = users.guids

        let tree = Self.codeEntries(project.codes)
        plan.codes = tree.entries
        plan.notMapped += tree.renamed
        var usedNotes: Set<String> = []
        for (code, _) in project.codes.flatMap({ $0.flattened() }) {
            guard let index = tree.index[code.guid], !plan.memos.contains(where: { $0.target == .code(index) }) else { continue }
            if let memo = notes.memo(code.noteRefs, on: .code(index), users: users) { plan.memos.append(memo) }
            usedNotes.formUnion(notes.known(code.noteRefs))
        }

        let cases = CaseSpeakers(project)
        var context = SourceContext(
            codes: tree.index, cases: cases, users: users, notes: notes,
            variables: Dictionary(project.variables.map { ($0.guid, $0.name) }, uniquingKeysWith: { first, _ in first }),
            origin: project.origin)
        for source in project.sources {
            let mapped = mapSource(source, text: texts[source.guid], context: context)
            context.documentIDs.formUnion(mapped.document.map { [$0.transcript.document.id] } ?? [])
            context.speakersSeen.formUnion(mapped.document?.transcript.speakers.map(\.id) ?? [])
            plan.add(mapped)
            usedNotes.formUnion(mapped.usedNotes)
        }
        let unusedCases = cases.names.subtracting(context.speakersSeen).sorted()
        if !unusedCases.isEmpty {
            plan.notMapped.append(
                "\(unusedCases.count) case(s) match no speaker label in the texts and were not imported: \(unusedCases.joined(separator: ", "))"
            )
        }

        let themes = Self.themes(project.sets, codes: tree.index, notes: notes, users: users)
        plan.themes = themes.entries
        plan.memos += themes.memos
        plan.notMapped += themes.notMapped
        usedNotes.formUnion(themes.usedNotes)

        let projectMemo = Self.projectMemo(project, usedNotes: usedNotes, notes: notes, users: users)
        plan.memos += projectMemo.memo.map { [$0] } ?? []
        plan.notMapped += projectMemo.notMapped
        return plan
    }

    /// `sources/NAME` for an `internal://NAME` path.
    static func entryPath(_ plainTextPath: String) -> String {
        "sources/" + plainTextPath.replacingOccurrences(of: "internal://", with: "")
    }

    /// A document id from a source name: the name without a text or document extension.
    static func documentID(_ name: String?, guid: String) -> String {
        var id = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let lowered = id.lowercased()
        for ext in [".txt", ".docx", ".doc", ".rtf", ".pdf", ".odt"] where lowered.hasSuffix(ext) {
            id = String(id.dropLast(ext.count))
        }
        return id.isEmpty ? "source-\(guid.prefix(8))" : id
    }

    /// A theme id from a label: lowercase letters and digits joined by hyphens.
    static func slug(_ label: String) -> String {
        var result = ""
        for character in label.lowercased() {
            if character.isLetter || character.isNumber {
                result.append(character)
            } else if !result.isEmpty, result.last != "-" {
                result.append("-")
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "theme" : result
    }

    /// `base`, or `base-2`, `base-3` … when `used` holds it.
    static func uniqueID(_ base: String, avoiding used: Set<String>) -> String {
        var candidate = base
        var number = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        return candidate
    }
}

extension ExchangeImportPlan {
    /// Adds what one source became.
    mutating func add(_ source: ExchangeImportMapper.SourceMapping) {
        if let document = source.document { documents.append(document) }
        codings += source.codings
        timeSpanCodings += source.timeSpanCodings
        memos += source.memos
        notMapped += source.notMapped
        leftOut += source.leftOut
        if let decided = source.positions { positions.append(decided) }
    }
}

extension String {
    /// `nil` for an empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
