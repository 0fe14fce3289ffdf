import Foundation

extension ExchangeImportMapper {
    /// What the mapping of one source needs from the rest of the project.
    struct SourceContext {
        /// Each code's position in the plan by GUID.
        var codes: [String: Int]
        var cases: CaseSpeakers
        var users: UserDirectory
        var notes: NoteIndex
        /// Variable names by GUID.
        var variables: [String: String]
        /// The project's `origin` attribute.
        var origin: String?
        /// Document ids given to earlier sources.
        var documentIDs: Set<String> = []
        /// Speakers found in earlier sources.
        var speakersSeen: Set<String> = []
    }

    /// What one source (or one of its selections) became.
    struct SourceMapping {
        var document: ExchangeImportPlan.DocumentEntry?
        var codings: [ExchangeImportPlan.CodingEntry] = []
        var timeSpanCodings: [ExchangeImportPlan.TimeSpanCodingEntry] = []
        var memos: [ExchangeImportPlan.MemoEntry] = []
        var notMapped: [String] = []
        var leftOut: [String] = []
        var positions: SourcePositions?
        var usedNotes: Set<String> = []

        mutating func merge(_ other: SourceMapping) {
            codings += other.codings
            timeSpanCodings += other.timeSpanCodings
            memos += other.memos
            notMapped += other.notMapped
            leftOut += other.leftOut
            usedNotes.formUnion(other.usedNotes)
        }
    }

    /// Maps a text source: its document, memo, position reading and codings.
    func mapSource(_ source: REFIProject.TextSource, text: ImportedText?, context: SourceContext) -> SourceMapping {
        var result = SourceMapping()
        let place = "\(xmlFile):\(source.line ?? 0): text source '\(source.name ?? source.guid)'"
        let body: String
        let hasByteOrderMark: Bool
        switch text {
        case .text(let found, let mark)?: (body, hasByteOrderMark) = (found, mark)
        case .external(let reference)?:
            result.notMapped.append("\(place) is outside the archive (\(reference)); cda reads only sources inside it; not imported")
            return result
        case .unreadable(let error)?:
            result.leftOut.append("\(place): \(error.description); not imported")
            return result
        case nil:
            result.notMapped.append("\(place) has no plain text (neither PlainTextContent nor an internal plainTextPath); not imported")
            return result
        }
        let layout = PlainTextLayout(
            parsing: body, knownLabels: sources == .text ? [] : context.cases.names, guessLabels: sources == .turns)
        guard !layout.lines.isEmpty else {
            result.notMapped.append("\(place): the text is empty; not imported")
            return result
        }
        let id = Self.uniqueID(Self.documentID(source.name, guid: source.guid), avoiding: context.documentIDs)
        result.document = documentEntry(source, id: id, text: body, layout: layout, context: context)
        if let memo = context.notes.memo(source.noteRefs, on: .document(id), extra: source.description, users: context.users) {
            result.memos.append(memo)
        }
        result.usedNotes.formUnion(context.notes.known(source.noteRefs))

        let indexed = SourceText(body, hasByteOrderMark: hasByteOrderMark)
        let decided = SourcePositions.decide(
            document: id, selections: source.selections.map { ($0.start, $0.end) }, text: indexed, origin: context.origin, forced: positions
        )
        result.positions = decided
        for selection in source.selections {
            result.merge(
                mapSelection(selection, of: source, document: id, layout: layout, text: indexed, reading: decided.reading, context: context)
            )
        }
        for selection in source.recording?.timeSelections ?? [] {
            result.merge(mapTimeSelection(selection, of: source, document: id, context: context))
        }
        let whole = Fragment(documentID: id, startUtterance: 1, endUtterance: layout.lines.count)
        for coding in source.codings {
            guard let code = context.codes[coding.codeRef] else {
                result.leftOut.append(
                    "\(place): coding \(coding.guid) refers to code \(coding.codeRef), which the codebook does not define; not imported")
                continue
            }
            result.codings.append(
                .init(
                    fragment: whole, code: code, coder: context.users.name(coding.creatingUser, source.creatingUser),
                    memo: context.notes.texts(coding.noteRefs).joined(separator: "\n\n").nilIfEmpty, createdAt: coding.creationDateTime,
                    guid: coding.guid))
            result.usedNotes.formUnion(context.notes.known(coding.noteRefs))
        }
        return result
    }

