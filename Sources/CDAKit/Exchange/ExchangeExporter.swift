import Foundation

/// Turns a project snapshot into a REFI-QDA project: the mapping documented in the README.
///
/// Codes (active and retired) keep their hierarchy, colour and description; an in-vivo code's
/// name is written in double quotes. Codings on merged codes count for the code they were merged
/// into. Each coded fragment is one `PlainTextSelection` with one `Coding` per code and coder.
/// Themes are `Set`s of codes. Speakers are `Case`s with `Variable`s (`role` and their
/// attributes); document attributes are variables of the `TextSource`. Memos are `Note`s.
struct ExchangeExporter {
    /// What an export produced.
    struct Output {
        var project: REFIProject
        /// Plain texts of the sources by archive entry (`sources/GUID.txt`).
        var files: [(path: String, text: String)]
        /// Recordings to copy into the archive: entry (`sources/GUID.ogg`) and the file on disk.
        var recordings: [(path: String, file: String)] = []
        /// What REFI-QDA cannot carry, in words.
        var omitted: [String]
        var counts: ExchangeExportResult.Counts
    }

    var snapshot: ExchangeSnapshot
    var registry: GUIDRegistry
    /// The unit positions are written in: code points (the standard's characters) unless a tool
    /// needs UTF-16 code units.
    var positions: PositionUnit = .codePoints
    /// The recordings linked to documents, found where the project says, by document id, with
    /// their absolute paths: such a document is written as an audio or video source.
    var recordings: [String: (link: MediaLink, file: String)] = [:]

