extension SourceFile {
    /// The document a reader builds from this file: `id` and `title` are taken out of the file's
    /// attributes (the id given with `--id` wins, then the file's, then the file name), the rest
    /// stay document attributes.
    func document(format: DocumentFormat, attributes: [String: String], options: ReadOptions) -> Document {
        var attributes = attributes
        let fileID = attributes.removeValue(forKey: "id")
        let id = options.documentID ?? fileID ?? baseName
        let title = attributes.removeValue(forKey: "title") ?? id
        return Document(id: id, title: title, format: format, sourcePath: path, contentHash: contentHash, attributes: attributes)
    }
}
