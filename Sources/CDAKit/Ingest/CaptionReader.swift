import Foundation

/// Reads WebVTT and SubRip captions.
///
/// Each cue becomes an utterance with its start and end time. The speaker comes from a VTT voice
/// tag (`<v Name>…`), or from a `Name:` or `[Name]` prefix on the cue text; other markup is
/// dropped. Consecutive cues of the same known speaker are joined into one turn, since captions
/// cut speech into short pieces.
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
    /// - Throws: `IngestError.emptyFile`, `.binaryContent`, `.invalidUTF8`, `.unknownFormat`
    ///   (a `.vtt` without `WEBVTT`), `.invalidTime` or `.noUtterances`.
    public func read(_ source: SourceFile, options: ReadOptions) throws(IngestError) -> Transcript {
        let text = try TextDecoding.decode(source)
        let lines = TextDecoding.lines(of: text)
        if format == .vtt, !(lines.first?.hasPrefix("WEBVTT") ?? false) {
            throw .unknownFormat(source.location(line: 1, column: 1), detail: "a WebVTT file starts with 'WEBVTT'")
        }
        var utterances: [Utterance] = []
        var speakerOrder: [String] = []
        var number = 0
        while number < lines.count {
            // A block runs up to the next blank line.
            let blockStart = number
            while number < lines.count, !lines[number].trimmingCharacters(in: .whitespaces).isEmpty { number += 1 }
            let block = lines[blockStart..<number]
            number += 1
            guard let first = block.first, !["WEBVTT", "NOTE", "STYLE", "REGION"].contains(where: { first.hasPrefix($0) }),
                let timingIndex = block.prefix(2).firstIndex(where: { $0.contains("-->") })
            else { continue }
            let timing = lines[timingIndex]
            let arrow = timing.range(of: "-->")!
            let location = source.location(line: timingIndex + 1, column: 1)
            let startText = timing[..<arrow.lowerBound].trimmingCharacters(in: .whitespaces)
            let endText = timing[arrow.upperBound...].trimmingCharacters(in: .whitespaces)
                .split(separator: " ").first.map(String.init) ?? ""
            guard let start = TimeCode.seconds(startText) else { throw .invalidTime(location, value: startText) }
            guard let end = TimeCode.seconds(endText) else { throw .invalidTime(location, value: endText) }
            let payload = block[(timingIndex + 1)...]
            let (speaker, cueText) = Self.speakerAndText(payload.joined(separator: " "))
            guard !cueText.isEmpty else { continue }
            if let speaker, !speakerOrder.contains(speaker) { speakerOrder.append(speaker) }
            if let speaker, var last = utterances.last, last.speakerID == speaker {
                last.text += " " + cueText
                last.end = end
                utterances[utterances.count - 1] = last
            } else {
                utterances.append(Utterance(index: utterances.count + 1, speakerID: speaker, start: start, end: end, text: cueText))
            }
        }
        guard !utterances.isEmpty else { throw .noUtterances(source.location()) }
        let id = options.documentID ?? source.baseName
        let document = Document(
            id: id, title: id, format: format, sourcePath: source.path,
            contentHash: source.contentHash, attributes: [:])
        return Transcript(document: document, speakers: speakerOrder.map { Speaker(id: $0) }, utterances: utterances)
    }

    /// Splits a cue's payload into speaker and plain text.
    static func speakerAndText(_ payload: String) -> (String?, String) {
        var speaker: String?
        var text = ""
        var index = payload.startIndex
        while index < payload.endIndex {
            if payload[index] == "<", let close = payload[index...].firstIndex(of: ">") {
                let tag = payload[payload.index(after: index)..<close]
                if speaker == nil, tag.hasPrefix("v") {
                    let rest = tag.drop(while: { $0 != " " }).trimmingCharacters(in: .whitespaces)
                    if !rest.isEmpty { speaker = rest }
                }
                index = payload.index(after: close)
            } else {
                text.append(payload[index])
                index = payload.index(after: index)
            }
        }
        text = decodeEntities(XMLStreamReader.collapseWhitespace(text))
        if speaker == nil, let turn = try? TurnLine.parse(Substring(text), location: SourceLocation(file: "")), let label = turn.label {
            speaker = label
            text = String(turn.text)
        }
        return (speaker, text)
    }

    private static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&nbsp;", with: " ").replacingOccurrences(of: "&amp;", with: "&")
    }
}
