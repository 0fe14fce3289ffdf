/// Fast helpers on the UTF-8 view for the text readers' hot paths; they avoid grapheme breaking
/// and Foundation bridging, which dominate on large files.
extension Substring {
    /// The text without leading and trailing ASCII spaces and tabs.
    var trimmedSpaces: Substring {
        let bytes = utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
        while end > start {
            let previous = bytes.index(before: end)
            guard bytes[previous] == 0x20 || bytes[previous] == 0x09 else { break }
            end = previous
        }
        return self[start..<end]
    }

    /// The text without leading ASCII spaces and tabs.
    var droppingLeadingSpaces: Substring {
        let bytes = utf8
        var start = bytes.startIndex
        while start < bytes.endIndex, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
        return self[start...]
    }

    /// The index of the first occurrence of an ASCII byte, found on the UTF-8 view.
    func firstIndex(ofASCII byte: UInt8) -> String.Index? {
        utf8.firstIndex(of: byte)
    }

    /// The index of the first space or tab.
    var firstSpaceIndex: String.Index? {
        utf8.firstIndex { $0 == 0x20 || $0 == 0x09 }
    }

    /// Whether the text starts with an ASCII byte.
    func startsWith(ascii byte: UInt8) -> Bool { utf8.first == byte }
}