    /// Builds the REFI-QDA project.
    ///
    /// - Parameter name: The project's name (the project file's base name).
    mutating func export(name: String) -> Output {
        var project = REFIProject(name: name, origin: "cda \(CDAVersion.current)", creationDateTime: snapshot.createdAt)
        var omitted: [String] = []
        var counts = ExchangeExportResult.Counts()
        let resolve = resolver()
        let exported = snapshot.codes.filter { $0.status != .merged }
        let merged = snapshot.codes.count - exported.count
        if merged > 0 {
            omitted.append("\(merged) merged code(s) are not exported; their codings count for the codes they were merged into")
        }
        let retired = exported.filter { $0.status == .retired }.count
        if retired > 0 { omitted.append("\(retired) retired code(s) are exported as ordinary codes (REFI-QDA has no code status)") }

        // Users: coders and memo authors.
        var userNames = Set(snapshot.codings.map(\.coder) + snapshot.timeSpanCodings.map(\.coder))
        userNames.formUnion(snapshot.memos.map(\.author))
        project.users = userNames.sorted().map { REFIProject.User(guid: registry.guid(.user, $0), name: $0) }
        let userGUID = Dictionary(uniqueKeysWithValues: project.users.map { ($0.name ?? "", $0.guid) })

        // Notes: one per memo.
        var noteGUIDs: [String: [String]] = [:]
        let themeLabels = Dictionary(uniqueKeysWithValues: snapshot.themes.map { ($0.id, $0.label) })
        for memo in snapshot.memos {
            let guid = registry.guid(.note, "\(memo.kind):\(memo.target):\(memo.group)")
            var target = memo.target
            var name: String
            switch memo.kind {
            case "project": name = "Project memo"
            case "code":
                let code = Int64(memo.target).flatMap(resolve)
                target = code.map { String($0.id) } ?? memo.target
                name = "Memo: \(code?.name ?? memo.target)"
            case "document": name = "Memo: \(memo.target)"
            case "theme": name = "Theme: \(themeLabels[memo.target] ?? memo.target)"
            default: name = "Theme: \(themeLabels[memo.target] ?? memo.target) / group: \(memo.group)"
            }
            project.notes.append(
                REFIProject.Note(
                    guid: guid, name: name, text: memo.text, creatingUser: userGUID[memo.author], creationDateTime: memo.updatedAt))
            noteGUIDs["\(memo.kind == "theme-group" ? "theme" : memo.kind):\(target)", default: []].append(guid)
        }
        project.noteRefs = noteGUIDs["project:"] ?? []

        // Codes and themes.
        let visited = addCodes(exported, resolve: resolve, noteGUIDs: noteGUIDs, to: &project)
        counts.codes = visited.count
        addSets(resolve: resolve, exportedCodes: visited, noteGUIDs: noteGUIDs, to: &project)
        counts.themes = project.sets.count
        if snapshot.hasTermsOrQuestions {
            omitted.append("research questions and sensitising terms are not exported (REFI-QDA has no place for them)")
        }

        // Variables: speaker role and attributes, document attributes and titles.
        var variableNames: Set<String> = ["role"]
        for speaker in snapshot.speakers { variableNames.formUnion(speaker.attributes.keys) }
        for document in snapshot.documents {
            variableNames.formUnion(document.attributes.keys)
            if document.title != document.id { variableNames.insert("title") }
        }
        let variableGUID = Dictionary(uniqueKeysWithValues: variableNames.sorted().map { ($0, registry.guid(.variable, $0)) })
        project.variables = variableNames.sorted().map { REFIProject.Variable(guid: variableGUID[$0]!, name: $0) }

        // Sources with their selections.
        var speakerDocuments: [String: [String]] = [:]
        var files: [(path: String, text: String)] = []
        var replaced = 0
        var mediaFiles: [(path: String, file: String)] = []
        for document in snapshot.documents {
            let utterances = snapshot.utterances[document.id] ?? []
            let layout = PlainTextLayout(utterances: utterances.map { ($0.speakerID, $0.text) })
            replaced += layout.replacedLineBreaks
            let guid = registry.guid(.document, document.id)
            for speaker in Set(utterances.compactMap(\.speakerID)) { speakerDocuments[speaker, default: []].append(guid) }
            var values = document.attributes.sorted { $0.key < $1.key }.map {
                REFIProject.VariableValue(variable: variableGUID[$0.key]!, value: $0.value)
            }
            if document.title != document.id { values.append(.init(variable: variableGUID["title"]!, value: document.title)) }
            var source = REFIProject.TextSource(
                guid: guid, name: document.id, plainTextPath: "internal://\(guid).txt",
                noteRefs: noteGUIDs["document:\(document.id)"] ?? [], values: values)
            source.selections = selections(
                for: document.id, layout: layout, resolve: resolve, userGUID: userGUID, project: &project, counts: &counts)
            if let (link, file) = recordings[document.id] {
                let entry = "\(guid).\(URL(fileURLWithPath: file).pathExtension.lowercased())"
                source.recording = recording(
                    of: document.id, link: link, path: "internal://\(entry)", layout: layout, utterances: utterances,
                    selections: source.selections)
                source.recording?.timeSelections = timeSelections(
                    for: document.id, resolve: resolve, userGUID: userGUID, project: &project, counts: &counts)
                mediaFiles.append(("sources/\(entry)", file))
            }
            project.sources.append(source)
            files.append(("sources/\(guid).txt", layout.text))
        }
        counts.documents = snapshot.documents.count
        if replaced > 0 { omitted.append("\(replaced) line break(s) inside utterances were written as spaces (one line per utterance)") }
        let untimed = snapshot.documents.filter { recordings[$0.id] == nil }.compactMap { snapshot.utterances[$0.id] }
        if untimed.contains(where: { $0.contains { $0.start != nil || $0.end != nil } }) {
            omitted.append(
                "utterance times of documents without a recording are not exported (the plain text has one line per utterance)")
        }
        let unexported = snapshot.timeSpanCodings.filter { recordings[$0.span.documentID] == nil }.count
        if unexported > 0 {
            omitted.append(
                "\(unexported) time-span coding(s) of documents whose recording is not found are not exported (a time selection needs its recording)"
            )
        }
        if snapshot.utterances.values.contains(where: { $0.contains { $0.section != nil } }) {
            omitted.append("sections are not exported (the plain text has one line per utterance)")
        }

        // Cases: speakers.
        for speaker in snapshot.speakers {
            var values = [REFIProject.VariableValue(variable: variableGUID["role"]!, value: speaker.role.rawValue)]
            values += speaker.attributes.sorted { $0.key < $1.key }.map { .init(variable: variableGUID[$0.key]!, value: $0.value) }
            project.cases.append(
                REFIProject.Case(
                    guid: registry.guid(.speaker, speaker.id), name: speaker.id,
                    description: speaker.name == speaker.id ? nil : speaker.name, values: values,
                    sourceRefs: speakerDocuments[speaker.id] ?? []))
        }
        counts.speakers = snapshot.speakers.count
        counts.notes = project.notes.count
        counts.users = project.users.count
        if snapshot.rounds.count > 1 {
            omitted.append(
                "codings of rounds \(snapshot.rounds.sorted().map(String.init).joined(separator: " and ")) are exported together (REFI-QDA has no rounds; use --round to export one)"
            )
        }
        if snapshot.selectedFragments > 0 { omitted.append("\(snapshot.selectedFragments) exemplar selection(s) are not exported") }
        return Output(project: project, files: files, recordings: mediaFiles, omitted: omitted, counts: counts)
    }

