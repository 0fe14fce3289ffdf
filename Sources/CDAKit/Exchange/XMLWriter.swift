import Foundation

/// Builds an XML document as text, escaping everything it is given.
///
/// Carriage returns, line feeds and tabs in attribute values, and carriage returns in text, are
/// written as character references, so a reader gets them back exactly (XML parsers otherwise
/// normalise CRLF to LF). Characters that XML 1.0 cannot carry (control characters other than tab,
/// LF and CR) are written as U+FFFD.
struct XMLWriter {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var open: [String] = []
    private var hasChildren: [Bool] = []

    /// Opens an element; attributes with a `nil` value are left out.
    mutating func start(_ name: String, _ attributes: [(String, String?)] = []) {
        closePendingStart()
        indent()
        text += "<" + name + Self.attributeText(attributes)
        open.append(name)
        hasChildren.append(false)
        pendingStart = true
    }

    /// Closes the innermost element.
    mutating func end() {
        let name = open.removeLast()
        let children = hasChildren.removeLast()
        if pendingStart {
            text += "/>\n"
            pendingStart = false
            return
        }
        if children { indent() }
        text += "</" + name + ">\n"
    }

    /// An element without children; attributes with a `nil` value are left out.
    mutating func empty(_ name: String, _ attributes: [(String, String?)] = []) {
        start(name, attributes)
        end()
    }

    /// An element holding only text, written exactly (no indentation inside).
    mutating func textElement(_ name: String, _ content: String, _ attributes: [(String, String?)] = []) {
        closePendingStart()
        indent()
        text += "<" + name + Self.attributeText(attributes) + ">" + Self.escape(content, inAttribute: false) + "</" + name + ">\n"
    }

    /// A piece of mixed content: text, or an element holding only text.
    enum Inline: Sendable {
        /// Character data.
        case text(String)
        /// An element with attributes (those with a `nil` value left out) and text.
        case element(String, [(String, String?)], String)

        var markup: String {
            switch self {
            case .text(let content): XMLWriter.escape(content, inAttribute: false)
            case .element(let name, let attributes, let content):
                "<" + name + XMLWriter.attributeText(attributes) + ">" + XMLWriter.escape(content, inAttribute: false) + "</" + name + ">"
            }
        }
    }

    /// An element holding mixed content on one line, with no whitespace added between its parts,
    /// for formats where whitespace inside a paragraph is text (OpenDocument).
    mutating func mixedElement(_ name: String, _ attributes: [(String, String?)] = [], _ content: [Inline]) {
        closePendingStart()
        indent()
        text += "<" + name + Self.attributeText(attributes) + ">" + content.map(\.markup).joined() + "</" + name + ">\n"
    }

    private var pendingStart = false

    private mutating func closePendingStart() {
        if !hasChildren.isEmpty { hasChildren[hasChildren.count - 1] = true }
        if pendingStart {
            text += ">\n"
            pendingStart = false
        }
    }

    private mutating func indent() {
        text += String(repeating: "  ", count: open.count)
    }

    private static func attributeText(_ attributes: [(String, String?)]) -> String {
        attributes.compactMap { name, value in value.map { " \(name)=\"\(escape($0, inAttribute: true))\"" } }.joined()
    }

    /// `text` with markup characters escaped.
    static func escape(_ text: String, inAttribute: Bool) -> String {
        MarkupEscaping.escape(text, for: inAttribute ? .xmlAttribute : .xmlText)
    }
}
