import Foundation

/// Builds utterances from a plain-text body once `TurnStyle` has read its lines.
enum TurnAssembler {
    /// One body line.
    enum Entry {
        case blank
        case section(String)
        /// A line that could start a turn: its reading is `readings[index]`.
        case candidate(Int)
        case text(Substring)
    }

    /// Joins the lines into utterances.
    ///
    /// In a file with speaker turns a turn runs until the next turn or section, across blank lines;
    /// in a file without any, each paragraph is an utterance, and bracketed time stamps inside it
    /// (`[00:01:23]`) set its time and are removed from its words.
    static func assemble(_ entries: [Entry], readings: [TurnStyle.Reading]) -> [Utterance] {
        let hasTurns = readings.contains { if case .turn = $0 { true } else { false } }
        var utterances: [Utterance] = []
        var section: String?
        var current: Utterance?
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
        func append(_ text: Substring, stamp: Double?) {
            var piece = text.trimmedSpaces
            var stamp = stamp
            if !hasTurns, piece.utf8.contains(0x5B) {
                let (cleaned, first) = removingStamps(piece)
                piece = cleaned[...].trimmedSpaces
                stamp = stamp ?? first
            }
            if current == nil {
                current = Utterance(index: 0, speakerID: nil, start: stamp, section: section, text: String(piece))
                return
            }
            if current!.start == nil { current!.start = stamp }
            guard !piece.isEmpty else { return }
            if current!.text.isEmpty {
                current!.text = String(piece)
            } else {
                current!.text += " " + piece
            }
        }
        for entry in entries {
            switch entry {
            case .blank:
                if !hasTurns { flush() }
            case .section(let name):
                flush()
                section = name
            case .candidate(let index):
                switch readings[index] {
                case .turn(let label, let time, let text):
                    flush()
                    current = Utterance(index: 0, speakerID: label, start: time, section: section, text: "")
                    append(text, stamp: nil)
                case .text(let text, let stamp):
                    append(text, stamp: stamp)
                }
            case .text(let line):
                append(line, stamp: nil)
            }
        }
        flush()
        return utterances
    }

    /// `text` without its bracketed clock stamps, and the time of the first one.
    static func removingStamps(_ text: Substring) -> (String, Double?) {
        var result = ""
        var first: Double?
        var rest = text
        while let open = rest.firstIndex(of: "[") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "]") else {
                rest = rest[open...]
                break
            }
            let inner = after[..<close].trimmingCharacters(in: .whitespaces)
            if TurnLine.isClockShaped(inner[...]), let seconds = TimeCode.seconds(inner) {
                first = first ?? seconds
                if result.last == " " && after[after.index(after: close)...].first == " " { result.removeLast() }
            } else {
                result += rest[open...close]
            }
            rest = after[after.index(after: close)...]
        }
        result += rest
        return (result, first)
    }
}