    /// The recording part of a document's source: a sync point where each utterance starts
    /// (with its time in the recording, in milliseconds, when the transcript has one) and one at
    /// each selection's start and end, so that selections keep their exact characters.
    private mutating func recording(
        of document: String, link: MediaLink, path: String, layout: PlainTextLayout, utterances: [Utterance],
        selections: [REFIProject.Selection]
    ) -> REFIProject.Recording {
        var times: [Int: Int] = [:]
        let starts = layout.textStarts(in: positions)
        for (position, utterance) in zip(starts, utterances) {
            guard let start = utterance.start else { continue }
            let milliseconds = ((start + link.offset) * 1000).rounded()
            if milliseconds >= 0, milliseconds < 1e15 { times[position] = times[position] ?? Int(milliseconds) }
        }
        let points = Set(starts).union(selections.flatMap { [$0.start, $0.end] }).sorted().map { position in
            REFIProject.SyncPoint(
                guid: registry.guid(.selection, "\(document)\tsync\t\(position)"), position: position, timeStamp: times[position])
        }
        return REFIProject.Recording(
            kind: link.kind, path: path, transcriptGUID: registry.guid(.document, "\(document)\ttranscript"), syncPoints: points)
    }

    /// The code system and themes only, for a `.qdc` codebook.
    mutating func exportCodebook(name: String) -> Output {
        var project = REFIProject(name: name, origin: "cda \(CDAVersion.current)", creationDateTime: snapshot.createdAt)
        let resolve = resolver()
        let visited = addCodes(snapshot.codes.filter { $0.status != .merged }, resolve: resolve, noteGUIDs: [:], to: &project)
        addSets(resolve: resolve, exportedCodes: visited, noteGUIDs: [:], to: &project)
        var counts = ExchangeExportResult.Counts()
        counts.codes = visited.count
        counts.themes = project.sets.count
        var omitted = ["memos are not part of a codebook; export a project (.qdpx) to keep them"]
        if snapshot.hasTermsOrQuestions {
            omitted.append("research questions and sensitising terms are not exported (REFI-QDA has no place for them)")
        }
        return Output(project: project, files: [], omitted: omitted, counts: counts)
    }

    /// Follows merges from a code id to the code that holds its codings.
    private func resolver() -> (Int64) -> Code? {
        let codesByID = Dictionary(uniqueKeysWithValues: snapshot.codes.map { ($0.id, $0) })
        return { id in codesByID[id]?.followingMerges { codesByID[$0] } }
    }

    /// Adds codes nested by parent (a parent that is not exported is resolved through merges);
    /// returns the ids of the codes written.
    private mutating func addCodes(
        _ exported: [Code], resolve: (Int64) -> Code?, noteGUIDs: [String: [String]], to project: inout REFIProject
    ) -> Set<Int64> {
        var children: [Int64?: [Code]] = [:]
        for code in exported {
            var parent = code.parentID.flatMap(resolve).map(\.id)
            if parent == code.id || parent.map({ id in !exported.contains { $0.id == id } }) == true { parent = nil }
            children[parent, default: []].append(code)
        }
        var visited: Set<Int64> = []
        func node(_ code: Code) -> REFIProject.Code {
            visited.insert(code.id)
            let kids = (children[code.id] ?? []).filter { !visited.contains($0.id) }.sorted { $0.name < $1.name }
            return REFIProject.Code(
                guid: registry.guid(.code, String(code.id)),
                name: CodeName.written(code.name, origin: code.origin), color: REFIColor.valid(code.color),
                description: code.description.isEmpty ? nil : code.description,
                noteRefs: noteGUIDs["code:\(code.id)"] ?? [], children: kids.map(node))
        }
        project.codes = (children[nil] ?? []).sorted { $0.name < $1.name }.map(node)
        for code in exported where !visited.contains(code.id) { project.codes.append(node(code)) }
        return visited
    }

    /// Adds one set per theme with its codes and memos.
    private mutating func addSets(
        resolve: (Int64) -> Code?, exportedCodes: Set<Int64>, noteGUIDs: [String: [String]], to project: inout REFIProject
    ) {
        for theme in snapshot.themes {
            let members = Set(theme.codeIDs.compactMap { resolve($0)?.id }).filter { exportedCodes.contains($0) }.sorted()
            project.sets.append(
                REFIProject.CodeSet(
                    guid: registry.guid(.theme, theme.id), name: theme.label,
                    description: theme.description.isEmpty ? nil : theme.description,
                    memberCodes: members.map { registry.guid(.code, String($0)) }, memberNotes: noteGUIDs["theme:\(theme.id)"] ?? []))
        }
    }

