/// Rows of different lengths kept in one flat array (the compressed-sparse-row layout), so that a
/// table of hundreds of thousands of short lists costs two arrays instead of one array per row.
struct RaggedArray<Element: Sendable>: Sendable {
    /// Where each row starts in `elements`; the last entry is where the next row would start.
    private var starts: [Int] = [0]
    /// Every row's elements, row after row.
    private var elements: [Element] = []

    /// An empty table.
    init() {}

    /// Adds an element to the row being built (the row after the last one ended).
    mutating func append(_ element: Element) { elements.append(element) }

    /// Ends the row being built.
    mutating func endRow() { starts.append(elements.count) }

    /// Ends the row being built, its elements sorted and each kept once.
    mutating func endRowSortedWithoutRepeats() where Element: Comparable {
        let start = starts[starts.count - 1]
        elements[start...].sort()
        var kept = start
        for index in start..<elements.count where kept == start || elements[kept - 1] != elements[index] {
            elements[kept] = elements[index]
            kept += 1
        }
        elements.removeSubrange(kept...)
        endRow()
    }

    /// The elements of row `index`.
    subscript(index: Int) -> ArraySlice<Element> { elements[starts[index]..<starts[index + 1]] }
}
