import Foundation

/// Reads plain-text transcripts.
///
/// Layout: optional `# key: value` header lines; `## plenary` or `## subgroup NAME` lines set
/// the section of the turns below them; a turn starts with an optional time (`[00:12:34]`,
/// `[12:34]`, `00:12:34`) and a speaker label (`P03: …` or `[P03] …`); other lines continue the
/// turn above. When the header declares `speakers:`, only declared labels start turns; otherwise a
/// label starts turns when it holds a digit, is declared as moderator or observer, or is used at
/// least twice. A file without any label becomes one utterance per paragraph, speaker unknown.
public struct PlainTextReader: TranscriptReader {
    /// Creates a reader.
    public init() {}

    /// `.text`.
    public var format: DocumentFormat { .text }

    /// Reads a plain-text transcript.
    ///
    /// - Throws: `IngestError.emptyFile`, `.binaryContent`, `.invalidUTF8`, `.invalidTime`,
    ///   `.undeclaredSpeaker`, `.invalidSpeakerPattern` or `.noUtterances`.
    public func read(_ source: SourceFile, options: ReadOptions) throws(IngestError) -> Transcript {
        let text = try TextDecoding.decode(source)
        let lines = TextDecoding.lines(of: text)
        let header = PlainTextHeader(lines: lines)
        let customPattern = try options.speakerPattern.map { pattern throws(IngestError) in
            try CustomTurnPattern(pattern)
        }
        var body: [(line: Int, kind: LineKind)] = []
        var labelUses: [String: Int] = [:]
        for number in header.lineCount..<lines.count {
            let line = lines[number]
            let location = source.location(line: number + 1)
            let kind = try classify(line, location: location, pattern: customPattern)
            if case .turn(let turn) = kind, let label = turn.label { labelUses[label, default: 0] += 1 }
            body.append((number + 1, kind))
        }
        let accepted = try acceptedLabels(labelUses, header: header, body: body, source: source, custom: customPattern != nil)
        let utterances = assemble(body, accepted: accepted)
        guard !utterances.isEmpty else { throw .noUtterances(source.location()) }

        var order: [String] = header.declaredSpeakers
        for utterance in utterances {
            if let id = utterance.speakerID, !order.contains(id) { order.append(id) }
        }
        for label in header.moderators.union(header.observers).sorted() where !order.contains(label) {
            order.append(label)
        }
        let speakers = order.map { label in
            var attributes = header.speakerAttributes[label] ?? [:]
            let name = attributes.removeValue(forKey: "name")
            attributes.removeValue(forKey: "role")
            return Speaker(id: label, name: name, role: header.role(of: label), attributes: attributes)
        }
        let document = source.document(format: .text, attributes: header.attributes, options: options)
        return Transcript(document: document, speakers: speakers, utterances: utterances)
    }

    private enum LineKind {
        case blank
        case section(String)
        case turn(TurnLine)
        case text(Substring)
    }

    private func classify(_ line: Substring, location: SourceLocation, pattern: CustomTurnPattern?) throws(IngestError) -> LineKind {
        let trimmed = line.trimmedSpaces
        if trimmed.isEmpty { return .blank }
        if trimmed.utf8.starts(with: [0x23, 0x23, 0x20]) {
            return .section(String(trimmed.dropFirst(3).trimmedSpaces))
        }
        if let pattern {
            return pattern.match(line).map(LineKind.turn) ?? .text(line)
        }
        return try TurnLine.parse(line, location: location).map(LineKind.turn) ?? .text(line)
    }

    private func acceptedLabels(
        _ uses: [String: Int], header: PlainTextHeader, body: [(line: Int, kind: LineKind)],
        source: SourceFile, custom: Bool
    ) throws(IngestError) -> Set<String> {
        if custom { return Set(uses.keys) }
        if !header.declaredSpeakers.isEmpty {
            let declared = header.allDeclaredLabels
            for (number, kind) in body {
                if case .turn(let turn) = kind, let label = turn.label, !declared.contains(label),
                    label.contains(where: \.isNumber)
                {
                    throw .undeclaredSpeaker(source.location(line: number, column: 1), speaker: label)
                }
            }
            return declared
        }
        let declared = header.allDeclaredLabels
        return Set(uses.filter { label, count in
            count >= 2 || declared.contains(label) || label.contains(where: \.isNumber)
        }.keys)
    }

    private func assemble(_ body: [(line: Int, kind: LineKind)], accepted: Set<String>) -> [Utterance] {
        var utterances: [Utterance] = []
        var section: String?
        var current: Utterance?
        let hasTurns = body.contains { _, kind in
            if case .turn(let turn) = kind { return turn.label.map(accepted.contains) ?? true }
            return false
        }
        func flush() {
            if var finished = current {
                finished.text = String(finished.text[...].trimmedSpaces)
                if !finished.text.isEmpty {
                    finished.index = utterances.count + 1
                    utterances.append(finished)
                }
            }
            current = nil
        }
        func append(_ text: Substring) {
            let piece = text.trimmedSpaces
            guard !piece.isEmpty else { return }
            if current == nil {
                current = Utterance(index: 0, speakerID: nil, section: section, text: String(piece))
            } else if current!.text.isEmpty {
                current!.text = String(piece)
            } else {
                current!.text += " " + piece
            }
        }
        for (_, kind) in body {
            switch kind {
            case .blank:
                if !hasTurns { flush() }
            case .section(let name):
                flush()
                section = name
            case .turn(let turn):
                if let label = turn.label, !accepted.contains(label) {
                    append("\(label):"[...])
                    append(turn.text)
                    continue
                }
                flush()
                current = Utterance(index: 0, speakerID: turn.label, start: turn.time, section: section, text: "")
                append(turn.text)
            case .text(let line):
                append(line)
            }
        }
        flush()
        return utterances
    }
}
