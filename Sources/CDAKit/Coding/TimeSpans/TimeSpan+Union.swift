extension TimeSpan {
    /// The milliseconds the union of `spans` covers: per document, overlapping or touching spans
    /// count once; the documents' totals are added.
    ///
    /// - Complexity: O(*n* log *n*) for *n* spans.
    public static func unionMilliseconds(_ spans: some Sequence<TimeSpan>) -> Int {
        var total = 0
        for (_, spans) in Dictionary(grouping: spans, by: \.documentID) {
            var end = Int.min
            for span in spans.sorted() where span.endMilliseconds > span.startMilliseconds {
                if span.startMilliseconds >= end {
                    total += span.lengthMilliseconds
                    end = span.endMilliseconds
                } else if span.endMilliseconds > end {
                    total += span.endMilliseconds - end
                    end = span.endMilliseconds
                }
            }
        }
        return total
    }
}
