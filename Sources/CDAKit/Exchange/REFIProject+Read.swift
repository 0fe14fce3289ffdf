import Foundation

extension REFIProject {
    /// Reads a `project.qde` or `.qdc` element tree, leniently: an id that is not a GUID is given a
    /// new GUID (references to it follow) and listed in `repairs`; what lacks a required part is
    /// left out and listed in `dropped`; what `cda` does not read is listed in `skipped`. An import
    /// takes what is valid; strictness comes from the checks that run first unless it is lenient.
    ///
    /// - Parameters:
    ///   - root: The document's root element (`Project` or `CodeBook`).
    ///   - file: The name used in messages.
    /// - Throws: `ExchangeError.wrongRoot` for any other root element.
    static func read(_ root: XMLNode, file: String, expecting expected: String) throws(ExchangeError) -> REFIProject {
        guard root.name == expected else { throw .wrongRoot(file: file, found: root.name, expected: expected) }
        var project = REFIProject(
            name: root.attributes["name"] ?? "", origin: root.attributes["origin"],
            creationDateTime: root.attributes["creationDateTime"])
        var reader = Reader(file: file)
        reader.giveNewGUIDs(root)
        if expected == "CodeBook" {
            project.codes = root.child("Codes").map { reader.codes($0) } ?? []
        } else {
            for user in root.child("Users")?.children("User") ?? [] {
                guard let guid = reader.guid(user, "guid") else { continue }
                project.users.append(User(guid: guid, name: user.attributes["name"] ?? user.attributes["id"]))
            }
            project.codes = root.child("CodeBook")?.child("Codes").map { reader.codes($0) } ?? []
            for variable in root.child("Variables")?.children("Variable") ?? [] {
                guard let guid = reader.guid(variable, "guid"), let name = reader.required(variable, "name") else { continue }
                project.variables.append(Variable(guid: guid, name: name, type: variable.attributes["typeOfVariable"] ?? "Text"))
            }
            for node in root.child("Cases")?.children("Case") ?? [] {
                guard let guid = reader.guid(node, "guid") else { continue }
                project.cases.append(
                    Case(
                        guid: guid, name: node.attributes["name"], description: node.child("Description")?.text,
                        values: reader.values(node), sourceRefs: node.children("SourceRef").compactMap { reader.guid($0, "targetGUID") }))
            }
            for node in root.child("Sources")?.children ?? [] {
                if node.name == "TextSource" {
                    if let source = reader.textSource(node) { project.sources.append(source) }
                } else if node.name == "AudioSource" || node.name == "VideoSource" {
                    if let source = reader.transcriptSource(node) { project.sources.append(source) }
                } else {
                    reader.skip(node, "a \(node.name) '\(node.attributes["name"] ?? "")' is not imported (cda reads text sources)")
                }
            }
            for node in root.child("Notes")?.children("Note") ?? [] {
                guard let guid = reader.guid(node, "guid") else { continue }
                guard let text = node.child("PlainTextContent")?.text else {
                    reader.skip(node, "note '\(node.attributes["name"] ?? guid)' has no PlainTextContent; not imported")
                    continue
                }
                project.notes.append(
                    Note(
                        guid: guid, name: node.attributes["name"], text: text,
                        creatingUser: REFIGUID.normalize(node.attributes["creatingUser"]),
                        creationDateTime: node.attributes["creationDateTime"]))
            }
            if let links = root.child("Links") { reader.skip(links, "\(links.children.count) link(s) between items are not imported") }
            if let graphs = root.child("Graphs") { reader.skip(graphs, "\(graphs.children.count) graph(s) are not imported") }
            project.description = root.child("Description")?.text
            project.noteRefs = root.children("NoteRef").compactMap { reader.guid($0, "targetGUID") }
        }
        let setsNode = root.child("Sets")
        for node in setsNode?.children("Set") ?? [] {
            guard let guid = reader.guid(node, "guid"), let name = reader.required(node, "name") else { continue }
            let memberAttribute = expected == "CodeBook" ? "guid" : "targetGUID"
            project.sets.append(
                CodeSet(
                    guid: guid, name: name, description: node.child("Description")?.text,
                    memberCodes: node.children("MemberCode").compactMap { reader.guid($0, memberAttribute) },
                    memberSources: node.children("MemberSource").compactMap { reader.guid($0, memberAttribute) },
                    memberNotes: node.children("MemberNote").compactMap { reader.guid($0, memberAttribute) }))
        }
        project.skipped = reader.skipped
        project.dropped = reader.dropped
        project.repairs = reader.repairs
        return project
    }

