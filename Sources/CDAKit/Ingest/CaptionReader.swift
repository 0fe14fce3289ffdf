import Foundation

/// Reads WebVTT and SubRip captions.
///
/// Captions cut speech into short cues; the reader puts the turns back together:
///
/// - **Speakers.** A VTT voice tag (`<v Name>`) names the speaker of its text. Without one, a
///   `Label:` at the start of a cue, in mid-cue after a sentence end, or (a name-shaped one) at
///   the start of a caption line starts a turn, even when the label is wrapped over two caption
///   lines; the label is removed from the text, and the turn carries over to the following cues
///   until the next label. Whether a `Label:` names someone is decided on the whole file
///   (`CaptionSpeakers`): it must look like a name or role, recur, follow `>>`, or be declared
///   with `--speakers`/`--moderator`; an ordinary sentence ending in a colon (`J'ai dit:`) stays
///   text, with a `.labelReadAsText` notice. Short and long forms of one person (`Callum Reid`,
///   `Callum Reid (Eastfield) (Con)`) are one speaker, with a `.labelsJoined` notice.
/// - **Turns.** Consecutive cues of one named speaker are one utterance, from the start of the
///   first cue to the end of the last. A dialogue dash (`- Oui.` at the start of a caption line,
///   `Oui. -Non.` in mid-line) or a `>>` without a label marks an unnamed speaker change: the cue is
///   split into utterances with no speaker, each with the cue's times, and such utterances are
///   never joined across cues.
/// - **Non-speech.** A cue or caption line that holds only a non-speech mark (`[Applause.]`,
///   `(laughter)`, a `♪` line), and a `[…]` mark at the start or end of a line, are events: they
///   are left out of the utterances, so they count as no one's words, and each is reported with an
///   `.event` notice at its line (the notice does not quote it). An event ends the utterance
///   before it; the speaker's turn goes on after it. A `(…)` inside a sentence stays text.
/// - **Markup.** `<i>`, `<b>`, `<u>`, `<font …>`, `<c.class>`, VTT timestamps and `{\an8}` style
///   codes are removed; `&amp;`, `&lt;`, `&gt;`, `&nbsp;` and the like are decoded.
///
/// Times may be unpadded (`0:0:0.570`, as Microsoft Teams writes them). The file is decoded as
/// `TextDecoding.decode(_:encoding:)` says: `--encoding`, else UTF-8 or UTF-16 by its byte order
/// mark, else Windows-1252 with an `.encodingGuessed` notice.
public struct CaptionReader: TranscriptReader {
    /// `.vtt` or `.srt`.
    public let format: DocumentFormat

    /// Creates a reader for WebVTT (`.vtt`) or SubRip (`.srt`).
    public init(format: DocumentFormat) {
        precondition(format == .vtt || format == .srt, "CaptionReader reads vtt and srt only")
        self.format = format
    }

    /// Reads a caption file.
    ///
    /// - Returns: The transcript, with the reader's notices in file order.
    /// - Throws: `IngestError.emptyFile`, `.binaryContent`, `.lineTooLong`, `.invalidUTF8` or
    ///   `.invalidEncoding` (a file not valid in the `--encoding` named), `.unknownFormat` (a `.vtt`
    ///   without `WEBVTT`), `.invalidTime` or `.noUtterances`.
    public func read(_ source: SourceFile, options: ReadOptions) throws(IngestError) -> Transcript {
        let decoded = try TextDecoding.decode(source, encoding: options.encoding)
        var cues = try Self.cues(of: TextDecoding.lines(of: decoded.text), format: format, source: source)
        var candidates: [LabelCandidate] = []
        var voices: [(name: String, line: Int)] = []
        for cueIndex in cues.indices {
            for segmentIndex in cues[cueIndex].segments.indices {
                guard case .speech(var speech) = cues[cueIndex].segments[segmentIndex] else { continue }
                if let voice = speech.voice {
                    voices.append((voice, speech.lineStarts[0].line))
                } else {
                    speech.candidates = LabelCandidate.candidates(in: speech)
                    candidates += speech.candidates
                    cues[cueIndex].segments[segmentIndex] = .speech(speech)
                }
            }
        }
        let speakers = CaptionSpeakers(candidates: candidates, voices: voices, options: options, source: source)
        var turns = TurnBuilder(speakers: speakers)
        var notices = decoded.notices + speakers.notices
        for cue in cues {
            for segment in cue.segments {
                switch segment {
                case .event(let line):
                    turns.endUtterance()
                    notices.append(
                        ReadNotice(
                            .event, at: source.location(line: line),
                            "non-speech caption (a sound, applause or music mark) left out of the text: it counts as no one's words"))
                case .speech(let speech):
                    turns.add(speech, of: cue)
                }
            }
        }
        guard !turns.utterances.isEmpty else { throw .noUtterances(source.location()) }
        let speakerList = turns.order.map { id in
            Speaker(id: id, name: speakers.names[id], role: speakers.moderators.contains(id) ? .moderator : .participant)
        }
        let ordered = notices.enumerated()
            .sorted { ($0.element.location.line ?? 0, $0.offset) < ($1.element.location.line ?? 0, $1.offset) }
            .map(\.element)
        let document = source.document(format: format, attributes: [:], options: options)
        return Transcript(document: document, speakers: speakerList, utterances: turns.utterances, notices: ordered)
    }

