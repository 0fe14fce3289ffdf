import Foundation

/// Reads plain-text transcripts.
///
/// Layout: optional `# key: value` header lines; `## plenary` or `## subgroup NAME` lines set
/// the section of the turns below them; a turn starts with an optional time (`[00:12:34]`,
/// `[12:34]`, `00:12:34`) and a speaker label (`P03: …` or `[P03] …`); other lines continue the
/// turn above. Which lines are turns is decided for the whole file by `TurnStyle`: the file's
/// shape (timed, one turn per paragraph, one turn per line) is learned first, then every line is
/// read by it, and each label-shaped line read as text is reported as a notice. When the header
/// (`speakers:`) or `--speakers` lists the speakers, only listed labels start turns. A file without
/// any turn becomes one utterance per paragraph, speaker unknown; bracketed time stamps in such
/// text set the paragraph's time and are taken out of its words.
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
        let decoded = try TextDecoding.decode(source, encoding: options.encoding)
        let lines = TextDecoding.lines(of: decoded.text)
        var header = PlainTextHeader(lines: lines)
        header.declare(speakers: options.speakers, moderators: options.moderators)
        let body = try classify(lines, from: header.lineCount, source: source, options: options)
        let readings: [TurnStyle.Reading]
        var notices = decoded.notices
        if body.customPattern {
            readings = body.candidates.map { .turn(label: $0.turn.label, time: $0.turn.time, text: $0.turn.text) }
        } else {
            let style = try TurnStyle(
                candidates: body.candidates, continuationLines: body.continuationLines, paragraphs: body.paragraphs,
                declared: header.allDeclaredLabels, strict: !header.declaredSpeakers.isEmpty, file: source.path)
            readings = style.readings
            notices += style.notices
        }
        let utterances = TurnAssembler.assemble(body.entries, readings: readings)
        guard !utterances.isEmpty else { throw .noUtterances(source.location()) }
        let document = source.document(format: .text, attributes: header.attributes, options: options)
        return Transcript(
            document: document, speakers: speakers(of: utterances, header: header), utterances: utterances,
            notices: notices.sorted { ($0.location.line ?? 0) < ($1.location.line ?? 0) })
    }

    /// The body's lines sorted into blanks, sections, possible turns and text.
    struct Body {
        /// Every body line, in order; `.candidate(i)` points into `candidates`.
        var entries: [TurnAssembler.Entry] = []
        /// The lines that could start a turn.
        var candidates: [TurnStyle.Candidate] = []
        /// Lines of plain text.
        var continuationLines = 0
        /// Runs of non-blank lines.
        var paragraphs = 0
        /// Whether the user's `--speaker-pattern` found the candidates.
        var customPattern = false
    }

    private func classify(_ lines: [Substring], from first: Int, source: SourceFile, options: ReadOptions) throws(IngestError) -> Body {
        let pattern = try options.speakerPattern.map { pattern throws(IngestError) in try CustomTurnPattern(pattern) }
        var body = Body(customPattern: pattern != nil)
        body.entries.reserveCapacity(lines.count - first)
        var afterBreak = true
        var previousEndsWithColon = false
        for number in first..<lines.count {
            let line = lines[number]
            let trimmed = line.trimmedSpaces
            if trimmed.isEmpty {
                body.entries.append(.blank)
                afterBreak = true
                continue
            }
            if trimmed.utf8.starts(with: [0x23, 0x23, 0x20]) {
                body.entries.append(.section(String(trimmed.dropFirst(3).trimmedSpaces)))
                afterBreak = true
                continue
            }
            if afterBreak { body.paragraphs += 1 }
            let turn: TurnLine?
            if let pattern {
                turn = pattern.match(line)
            } else {
                turn = try TurnLine.parse(line, location: source.location(line: number + 1))
            }
            if let turn {
                body.entries.append(.candidate(body.candidates.count))
                body.candidates.append(
                    TurnStyle.Candidate(
                        line: number + 1, turn: turn, startsParagraph: afterBreak, followsColon: previousEndsWithColon))
            } else {
                body.entries.append(.text(line))
                body.continuationLines += 1
            }
            afterBreak = false
            previousEndsWithColon = trimmed.utf8.last == 0x3A
        }
        return body
    }

    /// The speakers in order: listed ones first, then as they first speak, then declared roles.
    private func speakers(of utterances: [Utterance], header: PlainTextHeader) -> [Speaker] {
        var order: [String] = header.declaredSpeakers
        var seen = Set(order)
        for utterance in utterances {
            if let id = utterance.speakerID, seen.insert(id).inserted { order.append(id) }
        }
        for label in header.moderators.union(header.observers).sorted() where seen.insert(label).inserted {
            order.append(label)
        }
        return order.map { label in
            var attributes = header.speakerAttributes[label] ?? [:]
            let name = attributes.removeValue(forKey: "name")
            attributes.removeValue(forKey: "role")
            return Speaker(id: label, name: name, role: header.role(of: label), attributes: attributes)
        }
    }
}
