import Foundation

/// Maps a REFI-QDA project, written by `cda` or another tool, to what `cda` stores.
///
/// Text sources become documents (one utterance per line, a `Label: ` prefix becomes the speaker
/// when it is a case's name, or, in files from other tools, when it holds a digit or starts two
/// or more lines); codes keep hierarchy, colour and description (a name in double quotes becomes an
/// in-vivo code); selections become fragments; cases give speakers their role and attributes;
/// source variables become document attributes; sets of codes become themes; notes become memos.
/// Everything else is listed in `notMapped`.
struct ExchangeImportMapper {
    /// The archive's name, for source paths and messages.
    var file: String
    /// Who imports: the coder of codings that name no user.
    var actor: String

    /// The plan for a project.
    ///
    /// - Parameter texts: The plain text of each text source by GUID, or why it could not be read.
    func plan(_ project: REFIProject, texts: [String: Result<String, ExchangeError>]) -> ExchangeImportPlan {
        var plan = ExchangeImportPlan()
        plan.notMapped = project.skipped
        var users: [String: String] = [:]
        for user in project.users {
            let name = user.name?.trimmingCharacters(in: .whitespaces).nilIfEmpty ?? "user-\(user.guid.prefix(8))"
            users[user.guid] = name
            plan.users[name] = user.guid
        }
        func userName(_ guid: String?...) -> String {
            guid.lazy.compactMap { $0.flatMap { users[$0] } }.first ?? actor
        }
        let codeIndex = addCodes(project.codes, to: &plan)

        // Notes, and which of them are used.
        let notes = Dictionary(project.notes.map { ($0.guid, $0) }, uniquingKeysWith: { first, _ in first })
        var usedNotes: Set<String> = []
        func noteTexts(_ refs: [String]) -> [String] {
            refs.compactMap { ref in
                guard let note = notes[ref] else { return nil }
                usedNotes.insert(ref)
                return note.text
            }
        }
        func memo(_ refs: [String], target: ExchangeImportPlan.MemoTarget, extra: String? = nil) {
            let texts = ([extra].compactMap { $0?.nilIfEmpty }) + noteTexts(refs)
            guard !texts.isEmpty else { return }
            let author = refs.lazy.compactMap { notes[$0]?.creatingUser }.first.map { userName($0) } ?? actor
            plan.memos.append(.init(target: target, text: texts.joined(separator: "\n\n"), author: author, guid: refs.first))
        }
        var memoCodes: Set<String> = []
        for (code, _) in project.codes.flatMap({ $0.flattened() }) where memoCodes.insert(code.guid).inserted {
            if let index = codeIndex[code.guid] { memo(code.noteRefs, target: .code(index)) }
        }

        // Speakers from cases; variables by GUID.
        let variables = Dictionary(project.variables.map { ($0.guid, $0.name) }, uniquingKeysWith: { first, _ in first })
        var cases: [String: (guid: String, speaker: Speaker)] = [:]
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
            cases[name] = (item.guid, speaker)
        }
        let fromCDA = project.origin?.hasPrefix("cda") == true
        var documentIDs: Set<String> = []
        var speakersSeen: Set<String> = []
        for source in project.sources {
            let label = "text source '\(source.name ?? source.guid)'" + (source.line.map { " (line \($0))" } ?? "")
            let text: String
            switch texts[source.guid] {
            case .success(let found)?: text = found
            case .failure(let error)?:
                plan.notMapped.append("\(label): \(error.description)")
                continue
            case nil:
                plan.notMapped.append("\(label): no plain text (neither PlainTextContent nor an internal plainTextPath); not imported")
                continue
            }
            let layout = PlainTextLayout(parsing: text, knownLabels: Set(cases.keys), guessLabels: !fromCDA)
            guard !layout.lines.isEmpty else {
                plan.notMapped.append("\(label): the text is empty; not imported")
                continue
            }
            let id = uniqueID(Self.documentID(source.name, guid: source.guid), in: &documentIDs)
            var attributes: [String: String] = [:]
            var title = id
            for value in source.values {
                guard let key = variables[value.variable], !value.value.isEmpty else { continue }
                if key == "title" { title = value.value } else { attributes[key] = value.value }
            }
            let utterances = layout.lines.enumerated().map { index, line in
                Utterance(index: index + 1, speakerID: line.label, start: line.time, text: line.text)
            }
            var speakers: [Speaker] = []
            var speakerGUIDs: [String: String] = [:]
            for speakerID in utterances.compactMap(\.speakerID) where !speakers.contains(where: { $0.id == speakerID }) {
                speakers.append(cases[speakerID]?.speaker ?? Speaker(id: speakerID))
                speakerGUIDs[speakerID] = cases[speakerID]?.guid
                speakersSeen.insert(speakerID)
            }
            let document = Document(
                id: id, title: title, format: .text, sourcePath: "\(file)/\(source.plainTextPath.map(Self.entryPath) ?? "project.qde")",
                contentHash: SHA256.hexDigest(of: Array(text.utf8)), attributes: attributes)
            plan.documents.append(.init(
                transcript: Transcript(document: document, speakers: speakers, utterances: utterances),
                guid: source.guid, speakerGUIDs: speakerGUIDs))
            memo(source.noteRefs, target: .document(id), extra: source.description)

            var trimmed = 0
            for selection in source.selections {
                guard let (fragment, wasTrimmed) = layout.fragment(document: id, start: selection.start, end: selection.end) else {
                    plan.notMapped.append("line \(selection.line ?? 0): a selection (\(selection.start)–\(selection.end)) in '\(id)' covers no utterance text; not imported")
                    continue
                }
                if wasTrimmed { trimmed += 1 }
                let selectionMemo = ([selection.description?.nilIfEmpty].compactMap { $0 } + noteTexts(selection.noteRefs)).joined(separator: "\n\n").nilIfEmpty
                for coding in selection.codings {
                    guard let code = codeIndex[coding.codeRef] else {
                        plan.notMapped.append("line \(selection.line ?? 0): a coding refers to code \(coding.codeRef), which the codebook does not define; not imported")
                        continue
                    }
                    plan.codings.append(.init(
                        fragment: fragment, code: code, coder: userName(coding.creatingUser, selection.creatingUser, source.creatingUser),
                        memo: noteTexts(coding.noteRefs).joined(separator: "\n\n").nilIfEmpty ?? selectionMemo,
                        createdAt: coding.creationDateTime ?? selection.creationDateTime, selectionGUID: selection.guid, guid: coding.guid))
                }
            }
            if trimmed > 0 { plan.notMapped.append("\(trimmed) selection(s) in '\(id)' began or ended inside a speaker label or line break and were trimmed to the utterance text") }
            let whole = Fragment(documentID: id, startUtterance: 1, endUtterance: layout.lines.count)
            for coding in source.codings {
                guard let code = codeIndex[coding.codeRef] else { continue }
                plan.codings.append(.init(
                    fragment: whole, code: code, coder: userName(coding.creatingUser, source.creatingUser),
                    memo: noteTexts(coding.noteRefs).joined(separator: "\n\n").nilIfEmpty, createdAt: coding.creationDateTime, guid: coding.guid))
            }
        }
        let unusedCases = cases.keys.filter { !speakersSeen.contains($0) }.sorted()
        if !unusedCases.isEmpty {
            plan.notMapped.append("\(unusedCases.count) case(s) match no speaker label in the texts and were not imported: \(unusedCases.joined(separator: ", "))")
        }

