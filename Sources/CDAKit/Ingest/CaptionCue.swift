/// One caption cue with its markup removed, cut where the speaker may change.
///
/// A cue's lines are cleaned of tags (`<i>`, `<b>`, `<font …>`, `<c.x>`, VTT timestamps) and
/// style codes (`{\an8}`); VTT voice tags (`<v Name>`) are kept as the voice of the text they
/// cover. The cleaned text is then cut into segments: a dialogue dash at the start of a caption
/// line (`- Oui.`), or in mid-line after a sentence end (`Oui. -Non.`), and a `>>` marker start
/// a new segment opened by an unnamed speaker; a caption line that holds only a non-speech mark
/// (`[Applause.]`, `(laughter)`, a `♪` line), or a bracketed mark at its start or end, becomes an
/// event. Lines that follow each other without such a cut are joined with a space, so a label
/// wrapped over two caption lines is read as one.
struct CaptionCue {
    /// How a speech segment was opened.
    enum Marker: Hashable {
        /// A dialogue dash: another, unnamed, speaker.
        case dash
        /// A `>>` marker: another speaker, named by a label right after it or unnamed.
        case chevrons
    }

    /// Speech between two cuts of a cue.
    struct Speech {
        /// The cleaned text, white space collapsed.
        var text: String
        /// The VTT voice that covers the text.
        var voice: String?
        /// The dash or `>>` that opened the segment.
        var marker: Marker?
        /// The file line of each caption line in `text`, by the UTF-8 offset where it starts.
        var lineStarts: [(offset: Int, line: Int)]
        /// The speaker labels that could start a turn in `text`, in order.
        var candidates: [LabelCandidate] = []

        /// The file line of the text at `index`.
        func line(at index: String.Index) -> Int {
            let offset = text.utf8.distance(from: text.startIndex, to: index)
            return lineStarts.last { $0.offset <= offset }?.line ?? lineStarts[0].line
        }
    }

    /// A stretch of the cue.
    enum Segment {
        /// What someone said.
        case speech(Speech)
        /// A non-speech mark on the given file line.
        case event(line: Int)
    }

    /// The 1-based file line of the cue's timing line.
    var line: Int
    /// The cue's start, in seconds.
    var start: Double
    /// The cue's end, in seconds.
    var end: Double
    /// The cue's speech and events, in order.
    var segments: [Segment]

    /// Cleans and cuts a cue's payload.
    ///
    /// - Parameters:
    ///   - line: The file line of the timing line.
    ///   - start: The cue's start, in seconds.
    ///   - end: The cue's end, in seconds.
    ///   - payload: The caption lines after the timing line, with their 1-based file lines.
    init(line: Int, start: Double, end: Double, payload: [(line: Int, text: Substring)]) {
        self.line = line
        self.start = start
        self.end = end
        var builder = Builder()
        var voice: String?
        for (number, text) in payload {
            for chunk in Self.chunks(of: text, voice: &voice) {
                builder.add(chunk.text, voice: chunk.voice, line: number)
            }
        }
        segments = builder.finish()
    }

    /// Collects segments, joining the caption lines of one speech.
    private struct Builder {
        var segments: [Segment] = []
        var pending: Speech?

        mutating func add(_ text: String, voice: String?, line: Int) {
            let (leading, body, trailing) = CaptionText.peelEvents(text)
            if leading { event(line: line) }
            if voice != nil, !body.isEmpty {
                append(body, voice: voice, marker: nil, line: line)
            } else if !body.isEmpty {
                let (marker, body) = CaptionText.leadingMarker(body)
                for (index, piece) in CaptionText.midLineCuts(body).enumerated() {
                    append(piece.text, voice: nil, marker: index == 0 ? marker : piece.marker, line: line)
                }
            }
            if trailing { event(line: line) }
        }

        mutating func append(_ text: String, voice: String?, marker: Marker?, line: Int) {
            if marker == nil, pending != nil, pending!.voice == voice {
                // In place: a copy of the pending text would make long cues quadratic.
                pending!.lineStarts.append((pending!.text.utf8.count + 1, line))
                pending!.text += " "
                pending!.text += text
                return
            }
            flush()
            pending = Speech(text: text, voice: voice, marker: marker, lineStarts: [(0, line)])
        }

        mutating func event(line: Int) {
            flush()
            if case .event = segments.last { return }
            segments.append(.event(line: line))
        }

        mutating func flush() {
            if let speech = pending, !speech.text.isEmpty { segments.append(.speech(speech)) }
            pending = nil
        }

        mutating func finish() -> [Segment] {
            flush()
            return segments
        }
    }

    /// The text of one caption line, split where a voice tag starts or ends, without markup.
    ///
    /// - Parameter voice: The voice open at the start of the line; the one open at its end on return.
    private static func chunks(of line: Substring, voice: inout String?) -> [(voice: String?, text: String)] {
        var chunks: [(voice: String?, text: String)] = []
        var text = ""
        var runStart = line.startIndex
        var index = line.startIndex
        while index < line.endIndex {
            var resume: String.Index?
            var newVoice: String??
            if line[index] == "<", let close = line[index...].firstIndex(of: ">"),
                CaptionText.isTag(line[line.index(after: index)..<close])
            {
                let tag = line[line.index(after: index)..<close]
                resume = line.index(after: close)
                if let name = CaptionText.voiceName(tag) {
                    newVoice = .some(name.isEmpty ? nil : name)
                } else if tag == "/v" {
                    newVoice = .some(nil)
                }
            } else if line[index] == "{", line[line.index(after: index)...].first == "\\",
                let close = line[index...].firstIndex(of: "}")
            {
                resume = line.index(after: close)
            }
            guard let resume else {
                index = line.index(after: index)
                continue
            }
            text += line[runStart..<index]
            if let newVoice {
                let cleaned = CaptionText.clean(text)
                if !cleaned.isEmpty { chunks.append((voice, cleaned)) }
                text = ""
                voice = newVoice
            }
            index = resume
            runStart = resume
        }
        text += line[runStart...]
        let cleaned = CaptionText.clean(text)
        if !cleaned.isEmpty { chunks.append((voice, cleaned)) }
        return chunks
    }
}
