import Foundation

/// Reads TEI `<person>` records, from a `listPerson` file (`--persons`) or a TEI header.
///
/// A person becomes a speaker with the TEI `xml:id` as id, forenames and surnames as name, and
/// the attributes `sex` and `party` (the `#party.X` affiliation without an end date, else the last).
public enum PersonListReader {
    /// Reads every `<person>` in a file.
    ///
    /// - Returns: The people by id.
    /// - Throws: `IngestError` for unreadable or malformed XML.
    public static func read(_ source: SourceFile) throws(IngestError) -> [String: Speaker] {
        let xml = try XMLStreamReader(source)
        var people: [String: Speaker] = [:]
        while let event = try xml.next() {
            if case .start("person", let attributes, let isEmpty) = event {
                let person = try readPerson(xml, attributes: attributes, isEmpty: isEmpty)
                if let person { people[person.id] = person }
            }
        }
        return people
    }

    /// Reads one `<person>` element whose start event was just returned.
    static func readPerson(_ xml: XMLStreamReader, attributes: [String: String], isEmpty: Bool) throws(IngestError) -> Speaker? {
        guard let id = attributes["xml:id"] ?? attributes["id"] else {
            try xml.skipElement(named: "person", isEmpty: isEmpty)
            return nil
        }
        var forenames: [String] = []
        var surnames: [String] = []
        var plainName = ""
        var sex: String?
        var currentParty: String?
        var lastParty: String?
        var depth = isEmpty ? 0 : 1
        var nameElement: String?
        var nameText = ""
        while depth > 0, let event = try xml.next() {
            switch event {
            case .start(let name, let attrs, let empty):
                switch name {
                case "forename", "surname", "persName":
                    if name != "persName" || forenames.isEmpty && surnames.isEmpty {
                        nameElement = name
                        nameText = ""
                    }
                case "sex": sex = attrs["value"]
                case "affiliation":
                    if let ref = attrs["ref"], ref.hasPrefix("#party.") {
                        let party = String(ref.dropFirst("#party.".count))
                        lastParty = party
                        if attrs["to"] == nil { currentParty = party }
                    }
                default: break
                }
                if !empty { depth += 1 }
            case .end(let name):
                depth -= 1
                if name == nameElement {
                    let text = XMLStreamReader.collapseWhitespace(nameText)
                    switch name {
                    case "forename": forenames.append(text)
                    case "surname": surnames.append(text)
                    default: plainName = text
                    }
                    nameElement = nil
                }
            case .text(let text):
                if nameElement != nil { nameText += text }
            }
        }
        let structured = (forenames + surnames).joined(separator: " ")
        let name = structured.isEmpty ? (plainName.isEmpty ? nil : plainName) : structured
        var extra: [String: String] = [:]
        extra["sex"] = sex
        extra["party"] = currentParty ?? lastParty
        return Speaker(id: id, name: name, role: .participant, attributes: extra)
    }
}
