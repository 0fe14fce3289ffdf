import Foundation

extension REFIProject {
    /// The project namespace of REFI-QDA 1.0/1.5 project files.
    static let projectNamespace = "urn:QDA-XML:project:1.0"
    /// The namespace of REFI-QDA codebook files.
    static let codebookNamespace = "urn:QDA-XML:codebook:1.0"

    /// The project as `project.qde` XML, elements in the order `Project.xsd` requires.
    func projectXML() -> String {
        var xml = XMLWriter()
        xml.start(
            "Project",
            [
                ("xmlns", Self.projectNamespace), ("name", name), ("origin", origin), ("creationDateTime", creationDateTime),
            ])
        if !users.isEmpty {
            xml.start("Users")
            for user in users { xml.empty("User", [("guid", user.guid), ("name", user.name)]) }
            xml.end()
        }
        if !codes.isEmpty {
            xml.start("CodeBook")
            writeCodes(&xml, withNotes: true)
            xml.end()
        }
        if !variables.isEmpty {
            xml.start("Variables")
            for variable in variables {
                xml.empty("Variable", [("guid", variable.guid), ("name", variable.name), ("typeOfVariable", variable.type)])
            }
            xml.end()
        }
        if !cases.isEmpty {
            xml.start("Cases")
            for item in cases {
                xml.start("Case", [("guid", item.guid), ("name", item.name)])
                if let description = item.description { xml.textElement("Description", description) }
                writeValues(item.values, &xml)
                for source in item.sourceRefs { xml.empty("SourceRef", [("targetGUID", source)]) }
                xml.end()
            }
            xml.end()
        }
        if !sources.isEmpty {
            xml.start("Sources")
            for source in sources { writeSource(source, &xml) }
            xml.end()
        }
        if !notes.isEmpty {
            xml.start("Notes")
            for note in notes {
                xml.start(
                    "Note",
                    [
                        ("guid", note.guid), ("name", note.name), ("creatingUser", note.creatingUser),
                        ("creationDateTime", note.creationDateTime),
                    ])
                xml.textElement("PlainTextContent", note.text)
                xml.end()
            }
            xml.end()
        }
        if !sets.isEmpty {
            xml.start("Sets")
            for set in sets {
                xml.start("Set", [("guid", set.guid), ("name", set.name)])
                if let description = set.description { xml.textElement("Description", description) }
                for code in set.memberCodes { xml.empty("MemberCode", [("targetGUID", code)]) }
                for source in set.memberSources { xml.empty("MemberSource", [("targetGUID", source)]) }
                for note in set.memberNotes { xml.empty("MemberNote", [("targetGUID", note)]) }
                xml.end()
            }
            xml.end()
        }
        if let description { xml.textElement("Description", description) }
        for note in noteRefs { xml.empty("NoteRef", [("targetGUID", note)]) }
        xml.end()
        return xml.text
    }

    /// The code system and sets as a `.qdc` codebook, elements in the order `Codebook.xsd` requires.
    func codebookXML() -> String {
        var xml = XMLWriter()
        xml.start("CodeBook", [("xmlns", Self.codebookNamespace), ("origin", origin)])
        writeCodes(&xml, withNotes: false)
        if !sets.isEmpty {
            xml.start("Sets")
            for set in sets {
                xml.start("Set", [("guid", set.guid), ("name", set.name)])
                if let description = set.description { xml.textElement("Description", description) }
                for code in set.memberCodes { xml.empty("MemberCode", [("guid", code)]) }
                xml.end()
            }
            xml.end()
        }
        xml.end()
        return xml.text
    }

    private func writeCodes(_ xml: inout XMLWriter, withNotes: Bool) {
        func write(_ code: Code) {
            xml.start(
                "Code",
                [
                    ("guid", code.guid), ("name", code.name), ("isCodable", code.isCodable ? "true" : "false"), ("color", code.color),
                ])
            if let description = code.description { xml.textElement("Description", description) }
            if withNotes { for note in code.noteRefs { xml.empty("NoteRef", [("targetGUID", note)]) } }
            code.children.forEach(write)
            xml.end()
        }
        xml.start("Codes")
        codes.forEach(write)
        xml.end()
    }

    private func writeValues(_ values: [VariableValue], _ xml: inout XMLWriter) {
        for value in values {
            xml.start("VariableValue")
            xml.empty("VariableRef", [("targetGUID", value.variable)])
            xml.textElement("TextValue", value.value)
            xml.end()
        }
    }

