import Foundation

extension XMLStreamReader {
    /// Reads the text inside the element whose start event was just returned, up to its end.
    ///
    /// - Parameters:
    ///   - skipping: Local names of child elements whose content is not speech (notes, gaps, …).
    ///   - onStart: Called for each child element that is not skipped, with its attributes.
    /// - Returns: The text with whitespace runs collapsed to one space and trimmed.
    func readText(
        skipping: Set<String> = [], onStart: (String, [String: String]) -> Void = { _, _ in }
    ) throws(IngestError) -> String {
        var pieces = ""
        var depth = 1
        while let event = try next() {
            switch event {
            case .start(let name, let attributes, let isEmpty):
                if skipping.contains(name) {
                    try skipElement(named: name, isEmpty: isEmpty)
                    pieces += " "
                } else {
                    onStart(name, attributes)
                    if !isEmpty { depth += 1 }
                }
            case .end:
                depth -= 1
                if depth == 0 { return Self.collapseWhitespace(pieces) }
            case .text(let text):
                pieces += text
            }
        }
        return Self.collapseWhitespace(pieces)
    }

    /// Collapses runs of XML white space (space, tab, line breaks) to one space and trims the ends.
    static func collapseWhitespace(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(0x20) }
                pendingSpace = false
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