    /// Collects what is repaired, left out and not read while reading.
    private struct Reader {
        /// The file, for messages (`FILE:LINE: …`).
        var file: String
        var skipped: [String] = []
        var dropped: [String] = []
        var repairs: [String] = []
        /// New GUIDs for ids that are not GUIDs, by the id as written.
        var newGUIDs: [String: String] = [:]

        /// Something `cda` does not read.
        mutating func skip(_ node: XMLNode, _ message: String) {
            skipped.append("\(file):\(node.line): \(message)")
        }

        /// Something invalid, left out.
        mutating func drop(_ node: XMLNode, _ message: String) {
            dropped.append("\(file):\(node.line): \(message)")
        }

        /// Gives every element whose `guid` is not a GUID (`c001`) a new one, so that the element
        /// and every reference to it agree; member elements of a codebook's sets only refer.
        mutating func giveNewGUIDs(_ node: XMLNode) {
            if !node.name.hasPrefix("Member"), let raw = node.attributes["guid"]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty,
                REFIGUID.normalize(raw) == nil, newGUIDs[raw] == nil
            {
                newGUIDs[raw] = REFIGUID.make()
                repairs.append("\(file):\(node.line): \(node.name.lowercased()) '\(raw)' had no valid guid; given a new one")
            }
            for child in node.children { giveNewGUIDs(child) }
        }

        mutating func guid(_ node: XMLNode, _ attribute: String) -> String? {
            if let guid = REFIGUID.normalize(node.attributes[attribute]) { return guid }
            if let raw = node.attributes[attribute]?.trimmingCharacters(in: .whitespaces), let repaired = newGUIDs[raw] { return repaired }
            let what =
                node.attributes[attribute] == nil
                ? "no \(attribute)" : "\(attribute) '\(node.attributes[attribute]!)', which names nothing in the file"
            drop(node, "<\(node.name)> has \(what); left out")
            return nil
        }

        mutating func required(_ node: XMLNode, _ attribute: String) -> String? {
            if let value = node.attributes[attribute] { return value }
            drop(node, "<\(node.name)> has no \(attribute); left out")
            return nil
        }

        mutating func codes(_ node: XMLNode) -> [Code] {
            node.children("Code").compactMap { child in
                guard let guid = guid(child, "guid"), let name = required(child, "name") else { return nil }
                return Code(
                    guid: guid, name: name, isCodable: child.attributes["isCodable"] != "false",
                    color: REFIColor.valid(child.attributes["color"]), description: child.child("Description")?.text,
                    noteRefs: child.children("NoteRef").compactMap { self.guid($0, "targetGUID") }, children: codes(child))
            }
        }

