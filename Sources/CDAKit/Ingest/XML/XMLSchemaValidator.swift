internal import CLibXML2
import Foundation

/// One place where a document breaks its XML Schema.
public struct XMLSchemaViolation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 1-based line.
    public var line: Int
    /// libxml2's message (element and attribute names, never text content).
    public var message: String

    /// `LINE: message`.
    public var description: String { "\(line): \(message)" }
}

/// Validates documents against a W3C XML Schema with libxml2, as the REFI-QDA exchange needs.
///
/// The schema is compiled once from the file's bytes (no network, no includes). Documents are
/// checked for well-formedness and refused entities with the streaming reader first, then parsed
/// without network access or entity substitution and validated.
final class XMLSchemaValidator: @unchecked Sendable {
    private let schema: xmlSchemaPtr
    /// The schema's path, for messages.
    let path: String

    private static let initialized: Void = { xmlInitParser() }()

    /// A collector for libxml2's structured errors.
    private final class Collector {
        var violations: [XMLSchemaViolation] = []
        var limit = 200
    }

    /// A schema file that cannot be read or compiled.
    struct Unusable: Error {
        /// The schema's path.
        var path: String
        /// What is wrong with it.
        var message: String
    }

    /// Compiles a schema.
    ///
    /// - Throws: `Unusable` when the file cannot be read or is not a schema.
    init(path: String) throws(Unusable) {
        _ = Self.initialized
        self.path = path
        guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else {
            throw Unusable(path: path, message: "cannot read the file")
        }
        let collector = Collector()
        let compiled: xmlSchemaPtr? = data.withUnsafeBytes { raw in
            guard let context = xmlSchemaNewMemParserCtxt(raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count)) else {
                return nil
            }
            defer { xmlSchemaFreeParserCtxt(context) }
            xmlSchemaSetParserStructuredErrors(context, Self.handler, Unmanaged.passUnretained(collector).toOpaque())
            return xmlSchemaParse(context)
        }
        guard let compiled else {
            throw Unusable(path: path, message: collector.violations.first?.message ?? "not a W3C XML Schema")
        }
        schema = compiled
    }

    deinit { xmlSchemaFree(schema) }

    private static let handler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
        guard collector.violations.count < collector.limit, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let message = error.pointee.message.map { String(cString: $0) } ?? "invalid"
        collector.violations.append(
            XMLSchemaViolation(
                line: Int(error.pointee.line), message: message.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// The document's violations of the schema; empty when it is valid.
    ///
    /// - Parameter source: The document (its path names it in messages).
    /// - Throws: `IngestError.malformedXML` or `.entityNotAllowed` when it is not well-formed or uses DTD entities.
    func validate(_ source: SourceFile) throws(IngestError) -> [XMLSchemaViolation] {
        // Well-formed and free of DTD entities, or refused before libxml2 builds a tree.
        let reader = try XMLStreamReader(source)
        while try reader.next() != nil {}
        let collector = Collector()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = source.bytes.withUnsafeBufferPointer { bytes in
            bytes.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    xmlReadMemory($0, Int32(clamping: bytes.count), source.path, nil, options)
                }
            }
        }
        guard let document else {
            throw .malformedXML(source.location(), message: "libxml2 could not build the document")
        }
        defer { xmlFreeDoc(document) }
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            return [XMLSchemaViolation(line: 0, message: "libxml2 could not start validation")]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        xmlSchemaSetValidStructuredErrors(context, Self.handler, Unmanaged.passUnretained(collector).toOpaque())
        let status = xmlSchemaValidateDoc(context, document)
        if status != 0 && collector.violations.isEmpty {
            collector.violations.append(XMLSchemaViolation(line: 0, message: "the document does not match the schema"))
        }
        return collector.violations
    }
}