    /// One selection per coded fragment of a document, with a coding per code and coder.
    private mutating func selections(
        for document: String, layout: PlainTextLayout, resolve: (Int64) -> Code?, userGUID: [String: String],
        project: inout REFIProject, counts: inout ExchangeExportResult.Counts
    ) -> [REFIProject.Selection] {
        struct Key: Hashable {
            var code: Int64
            var coder: String
        }
        var byFragment: [Fragment: [Key: Coding]] = [:]
        for coding in snapshot.codings where coding.fragment.documentID == document {
            guard let code = resolve(coding.codeID), code.status != .merged else { continue }
            let key = Key(code: code.id, coder: coding.coder)
            if let existing = byFragment[coding.fragment]?[key] {
                if existing.createdAt <= coding.createdAt, existing.memo != nil || coding.memo == nil { continue }
                var kept = existing.createdAt <= coding.createdAt ? existing : coding
                kept.memo = existing.memo ?? coding.memo
                byFragment[coding.fragment]![key] = kept
            } else {
                byFragment[coding.fragment, default: [:]][key] = coding
            }
        }
        var result: [REFIProject.Selection] = []
        for fragment in byFragment.keys.sorted() {
            let range = layout.positions(of: fragment, in: positions)
            let codings = byFragment[fragment]!.sorted { ($0.key.code, $0.key.coder) < ($1.key.code, $1.key.coder) }
            var selection = REFIProject.Selection(
                guid: registry.guid(.selection, fragment.description), start: range.lowerBound, end: range.upperBound,
                creatingUser: userGUID[codings.map(\.value).min { $0.createdAt < $1.createdAt }!.coder],
                creationDateTime: codings.map(\.value.createdAt).min())
            for (key, coding) in codings {
                selection.codings.append(
                    refiCoding(
                        key: "\(fragment)|\(key.code)|\(key.coder)", code: key.code, coder: key.coder, createdAt: coding.createdAt,
                        memo: coding.memo, userGUID: userGUID, project: &project))
                counts.codings += 1
            }
            result.append(selection)
            counts.selections += 1
        }
        return result
    }

    /// One time selection per coded span of a document's recording (`begin` and `end` in
    /// milliseconds), with a coding per code and coder; the earliest of twins is kept.
    private mutating func timeSelections(
        for document: String, resolve: (Int64) -> Code?, userGUID: [String: String], project: inout REFIProject,
        counts: inout ExchangeExportResult.Counts
    ) -> [REFIProject.Selection] {
        var bySpan: [TimeSpan: [String: TimeSpanCoding]] = [:]  // span → "code|coder" → coding
        var codeOf: [String: Int64] = [:]
        for coding in snapshot.timeSpanCodings where coding.span.documentID == document {
            guard let code = resolve(coding.codeID), code.status != .merged else { continue }
            let key = "\(code.id)|\(coding.coder)"
            codeOf[key] = code.id
            if let existing = bySpan[coding.span]?[key], existing.createdAt <= coding.createdAt { continue }
            bySpan[coding.span, default: [:]][key] = coding
        }
        var result: [REFIProject.Selection] = []
        for span in bySpan.keys.sorted() {
            let codings = bySpan[span]!.sorted { $0.key < $1.key }
            let first = codings.map(\.value).min { $0.createdAt < $1.createdAt }!
            var selection = REFIProject.Selection(
                guid: registry.guid(.selection, span.description), name: codings.map(\.value.code).joined(separator: ", "),
                start: span.startMilliseconds, end: span.endMilliseconds, creatingUser: userGUID[first.coder],
                creationDateTime: first.createdAt)
            for (key, coding) in codings {
                let codeID = codeOf[key] ?? coding.codeID
                selection.codings.append(
                    refiCoding(
                        key: "\(span)|\(codeID)|\(coding.coder)", code: codeID, coder: coding.coder, createdAt: coding.createdAt,
                        memo: coding.memo, userGUID: userGUID, project: &project))
                counts.codings += 1
            }
            result.append(selection)
            counts.selections += 1
        }
        return result
    }

    /// One coding of a selection, its memo as a note of the project; `key` makes its GUIDs stable.
    private mutating func refiCoding(
        key: String, code: Int64, coder: String, createdAt: String, memo: String?, userGUID: [String: String],
        project: inout REFIProject
    ) -> REFIProject.Coding {
        var coding = REFIProject.Coding(
            guid: registry.guid(.coding, key), codeRef: registry.guid(.code, String(code)), creatingUser: userGUID[coder],
            creationDateTime: createdAt)
        if let memo, !memo.isEmpty {
            let note = registry.guid(.note, "coding:\(key)")
            project.notes.append(
                REFIProject.Note(
                    guid: note, name: "Memo on a coding", text: memo, creatingUser: userGUID[coder], creationDateTime: createdAt))
            coding.noteRefs = [note]
        }
        return coding
    }
}
