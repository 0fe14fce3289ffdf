/// A report laid out as a word-processor document: a title, headings, paragraphs and tables, with
/// every figure already formatted. The Word and OpenDocument renderers write the same document.
struct ReportDocument: Sendable, Hashable {
    /// A stretch of text with one look.
    struct Run: Sendable, Hashable {
        /// The text.
        var text: String
        /// Bold.
        var bold = false
        /// Italic.
        var italic = false
    }

    /// One block of the document, in reading order.
    enum Block: Sendable, Hashable {
        /// The document's title (style Title).
        case title(String)
        /// A heading of level 1 to 3 (styles Heading 1–3, shown in the navigation pane).
        case heading(String, level: Int)
        /// A paragraph of runs.
        case paragraph([Run])
        /// A table with a header row.
        case table(header: [String], rows: [[String]])
    }

    /// The title, also the document's metadata title.
    var title: String
    /// The blocks.
    var blocks: [Block]

    /// The blocks' headings with their levels, in order.
    var headings: [(text: String, level: Int)] {
        blocks.compactMap { block in
            if case .heading(let text, let level) = block { (text, level) } else { nil }
        }
    }
}
