import Foundation

/// A small element tree read with the safe streaming reader, for REFI-QDA files.
///
/// Text is kept exactly as the parser delivers it (character references resolved, CRLF
/// normalised by XML's own rules), so memo texts and descriptions round-trip.
struct XMLNode: Sendable, Hashable {
    /// The local name (namespace prefixes dropped).
    var name: String
    /// The attributes by qualified name.
    var attributes: [String: String]
    /// Child elements in order.
    var children: [XMLNode] = []
    /// The element's own character data.
    var text = ""
    /// The line of the start tag.
    var line: Int

    /// The first child with this local name.
    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    /// All children with this local name.
    func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// Reads a whole document.
    ///
    /// - Throws: `IngestError.malformedXML` or `.entityNotAllowed` (with the file and position).
    static func parse(_ source: SourceFile) throws(IngestError) -> XMLNode {
        let xml = try XMLStreamReader(source)
        var stack: [XMLNode] = []
        var root: XMLNode?
        while let event = try xml.next() {
            switch event {
            case .start(let name, let attributes, let isEmpty):
                let node = XMLNode(name: name, attributes: attributes, line: xml.location.line ?? 0)
                if isEmpty {
                    if stack.isEmpty { root = node } else { stack[stack.count - 1].children.append(node) }
                } else {
                    stack.append(node)
                }
            case .end:
                guard let node = stack.popLast() else { continue }
                if stack.isEmpty { root = node } else { stack[stack.count - 1].children.append(node) }
            case .text(let text):
                if !stack.isEmpty { stack[stack.count - 1].text += text }
            }
        }
        guard let root else { throw .malformedXML(source.location(), message: "no root element") }
        return root
    }
}