    /// The document a source's text becomes: one utterance per laid-out line.
    private func documentEntry(
        _ source: REFIProject.TextSource, id: String, text: String, layout: PlainTextLayout, context: SourceContext
    ) -> ExchangeImportPlan.DocumentEntry {
        let cases = context.cases
        var attributes: [String: String] = [:]
        var title = id
        for value in source.values {
            guard let key = context.variables[value.variable], !value.value.isEmpty else { continue }
            if key == "title" { title = value.value } else { attributes[key] = value.value }
        }
        // A transcript of a recording gives times at its sync points: where an utterance's text
        // starts, the time in the recording (milliseconds) is the utterance's start.
        var syncTimes: [Int: Double] = [:]
        for point in source.recording?.syncPoints ?? [] {
            if let stamp = point.timeStamp, syncTimes[point.position] == nil { syncTimes[point.position] = Double(stamp) / 1000 }
        }
        let utterances = layout.lines.enumerated().map { index, line in
            Utterance(index: index + 1, speakerID: line.label, start: line.time ?? syncTimes[line.textStart], text: line.text)
        }
        var speakers: [Speaker] = []
        var speakerGUIDs: [String: String] = [:]
        for speakerID in utterances.compactMap(\.speakerID) where !speakers.contains(where: { $0.id == speakerID }) {
            speakers.append(cases.byName[speakerID]?.speaker ?? Speaker(id: speakerID))
            speakerGUIDs[speakerID] = cases.byName[speakerID]?.guid
        }
        let document = Document(
            id: id, title: title, format: .text, sourcePath: "\(file)/\(source.plainTextPath.map(Self.entryPath) ?? "project.qde")",
            contentHash: SHA256.hexDigest(of: Array(text.utf8)), attributes: attributes)
        return .init(
            transcript: Transcript(document: document, speakers: speakers, utterances: utterances), guid: source.guid,
            speakerGUIDs: speakerGUIDs)
    }

    /// One selection's codings, placed by the source's reading; a selection that cannot be placed
    /// exactly is left out, one moved to the utterance text is reported, both with their GUID.
    private func mapSelection(
        _ selection: REFIProject.Selection, of source: REFIProject.TextSource, document: String, layout: PlainTextLayout,
        text: SourceText, reading: PositionReading, context: SourceContext
    ) -> SourceMapping {
        var result = SourceMapping()
        let place = "\(xmlFile):\(selection.line ?? 0): selection \(selection.guid) (\(selection.start)–\(selection.end)) in '\(document)'"
        guard let start = text.scalarOffset(selection.start, reading: reading), let end = text.scalarOffset(selection.end, reading: reading)
        else {
            let why =
                text.isWithinText(selection.start, reading: reading) && text.isWithinText(selection.end, reading: reading)
                ? "ends inside a character" : "lies outside the text"
            result.leftOut.append("\(place) \(why) when read as \(reading); not imported")
            return result
        }
        guard let (fragment, trimmed) = layout.fragment(document: document, start: start, end: end) else {
            result.leftOut.append("\(place) covers no utterance text; not imported")
            return result
        }
        if trimmed {
            result.notMapped.append("\(place) began or ended inside a speaker label or line break; trimmed to the utterance text")
        }
        let selectionMemo = ([selection.description?.nilIfEmpty].compactMap { $0 } + context.notes.texts(selection.noteRefs))
            .joined(separator: "\n\n").nilIfEmpty
        result.usedNotes.formUnion(context.notes.known(selection.noteRefs))
        for coding in selection.codings {
            guard let code = context.codes[coding.codeRef] else {
                result.leftOut.append(
                    "\(place): coding \(coding.guid) refers to code \(coding.codeRef), which the codebook does not define; not imported")
                continue
            }
            result.usedNotes.formUnion(context.notes.known(coding.noteRefs))
            result.codings.append(
                .init(
                    fragment: fragment, code: code,
                    coder: context.users.name(coding.creatingUser, selection.creatingUser, source.creatingUser),
                    memo: context.notes.texts(coding.noteRefs).joined(separator: "\n\n").nilIfEmpty ?? selectionMemo,
                    createdAt: coding.creationDateTime ?? selection.creationDateTime, selectionGUID: selection.guid, guid: coding.guid))
        }
        return result
    }

    /// One time selection's codings as time-span codings; a selection that does not end after it
    /// starts, or starts before the recording, is left out with its GUID.
    private func mapTimeSelection(
        _ selection: REFIProject.Selection, of source: REFIProject.TextSource, document: String, context: SourceContext
    ) -> SourceMapping {
        var result = SourceMapping()
        let place =
            "\(xmlFile):\(selection.line ?? 0): time selection \(selection.guid) (\(selection.start)–\(selection.end) ms) in '\(document)'"
        guard selection.start >= 0, selection.end > selection.start else {
            result.leftOut.append("\(place) does not end after it starts, or starts before the recording; not imported")
            return result
        }
        let span = TimeSpan(documentID: document, startMilliseconds: selection.start, endMilliseconds: selection.end)
        let selectionMemo = ([selection.description?.nilIfEmpty].compactMap { $0 } + context.notes.texts(selection.noteRefs))
            .joined(separator: "\n\n").nilIfEmpty
        result.usedNotes.formUnion(context.notes.known(selection.noteRefs))
        for coding in selection.codings {
            guard let code = context.codes[coding.codeRef] else {
                result.leftOut.append(
                    "\(place): coding \(coding.guid) refers to code \(coding.codeRef), which the codebook does not define; not imported")
                continue
            }
            result.usedNotes.formUnion(context.notes.known(coding.noteRefs))
            result.timeSpanCodings.append(
                .init(
                    span: span, code: code, coder: context.users.name(coding.creatingUser, selection.creatingUser, source.creatingUser),
                    memo: context.notes.texts(coding.noteRefs).joined(separator: "\n\n").nilIfEmpty ?? selectionMemo,
                    createdAt: coding.creationDateTime ?? selection.creationDateTime, selectionGUID: selection.guid, guid: coding.guid))
        }
        return result
    }
}
