import Foundation

extension SheetWorkbook {
    /// Whether the file at `path` starts like a ZIP archive (`PK\u{3}\u{4}`), as every `.xlsx` does.
    static func isWorkbook(_ source: SourceFile) -> Bool {
        source.bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    /// Reads the first worksheet of a workbook into records, one per non-empty row.
    ///
    /// - Returns: Records whose line is the row number; rows with only empty cells and rows whose
    ///   first cell starts with `#` are left out.
    /// - Throws: `ExchangeError` when the file is not a readable ZIP archive or has no worksheet;
    ///   `IngestError.malformedXML` when a part is not well-formed XML.
    static func read(at path: String) throws -> [SheetTable.Record] {
        var archive = try QDPXArchive(path: path)
        func part(_ name: String) throws -> XMLNode? {
            guard let entry = archive.entryPath(name) else { return nil }
            return try XMLNode.parse(SourceFile(path: "\(path)/\(entry)", bytes: try archive.read(entry)))
        }
        var sheetPath = "xl/worksheets/sheet1.xml"
        var sharedPath = "xl/sharedStrings.xml"
        if let book = try part("xl/workbook.xml"), let relations = try part("xl/_rels/workbook.xml.rels") {
            let firstID = book.child("sheets")?.children("sheet").first?.attributes.first { $0.key.hasSuffix(":id") }?.value
            for relation in relations.children("Relationship") {
                guard let target = relation.attributes["Target"], let type = relation.attributes["Type"] else { continue }
                let resolved = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                if relation.attributes["Id"] == firstID { sheetPath = resolved }
                if type.hasSuffix("/sharedStrings") { sharedPath = resolved }
            }
        }
        guard let sheet = try part(sheetPath) else {
            throw ExchangeError.unreadable(file: path, reason: "no worksheet '\(sheetPath)' in the workbook")
        }
        let shared = try part(sharedPath)?.children("si").map(Self.text(of:)) ?? []
        var records: [SheetTable.Record] = []
        var rowNumber = 0
        for row in sheet.child("sheetData")?.children("row") ?? [] {
            rowNumber = row.attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            var cells: [String] = []
            for cell in row.children("c") {
                let column = cell.attributes["r"].flatMap(columnIndex(of:)) ?? cells.count
                guard column < 1_000 else { continue }
                while cells.count < column { cells.append("") }
                let value = cellValue(cell, shared: shared)
                if column < cells.count { cells[column] = value } else { cells.append(value) }
            }
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            if cells.first?.hasPrefix("#") == true { continue }
            records.append(SheetTable.Record(line: rowNumber, cells: cells))
        }
        return records
    }

    /// A cell's value as text.
    private static func cellValue(_ cell: XMLNode, shared: [String]) -> String {
        let value = cell.child("v")?.text ?? ""
        switch cell.attributes["t"] {
        case "s": return Int(value.trimmingCharacters(in: .whitespaces)).flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? ""
        case "inlineStr": return cell.child("is").map(text(of:)) ?? ""
        case "b": return value == "1" ? "TRUE" : "FALSE"
        case "str", "e": return value
        default:
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            if let number = Double(trimmed), number.rounded() == number, abs(number) < 1e15 { return String(Int(number)) }
            return trimmed
        }
    }

    /// The text of a string item: its `<t>`, or its rich-text runs' `<t>` joined; phonetic runs left out.
    private static func text(of item: XMLNode) -> String {
        if let plain = item.child("t") { return plain.text }
        return item.children("r").compactMap { $0.child("t")?.text }.joined()
    }

    /// The zero-based column of a cell reference (`C7` is 2), or `nil` when it has no letters.
    static func columnIndex(of reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) else { break }
            index = index * 26 + Int(Character(scalar).uppercased().unicodeScalars.first!.value - 64)
            letters += 1
        }
        return letters == 0 ? nil : index - 1
    }
}
