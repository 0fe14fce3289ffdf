internal import Yams

extension Codebook {
    /// Parses a codebook from YAML text.
    ///
    /// - Parameter file: The file name for messages.
    /// - Throws: `CodebookError`.
    public static func parse(_ text: String, file: String = "codebook") throws(CodebookError) -> Codebook {
        let node: Node
        do {
            node = try YAMLSafety.compose(text, file: file)
        } catch let error as CodebookError {
            throw error
        } catch {
            throw CodebookError(file: file, underlying: error)
        }
        let codebook: Codebook
        do {
            codebook = try YAMLDecoder().decode(Codebook.self, from: node)
        } catch {
            throw CodebookError(file: file, underlying: error)
        }
        try codebook.checkInvariants(file: file)
        return codebook
    }
}