    /// The cues of a caption file, in file order.
    private static func cues(of lines: [Substring], format: DocumentFormat, source: SourceFile) throws(IngestError) -> [CaptionCue] {
        if format == .vtt, !(lines.first?.hasPrefix("WEBVTT") ?? false) {
            throw .unknownFormat(source.location(line: 1, column: 1), detail: "a WebVTT file starts with 'WEBVTT'")
        }
        var cues: [CaptionCue] = []
        var number = 0
        while number < lines.count {
            // A block runs up to the next blank line.
            let blockStart = number
            while number < lines.count, !lines[number].allSatisfy(\.isWhitespace) { number += 1 }
            let block = lines[blockStart..<number]
            number += 1
            guard let first = block.first, !["WEBVTT", "NOTE", "STYLE", "REGION"].contains(where: { first.hasPrefix($0) }),
                let timingIndex = block.prefix(2).firstIndex(where: { $0.contains("-->") })
            else { continue }
            let timing = lines[timingIndex]
            let arrow = timing.range(of: "-->")!
            let location = source.location(line: timingIndex + 1, column: 1)
            let startText = timing[..<arrow.lowerBound].trimmingCharacters(in: .whitespaces)
            let endText =
                timing[arrow.upperBound...].trimmingCharacters(in: .whitespaces)
                .split(separator: " ").first.map(String.init) ?? ""
            guard let start = TimeCode.seconds(startText) else { throw .invalidTime(location, value: startText) }
            guard let end = TimeCode.seconds(endText) else { throw .invalidTime(location, value: endText) }
            let payload = ((timingIndex + 1)..<number - 1).map { (line: $0 + 1, text: lines[$0]) }
            cues.append(CaptionCue(line: timingIndex + 1, start: start, end: end, payload: payload))
        }
        return cues
    }

    /// Builds utterances from speech segments, carrying the speaker over from cue to cue.
    private struct TurnBuilder {
        let speakers: CaptionSpeakers
        /// The utterances so far.
        var utterances: [Utterance] = []
        /// Speaker ids in order of first utterance.
        var order: [String] = []
        private var known: Set<String> = []
        /// The speaker whose turn goes on, if known.
        private var current: String?
        /// Whether the last utterance may take more words of its speaker.
        private var open = false

        init(speakers: CaptionSpeakers) {
            self.speakers = speakers
        }

        /// Ends the last utterance: the next words start a new one, even of the same speaker.
        mutating func endUtterance() {
            open = false
        }

        mutating func add(_ speech: CaptionCue.Speech, of cue: CaptionCue) {
            if let voice = speech.voice {
                current = speakers.ids[voice] ?? voice
                append(speech.text[...], of: cue)
                return
            }
            if speech.marker != nil {
                current = nil
                open = false
            }
            var position = speech.text.startIndex
            for candidate in speech.candidates {
                guard let id = speakers.ids[candidate.label] else { continue }
                append(speech.text[position..<candidate.range.lowerBound], of: cue)
                current = id
                position = candidate.range.upperBound
            }
            append(speech.text[position...], of: cue)
        }

        private mutating func append(_ piece: Substring, of cue: CaptionCue) {
            var text = piece
            while text.last == " " { text = text.dropLast() }
            guard !text.isEmpty else { return }
            if let speaker = current, open, let last = utterances.indices.last, utterances[last].speakerID == speaker {
                // In place: a copy of the turn's text would make a long turn quadratic.
                utterances[last].text += " "
                utterances[last].text += text
                utterances[last].end = cue.end
            } else {
                utterances.append(
                    Utterance(index: utterances.count + 1, speakerID: current, start: cue.start, end: cue.end, text: String(text)))
            }
            open = current != nil
            if let speaker = current, known.insert(speaker).inserted { order.append(speaker) }
        }
    }
}