        // Sets: a set of codes (or notes) is a theme; a set of sources only is left out.
        var themeIDs: Set<String> = []
        for set in project.sets {
            let codes = set.memberCodes.compactMap { codeIndex[$0] }
            guard !codes.isEmpty || !set.memberNotes.isEmpty else {
                plan.notMapped.append("set '\(set.name)' groups sources, not codes; not imported")
                continue
            }
            let index = plan.themes.count
            plan.themes.append(.init(
                guid: set.guid, id: uniqueID(Self.slug(set.name), in: &themeIDs), label: set.name,
                description: set.description ?? "", codes: codes))
            for ref in set.memberNotes {
                guard let note = notes[ref] else { continue }
                usedNotes.insert(ref)
                let name = note.name ?? ""
                let target: ExchangeImportPlan.MemoTarget
                if let marker = name.range(of: " / group: ", options: .backwards) {
                    target = .themeGroup(index, group: String(name[marker.upperBound...]))
                } else {
                    target = .theme(index)
                }
                plan.memos.append(.init(target: target, text: note.text, author: note.creatingUser.map { userName($0) } ?? actor, guid: ref))
            }
        }

        // The project memo: the project's notes, its description, and notes attached to nothing.
        let projectNotes = project.noteRefs.compactMap { notes[$0] }
        projectNotes.forEach { usedNotes.insert($0.guid) }
        let loose = project.notes.filter { !usedNotes.contains($0.guid) }
        var parts = projectNotes.map(\.text)
        if let description = project.description?.nilIfEmpty { parts.insert(description, at: 0) }
        parts += loose.map { note in note.name.map { "\($0)\n\n\(note.text)" } ?? note.text }
        if !parts.isEmpty {
            let author = (projectNotes.first ?? loose.first)?.creatingUser.map { userName($0) } ?? actor
            plan.memos.append(.init(target: .project, text: parts.joined(separator: "\n\n"), author: author, guid: projectNotes.first?.guid))
        }
        if !loose.isEmpty { plan.notMapped.append("\(loose.count) note(s) attached to nothing cda keeps were added to the project memo") }
        return plan
    }

    /// Adds the code tree; returns each code's position by GUID.
    private func addCodes(_ codes: [REFIProject.Code], to plan: inout ExchangeImportPlan) -> [String: Int] {
        var index: [String: Int] = [:]
        var names: Set<String> = []
        for (code, parent) in codes.flatMap({ $0.flattened() }) where index[code.guid] == nil {
            var name = code.name.trimmingCharacters(in: .whitespacesAndNewlines)
            var origin = CodeOrigin.analyst
            if name.count > 2, name.hasPrefix("\""), name.hasSuffix("\"") {
                name = String(name.dropFirst().dropLast())
                origin = .inVivo
            }
            if name.isEmpty { name = "code \(code.guid.prefix(8))" }
            let parentIndex = parent.flatMap { index[$0] }
            if names.contains(name) {
                let original = name
                let parentName = parentIndex.map { plan.codes[$0].name }
                name = parentName.map { "\(original) (\($0))" } ?? "\(original) (2)"
                var number = 2
                while names.contains(name) {
                    number += 1
                    name = "\(original) (\(number))"
                }
                plan.notMapped.append("code '\(original)' occurs more than once; this one is named '\(name)'")
            }
            names.insert(name)
            index[code.guid] = plan.codes.count
            plan.codes.append(.init(
                guid: code.guid, name: name, description: code.description ?? "", color: code.color, origin: origin, parent: parentIndex))
        }
        return index
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

    private func uniqueID(_ base: String, in used: inout Set<String>) -> String {
        var candidate = base
        var number = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }
}

extension String {
    /// `nil` for an empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
