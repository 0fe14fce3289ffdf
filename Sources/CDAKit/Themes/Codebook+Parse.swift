internal import Yams

extension Codebook {
    /// Parses a codebook from YAML text.
    ///
    /// - Parameter file: The file name for messages.
    /// - Throws: `CodebookError`.
    public static func parse(_ text: String, file: String = "codebook") throws(CodebookError) -> Codebook {
        let codebook: Codebook
        do {
            codebook = try YAMLDecoder().decode(Codebook.self, from: text)
        } catch {
            throw CodebookError(file: file, underlying: error)
        }
        try codebook.checkInvariants(file: file)
        return codebook
    }
}
