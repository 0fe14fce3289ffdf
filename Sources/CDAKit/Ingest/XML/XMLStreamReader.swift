internal import CLibXML2
import Foundation

/// A forward-only pull reader over libxml2's `xmlTextReader`, safe for untrusted files.
///
/// The reader never touches the network (`XML_PARSE_NONET`), never loads a DTD and never
/// substitutes entities: a reference to a DTD entity is an error, so external entities (XXE)
/// cannot leak files and entity bombs cannot expand. Memory stays flat: nodes are freed as the
/// reader moves on. libxml2's own limits (nesting depth, text size) stay on.
final class XMLStreamReader {
    /// One event in document order.
    enum Event {
        /// An element opens; `isEmpty` when it closes at once (`<x/>`).
        case start(name: String, attributes: [String: String], isEmpty: Bool)
        /// An element closes.
        case end(name: String)
        /// Character data, CDATA or whitespace inside an element.
        case text(String)
    }

    private let reader: xmlTextReaderPtr
    private let buffer: UnsafeMutableBufferPointer<CChar>
    private let file: String
    fileprivate var firstError: (line: Int, column: Int, message: String)?

    /// Initialises libxml2 once, as it asks to be before readers run on several threads.
    static func prepareForThreads() { _ = initialized }

    private static let initialized: Void = { xmlInitParser() }()

    /// Opens a reader over the bytes of `source`.
    ///
    /// - Throws: `IngestError.malformedXML` when libxml2 cannot start.
    init(_ source: SourceFile) throws(IngestError) {
        file = source.path
        let copy = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(source.bytes.count, 1))
        source.bytes.withUnsafeBufferPointer { bytes in
            if let base = bytes.baseAddress { _ = memcpy(copy.baseAddress!, base, bytes.count) }
        }
        buffer = copy
        // libxml2 reports some problems (encoding errors) through its generic handler, which
        // prints to standard error with bytes of the input; errors reach cda through the
        // structured handler below instead.
        cda_silence_generic_errors()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)
        guard let reader = xmlReaderForMemory(copy.baseAddress, Int32(clamping: source.bytes.count), source.path, nil, options) else {
            copy.deallocate()
            throw .malformedXML(SourceLocation(file: source.path), message: "libxml2 could not open the document")
        }
        self.reader = reader
        xmlTextReaderSetStructuredErrorHandler(
            reader,
            { context, error in
                guard let context, let error else { return }
                let stream = Unmanaged<XMLStreamReader>.fromOpaque(context).takeUnretainedValue()
                guard stream.firstError == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
                let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
                stream.firstError = (
                    Int(error.pointee.line), Int(error.pointee.int2), message.trimmingCharacters(in: .whitespacesAndNewlines)
                )
            }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
        buffer.deallocate()
    }

    /// The position of the current node: its line, and the parser's column.
    var location: SourceLocation {
        var line = Int(xmlTextReaderGetParserLineNumber(reader))
        if let node = xmlTextReaderCurrentNode(reader) {
            let nodeLine = Int(xmlGetLineNo(node))
            if nodeLine > 0 { line = nodeLine }
        }
        let column = Int(xmlTextReaderGetParserColumnNumber(reader))
        return SourceLocation(file: file, line: line, column: max(column, 1))
    }

    /// The next event, or `nil` at the end of the document.
    ///
    /// - Throws: `IngestError.malformedXML` with libxml2's message and position, or
    ///   `.entityNotAllowed` for a reference to a DTD entity.
    func next() throws(IngestError) -> Event? {
        while true {
            let status = xmlTextReaderRead(reader)
            if status < 0 || firstError != nil { throw parseError() }
            if status == 0 {
                if let firstError {
                    throw .malformedXML(
                        SourceLocation(file: file, line: firstError.line, column: firstError.column), message: firstError.message)
                }
                return nil
            }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                let name = string(xmlTextReaderConstLocalName(reader))
                if string(xmlTextReaderConstNamespaceUri(reader)).hasPrefix("http://www.w3.org/2001/XInclude") {
                    throw .includeNotAllowed(location)
                }
                let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                var attributes: [String: String] = [:]
                if xmlTextReaderHasAttributes(reader) == 1 {
                    while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                        attributes[string(xmlTextReaderConstName(reader))] = string(xmlTextReaderConstValue(reader))
                    }
                    xmlTextReaderMoveToElement(reader)
                }
                return .start(name: name, attributes: attributes, isEmpty: isEmpty)
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                return .end(name: string(xmlTextReaderConstLocalName(reader)))
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                return .text(string(xmlTextReaderConstValue(reader)))
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                // Entity declarations are how entity bombs and external-entity attacks start.
                if let node = xmlTextReaderCurrentNode(reader) {
                    let dtd = UnsafeMutableRawPointer(node).assumingMemoryBound(to: xmlDtd.self).pointee
                    if dtd.entities != nil || dtd.pentities != nil { throw .entityDeclarations(location) }
                }
                continue
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                throw .entityNotAllowed(location, name: string(xmlTextReaderConstName(reader)))
            default:
                continue
            }
        }
    }

    /// Skips the rest of the element whose start event was just returned.
    func skipElement(named name: String, isEmpty: Bool) throws(IngestError) {
        guard !isEmpty else { return }
        var depth = 1
        while let event = try next() {
            switch event {
            case .start(_, _, let empty): if !empty { depth += 1 }
            case .end: depth -= 1
            case .text: break
            }
            if depth == 0 { return }
        }
    }

    private func parseError() -> IngestError {
        if let firstError {
            return .malformedXML(SourceLocation(file: file, line: firstError.line, column: firstError.column), message: firstError.message)
        }
        return .malformedXML(location, message: "the document is not well-formed")
    }

    private func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
