import Foundation

/// One correction of a stored transcript, made in the workbench or with `cda edit`: it becomes a
/// revision of the document, so codings follow their words and `undo` takes it back.
public enum TranscriptEdit: Sendable, Hashable {
    /// The utterance's text replaced.
    case text(utterance: Int, to: String)
    /// The utterance given to another speaker (a label of the transcript, or a new one).
    case speaker(utterance: Int, to: String)
    /// The utterance split in two before the code point at `offset`.
    case split(utterance: Int, at: Int)
    /// The utterance and the next one made one (they must have the same speaker).
    case mergeWithNext(utterance: Int)

    /// The utterance the edit starts at (1-based).
    public var utterance: Int {
        switch self {
        case .text(let utterance, _), .speaker(let utterance, _), .split(let utterance, _), .mergeWithNext(let utterance): utterance
        }
    }

    /// What the edit does, for the history: `fixed the text of utterance 3`.
    public var summary: String {
        switch self {
        case .text(let utterance, _): "fixed the text of utterance \(utterance)"
        case .speaker(let utterance, let speaker): "gave utterance \(utterance) to \(speaker)"
        case .split(let utterance, let offset): "split utterance \(utterance) at \(offset)"
        case .mergeWithNext(let utterance): "merged utterances \(utterance) and \(utterance + 1)"
        }
    }

    /// The utterances after the edit, numbered from 1 again.
    ///
    /// A split keeps the section and speaker in both parts, and divides a known time span in
    /// proportion to the text's code points; spaces at the cut are left out. A merge joins the
    /// texts with one space and runs from the first's start to the second's end.
    ///
    /// - Throws: `TranscriptEditError` for an utterance outside the document, empty or
    ///   control-character text, a cut at either end, a merge of the last utterance or of two
    ///   speakers.
    public func applied(to utterances: [Utterance], document: String) throws(TranscriptEditError) -> [Utterance] {
        guard let position = utterances.firstIndex(where: { $0.index == utterance }) else {
            throw .noSuchUtterance(document: document, utterance: utterance, count: utterances.count)
        }
        var result = utterances
        let original = utterances[position]
        switch self {
        case .text(_, let text):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw .emptyText(utterance: utterance) }
            try Self.refuseControlCharacters(in: trimmed, utterance: utterance, allowingLineBreaks: true)
            result[position].text = trimmed
        case .speaker(_, let speaker):
            let trimmed = speaker.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { throw .emptySpeaker(utterance: utterance) }
            try Self.refuseControlCharacters(in: trimmed, utterance: utterance, allowingLineBreaks: false)
            result[position].speakerID = trimmed
        case .split(_, let offset):
            let scalars = Array(original.text.unicodeScalars)
            let head = String(String.UnicodeScalarView(scalars[..<min(max(offset, 0), scalars.count)]))
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let tail = String(String.UnicodeScalarView(scalars[min(max(offset, 0), scalars.count)...]))
                .trimmingCharacters(in: .whitespacesAndNewlines)
            guard offset > 0, offset < scalars.count, !head.isEmpty, !tail.isEmpty else {
                throw .cutAtEnd(utterance: utterance, offset: offset, length: scalars.count)
            }
            var first = original
            var second = original
            first.text = head
            second.text = tail
            if let start = original.start, let end = original.end, end > start {
                let cut = start + (end - start) * Double(offset) / Double(scalars.count)
                first.end = cut
                second.start = cut
            } else {
                second.start = nil
            }
            result.replaceSubrange(position...position, with: [first, second])
        case .mergeWithNext:
            guard position + 1 < utterances.count else { throw .nothingToMerge(utterance: utterance) }
            let next = utterances[position + 1]
            guard next.speakerID == original.speakerID else {
                throw .differentSpeakers(utterance: utterance, first: original.speakerID ?? "-", second: next.speakerID ?? "-")
            }
            var merged = original
            merged.text = original.text + " " + next.text
            merged.end = next.end
            result.replaceSubrange(position...position + 1, with: [merged])
        }
        for index in result.indices { result[index].index = index + 1 }
        return result
    }

    private static func refuseControlCharacters(in text: String, utterance: Int, allowingLineBreaks: Bool) throws(TranscriptEditError) {
        for (position, scalar) in text.unicodeScalars.enumerated() {
            if allowingLineBreaks, scalar == "\n" { continue }
            if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" {
                throw .controlCharacter(utterance: utterance, scalar: scalar.value, position: position + 1)
            }
        }
    }
}

/// Why an edit of a transcript was refused; nothing was changed.
public enum TranscriptEditError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The utterance is not in the document.
    case noSuchUtterance(document: String, utterance: Int, count: Int)
    /// The new text is empty.
    case emptyText(utterance: Int)
    /// The new speaker is empty.
    case emptySpeaker(utterance: Int)
    /// The text or speaker holds a control character.
    case controlCharacter(utterance: Int, scalar: UInt32, position: Int)
    /// A split before the first or after the last character (or only at spaces).
    case cutAtEnd(utterance: Int, offset: Int, length: Int)
    /// A merge of the last utterance.
    case nothingToMerge(utterance: Int)
    /// A merge of two speakers' turns.
    case differentSpeakers(utterance: Int, first: String, second: String)
    /// The speaker is not one the project knows.
    case unknownSpeaker(String, known: [String])

    /// A message saying what to do instead.
    public var description: String {
        switch self {
        case .noSuchUtterance(let document, let utterance, let count):
            "Document '\(document)' has utterances 1–\(count); \(utterance) is not one."
        case .emptyText(let utterance):
            "The new text of utterance \(utterance) is empty. To remove a turn, merge it with the next or revise the file."
        case .emptySpeaker(let utterance):
            "The new speaker of utterance \(utterance) is empty."
        case .controlCharacter(let utterance, let scalar, let position):
            "The new text of utterance \(utterance) has a control character (U+\(String(format: "%04X", scalar))) at character \(position)."
        case .cutAtEnd(let utterance, let offset, let length):
            "Cannot split utterance \(utterance) at \(offset): both parts need words (the utterance has \(length) characters)."
        case .nothingToMerge(let utterance):
            "Utterance \(utterance) is the last one; there is no next utterance to merge it with."
        case .differentSpeakers(let utterance, let first, let second):
            "Utterances \(utterance) and \(utterance + 1) are spoken by \(first) and \(second); give them one speaker first, then merge."
        case .unknownSpeaker(let speaker, let known):
            "No speaker is labelled '\(speaker)'. This document's speakers: \(known.joined(separator: ", ")). "
                + "A new speaker comes from the transcript file: add the label there and ingest it with --replace."
        }
    }
}
