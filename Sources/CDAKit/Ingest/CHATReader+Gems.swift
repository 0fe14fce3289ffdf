extension CHATReader {
    /// The gems (`@Bg`, `@Eg`, `@G`) open at a point of a CHAT file, which name the section.
    struct Gems {
        /// Open `@Bg` gems, innermost last.
        private var open: [String] = []
        /// The current lazy gem (`@G`).
        private var lazy: String?
        /// How many `@Bg` and `@G` headers were read.
        private var count = 0

        /// The section of an utterance at this point: the innermost open gem, else the lazy gem.
        var section: String? { open.last ?? lazy }

        /// Reads a header if it is a gem.
        ///
        /// - Returns: Whether it was one.
        mutating func read(header name: String, value: String) -> Bool {
            switch name {
            case "Bg":
                count += 1
                open.append(value.isEmpty ? "gem \(count)" : value)
            case "G":
                count += 1
                lazy = value.isEmpty ? "gem \(count)" : value
            case "Eg":
                // A label closes the gem it names; no label, or one that names no open gem, the innermost.
                if let index = open.lastIndex(of: value), !value.isEmpty {
                    open.remove(at: index)
                } else if !open.isEmpty {
                    open.removeLast()
                }
            default:
                return false
            }
            return true
        }
    }
}
