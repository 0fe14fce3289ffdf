extension AutoCoder {
    /// Writes every hit as a coding-sheet line (exactly `CodingSheet.line(sheetRow(hit, …))`
    /// and a line break, after the header) while scanning, and counts the hits.
    ///
    /// Millions of hits make the sheet the bulk of the work, so each line is put together as bytes:
    /// the cells a dictionary entry always writes the same (code, round, coder, memo) are prepared
    /// once per entry, and counts go into an array by code and group.
    ///
    /// - Returns: The hits per code and group, as `counts` of the hits would give.
    /// - Throws: `StoreError` from the scan; `AtomicFile.WriteError` when the output fails.
    public static func writeSheet(
        of dictionary: CodingDictionary, in store: ProjectStore, scope: TextScope, round: Int, coder: String,
        to output: BufferedOutput
    ) throws -> AutoCodeCounts {
        try output.write(CodingSheet.header + "\n")
        let middles = dictionary.entries.map { entry in
            var cells: [UInt8] = [0x09]
            for cell in [CodeName.written(entry.code, origin: .analyst), String(round), coder, "autocode: \(entry.pattern)"] {
                cells.appendSheetCell(cell)
                cells.append(0x09)
            }
            return cells
        }
        let (codes, codeOf) = dictionary.codeNumbers
        var groups: [String?] = []
        var tally: [[Int]] = Array(repeating: [], count: codes.count)
        var group = (name: String?.none, index: -1)
        var line: [UInt8] = []
        try scan(dictionary, in: store, scope: scope, readText: true) { entry, record, from, to, text in
            if group.index < 0 || group.name != record.group {
                group = (record.group, groups.firstIndex(of: record.group) ?? groups.count)
                if group.index == groups.count { groups.append(record.group) }
            }
            let code = codeOf[entry]
            if tally[code].count <= group.index { tally[code] += Array(repeating: 0, count: group.index + 1 - tally[code].count) }
            tally[code][group.index] += 1
            line.removeAll(keepingCapacity: true)
            line.appendSheetCell(record.document)
            line.append(0x09)
            line.appendDecimal(record.index)
            line.append(0x09)
            line.appendDecimal(from)
            line.append(0x09)
            line.appendDecimal(to)
            line.append(contentsOf: middles[entry])
            line.appendSheetCell(text.slice(from..<to))
            line.append(contentsOf: [0x09, 0x09, 0x0A])
            try output.write(line)
        }
        var counts = AutoCodeCounts()
        for (code, perGroup) in tally.enumerated() {
            for (index, hits) in perGroup.enumerated() where hits > 0 {
                counts.perCode[codes[code], default: [:]][groups[index] ?? "-"] = hits
            }
        }
        return counts
    }
}