        mutating func values(_ node: XMLNode) -> [VariableValue] {
            node.children("VariableValue").compactMap { value in
                guard let ref = value.child("VariableRef").flatMap({ guid($0, "targetGUID") }) else { return nil }
                guard let content = value.children.first(where: { $0.name.hasSuffix("Value") }) else { return nil }
                return VariableValue(variable: ref, value: content.text.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }

        mutating func coding(_ node: XMLNode) -> Coding? {
            guard let guid = guid(node, "guid") else { return nil }
            guard let ref = node.child("CodeRef").flatMap({ self.guid($0, "targetGUID") }) else {
                drop(node, "a coding without a CodeRef; left out")
                return nil
            }
            return Coding(
                guid: guid, codeRef: ref, creatingUser: REFIGUID.normalize(node.attributes["creatingUser"]),
                creationDateTime: node.attributes["creationDateTime"],
                noteRefs: node.children("NoteRef").compactMap { self.guid($0, "targetGUID") })
        }

        /// An audio or video source read as its transcript: the text with its selections (their
        /// positions from the sync points they name) and the source's codings, notes and values.
        /// Time selections on the recording (`AudioSelection`, `VideoSelection`) are read with their
        /// codings; the import links the recording.
        mutating func transcriptSource(_ node: XMLNode) -> TextSource? {
            let name = node.attributes["name"] ?? ""
            let transcripts = node.children("Transcript")
            guard let transcript = transcripts.first else {
                skip(node, "a \(node.name) '\(name)' without a transcript is not imported (cda codes text)")
                return nil
            }
            guard let sourceGUID = guid(node, "guid"), let transcriptGUID = guid(transcript, "guid") else { return nil }
            if transcripts.count > 1 {
                skip(transcripts[1], "\(transcripts.count - 1) further transcript(s) of '\(name)' are not imported")
            }
            var points: [SyncPoint] = []
            for point in transcript.children("SyncPoint") {
                guard let pointGUID = self.guid(point, "guid") else { continue }
                guard let position = point.attributes["position"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
                    drop(point, "sync point \(pointGUID) has no whole-number position; left out")
                    continue
                }
                points.append(
                    SyncPoint(
                        guid: pointGUID, position: position,
                        timeStamp: point.attributes["timeStamp"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }))
            }
            let positions = Dictionary(points.map { ($0.guid, $0.position) }, uniquingKeysWith: { first, _ in first })
            var source = TextSource(
                guid: sourceGUID, name: node.attributes["name"], description: node.child("Description")?.text,
                plainTextPath: transcript.attributes["plainTextPath"], plainTextContent: transcript.child("PlainTextContent")?.text,
                creatingUser: REFIGUID.normalize(node.attributes["creatingUser"]), line: node.line)
            for selection in transcript.children("TranscriptSelection") {
                guard let selectionGUID = self.guid(selection, "guid") else { continue }
                guard let from = REFIGUID.normalize(selection.attributes["fromSyncPoint"]).flatMap({ positions[$0] }),
                    let to = REFIGUID.normalize(selection.attributes["toSyncPoint"]).flatMap({ positions[$0] })
                else {
                    drop(
                        selection,
                        "transcript selection \(selectionGUID) names no sync point of its transcript at its start or end; left out")
                    continue
                }
                source.selections.append(self.selection(selection, guid: selectionGUID, start: from, end: to))
            }
            var timeSelections: [Selection] = []
            for timed in node.children(node.name == "VideoSource" ? "VideoSelection" : "AudioSelection") {
                guard let selectionGUID = self.guid(timed, "guid") else { continue }
                guard let begin = timed.attributes["begin"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
                    let end = timed.attributes["end"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) })
                else {
                    drop(timed, "time selection \(selectionGUID) has no whole-number begin and end (milliseconds); left out")
                    continue
                }
                timeSelections.append(self.selection(timed, guid: selectionGUID, start: begin, end: end))
            }
            let path = node.attributes["path"] ?? node.attributes["currentPath"] ?? ""
            source.recording = Recording(
                kind: node.name == "VideoSource" ? .video : .audio, path: path, transcriptGUID: transcriptGUID, syncPoints: points,
                timeSelections: timeSelections)
            source.codings = node.children("Coding").compactMap { coding($0) }
            source.noteRefs = node.children("NoteRef").compactMap { self.guid($0, "targetGUID") }
            source.values = values(node)
            return source
        }

        /// A selection element placed at `start..<end`: its name, description, user, time, codings and notes.
        mutating func selection(_ node: XMLNode, guid: String, start: Int, end: Int) -> Selection {
            Selection(
                guid: guid, name: node.attributes["name"], start: start, end: end, description: node.child("Description")?.text,
                creatingUser: REFIGUID.normalize(node.attributes["creatingUser"]), creationDateTime: node.attributes["creationDateTime"],
                codings: node.children("Coding").compactMap { coding($0) },
                noteRefs: node.children("NoteRef").compactMap { self.guid($0, "targetGUID") }, line: node.line)
        }

        mutating func textSource(_ node: XMLNode) -> TextSource? {
            guard let guid = guid(node, "guid") else { return nil }
            var source = TextSource(
                guid: guid, name: node.attributes["name"], description: node.child("Description")?.text,
                plainTextPath: node.attributes["plainTextPath"], plainTextContent: node.child("PlainTextContent")?.text,
                creatingUser: REFIGUID.normalize(node.attributes["creatingUser"]), line: node.line)
            for selection in node.children("PlainTextSelection") {
                guard let selectionGUID = self.guid(selection, "guid") else { continue }
                guard let start = selection.attributes["startPosition"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
                    let end = selection.attributes["endPosition"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) })
                else {
                    drop(selection, "selection \(selectionGUID) has no whole-number startPosition and endPosition; left out")
                    continue
                }
                source.selections.append(self.selection(selection, guid: selectionGUID, start: start, end: end))
            }
            source.codings = node.children("Coding").compactMap { coding($0) }
            source.noteRefs = node.children("NoteRef").compactMap { self.guid($0, "targetGUID") }
            source.values = values(node)
            return source
        }
    }
}