    private func writeCoding(_ coding: Coding, _ xml: inout XMLWriter) {
        xml.start(
            "Coding",
            [
                ("guid", coding.guid), ("creatingUser", coding.creatingUser), ("creationDateTime", coding.creationDateTime),
            ])
        xml.empty("CodeRef", [("targetGUID", coding.codeRef)])
        for note in coding.noteRefs { xml.empty("NoteRef", [("targetGUID", note)]) }
        xml.end()
    }

    private func writeSource(_ source: TextSource, _ xml: inout XMLWriter) {
        if let recording = source.recording {
            writeRecording(recording, of: source, &xml)
            return
        }
        xml.start(
            "TextSource",
            [
                ("guid", source.guid), ("name", source.name), ("plainTextPath", source.plainTextPath),
                ("creatingUser", source.creatingUser),
            ])
        if let description = source.description { xml.textElement("Description", description) }
        if let content = source.plainTextContent { xml.textElement("PlainTextContent", content) }
        for selection in source.selections {
            xml.start(
                "PlainTextSelection",
                [
                    ("guid", selection.guid), ("name", selection.name), ("startPosition", String(selection.start)),
                    ("endPosition", String(selection.end)), ("creatingUser", selection.creatingUser),
                    ("creationDateTime", selection.creationDateTime),
                ])
            if let description = selection.description { xml.textElement("Description", description) }
            for coding in selection.codings { writeCoding(coding, &xml) }
            for note in selection.noteRefs { xml.empty("NoteRef", [("targetGUID", note)]) }
            xml.end()
        }
        for coding in source.codings { writeCoding(coding, &xml) }
        for note in source.noteRefs { xml.empty("NoteRef", [("targetGUID", note)]) }
        writeValues(source.values, &xml)
        xml.end()
    }

    /// An `AudioSource` or `VideoSource` with the text as its `Transcript`: sync points, then
    /// each selection as a `TranscriptSelection` from the sync point at its start to the one at its
    /// end; then the time selections on the recording (`begin` and `end` in milliseconds).
    private func writeRecording(_ recording: Recording, of source: TextSource, _ xml: inout XMLWriter) {
        xml.start(
            recording.kind == .video ? "VideoSource" : "AudioSource",
            [("guid", source.guid), ("name", source.name), ("path", recording.path), ("creatingUser", source.creatingUser)])
        if let description = source.description { xml.textElement("Description", description) }
        xml.start(
            "Transcript",
            [("guid", recording.transcriptGUID), ("name", source.name), ("plainTextPath", source.plainTextPath)])
        if source.plainTextPath == nil, let content = source.plainTextContent { xml.textElement("PlainTextContent", content) }
        var syncAt: [Int: String] = [:]
        for point in recording.syncPoints {
            syncAt[point.position] = syncAt[point.position] ?? point.guid
            xml.empty(
                "SyncPoint", [("guid", point.guid), ("timeStamp", point.timeStamp.map(String.init)), ("position", String(point.position))])
        }
        for selection in source.selections {
            xml.start(
                "TranscriptSelection",
                [
                    ("guid", selection.guid), ("name", selection.name), ("fromSyncPoint", syncAt[selection.start]),
                    ("toSyncPoint", syncAt[selection.end]), ("creatingUser", selection.creatingUser),
                    ("creationDateTime", selection.creationDateTime),
                ])
            if let description = selection.description { xml.textElement("Description", description) }
            for coding in selection.codings { writeCoding(coding, &xml) }
            for note in selection.noteRefs { xml.empty("NoteRef", [("targetGUID", note)]) }
            xml.end()
        }
        xml.end()
        for selection in recording.timeSelections {
            xml.start(
                recording.kind == .video ? "VideoSelection" : "AudioSelection",
                [
                    ("guid", selection.guid), ("name", selection.name), ("begin", String(selection.start)), ("end", String(selection.end)),
                    ("creatingUser", selection.creatingUser), ("creationDateTime", selection.creationDateTime),
                ])
            if let description = selection.description { xml.textElement("Description", description) }
            for coding in selection.codings { writeCoding(coding, &xml) }
            for note in selection.noteRefs { xml.empty("NoteRef", [("targetGUID", note)]) }
            xml.end()
        }
        for coding in source.codings { writeCoding(coding, &xml) }
        for note in source.noteRefs { xml.empty("NoteRef", [("targetGUID", note)]) }
        writeValues(source.values, &xml)
        xml.end()
    }
}
