/// A `Label:` in caption text that could start a speaker's turn, before the file's evidence decides.
struct LabelCandidate {
    /// How much a label's own form says that it names someone.
    enum Shape: Comparable {
        /// Starts with a lowercase letter (`s'énonce ainsi`): a speaker only when declared.
        case lowercase
        /// Starts with a capital but has lowercase words (`J'ai dit`, `Règle numéro un`).
        case phrase
        /// One capitalised word (`Interviewer`, `Attention`): a name only when the file has other labels.
        case word
        /// Looks like a name or role: capitalised words (`Morag Lindsay`, `The Presiding Officer`),
        /// `Name (Detail)`, all capitals (`JOHN`), or a code with a digit (`P01`, `Speaker 2`).
        case name
    }

    /// Lowercase words allowed inside a name or role (`Minister for Health and Social Care`,
    /// `Jan van der Berg`).
    static let particles: Set<String> = [
        "of", "for", "and", "the", "to", "on", "in", "at", "de", "van", "der", "den", "het", "ter", "te", "la", "le",
        "du", "des", "di", "da", "del", "dos", "das", "von", "und", "y", "e", "et", "à", "au", "aux", "op", "'t",
    ]

    /// The label without the colon and any `>>`.
    var label: String
    /// The label with its colon and the spaces after it, in the speech's text.
    var range: Range<String.Index>
    /// The 1-based file line where the label starts.
    var line: Int
    /// Whether a `>>` marker stands right before the label.
    var marked: Bool
    /// What the label's form says.
    var shape: Shape

    /// The candidates in a speech segment: a `Label:` at its start or after a sentence end, or a
    /// name-shaped one (`Shape.name`) at the start of a later caption line, followed by a space or
    /// the end of the segment.
    ///
    /// A bare line start is not enough for other shapes, since caption lines wrap in mid-sentence
    /// (`…the following` / `Points: one, two`).
    ///
    /// - Complexity: O(*n*) in the length of the text; a label is looked for only within 100
    ///   characters of each place.
    static func candidates(in speech: CaptionCue.Speech) -> [LabelCandidate] {
        let text = speech.text
        var places: [(index: String.Index, nameOnly: Bool)] = [(text.startIndex, false)]
        places += speech.lineStarts.dropFirst().map { (text.utf8.index(text.startIndex, offsetBy: $0.offset), true) }
        var index = text.startIndex
        while let space = text[index...].firstIndex(of: " ") {
            let next = text.index(after: space)
            if next < text.endIndex, CaptionText.endsSentence(text, before: space) { places.append((next, false)) }
            index = next
        }
        // At one place, a sentence end wins over a bare line start.
        places.sort { ($0.index, $0.nameOnly ? 1 : 0) < ($1.index, $1.nameOnly ? 1 : 0) }
        var found: [LabelCandidate] = []
        for place in places where place.index >= (found.last?.range.upperBound ?? text.startIndex) {
            guard var candidate = candidate(in: text, at: place.index), !place.nameOnly || candidate.shape == .name else { continue }
            candidate.line = speech.line(at: place.index)
            candidate.marked = place.index == text.startIndex && speech.marker == .chevrons
            found.append(candidate)
        }
        return found
    }

    /// The candidate that starts at `place`, if the text there reads `Label: ` or ends with `Label:`.
    private static func candidate(in text: String, at place: String.Index) -> LabelCandidate? {
        var colon = place
        var scanned = 0
        while colon < text.endIndex, text[colon] != ":" {
            scanned += 1
            if scanned > 100 { return nil }
            colon = text.index(after: colon)
        }
        guard colon < text.endIndex else { return nil }
        let after = text.index(after: colon)
        guard after == text.endIndex || text[after] == " " else { return nil }
        let label = text[place..<colon]
        guard let shape = shape(of: label) else { return nil }
        let end = text[after...].firstIndex { $0 != " " } ?? text.endIndex
        return LabelCandidate(label: String(label), range: place..<end, line: 0, marked: false, shape: shape)
    }

    /// What `label`'s form says, or `nil` when it cannot be a label: more than 80 characters,
    /// characters other than letters, digits, spaces and `' ’ - – . & # ( )`, unbalanced or nested
    /// parentheses, a full stop that is not a title's or an initial's, or too many words outside
    /// parentheses (8 for a name, 4 otherwise).
    static func shape(of label: Substring) -> Shape? {
        guard let first = label.first, first.isLetter || first.isNumber, label.count <= 80, label.last != " " else { return nil }
        var outside = ""
        var depth = 0
        for character in label {
            switch character {
            case "(":
                depth += 1
                if depth > 1 { return nil }
            case ")":
                depth -= 1
                if depth < 0 { return nil }
            default:
                guard character.isLetter || character.isNumber || " '’-–.&#".contains(character) else { return nil }
                if depth == 0 { outside.append(character) }
            }
        }
        guard depth == 0 else { return nil }
        let words = outside.split(separator: " ")
        guard !words.isEmpty else { return nil }
        for word in words where word.contains(".") {
            let letters = word.filter { $0 != "." }
            let isInitials = letters.allSatisfy(\.isUppercase) && word.split(separator: ".").allSatisfy { $0.count == 1 }
            guard isInitials || (word.last == "." && titles(contains: letters)) else { return nil }
        }
        let shape = classify(Array(words), label: label, firstIsLowercase: first.isLowercase)
        guard words.count <= (shape == .name ? 8 : 4) else { return nil }
        return shape
    }

    private static func titles(contains word: String) -> Bool {
        CaptionText.titles.contains(word.lowercased()) && !word.contains(".")
    }

    private static func classify(_ words: [Substring], label: Substring, firstIsLowercase: Bool) -> Shape {
        if firstIsLowercase { return .lowercase }
        let capitalised = words.enumerated().allSatisfy { position, word in
            guard let first = word.first else { return false }
            return first.isUppercase || first.isNumber || (position > 0 && particles.contains(word.lowercased()))
        }
        let letters = label.filter(\.isLetter)
        if letters.count >= 3, !letters.contains(where: \.isLowercase) { return .name }
        guard capitalised else { return .phrase }
        if label.contains("(") || words.count >= 2 { return .name }
        if words[0].contains(where: \.isNumber) && words[0].contains(where: \.isLetter) { return .name }
        return .word
    }
}
