extension String {
    /// The text between two Unicode scalar offsets (zero-based, end-exclusive), the unit of every
    /// position in `cda`.
    func scalarSlice(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(unicodeScalars.dropFirst(range.lowerBound).prefix(range.count)))
    }
}
