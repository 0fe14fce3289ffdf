extension XMLSchemaValidator {
    /// Compiles one of the REFI-QDA schemas.
    ///
    /// - Throws: `ExchangeError.schemaUnusable` when the file cannot be read or is not a schema.
    static func refi(_ path: String) throws(ExchangeError) -> XMLSchemaValidator {
        do {
            return try XMLSchemaValidator(path: path)
        } catch {
            throw .schemaUnusable(path: error.path, message: error.message)
        }
    }
}
