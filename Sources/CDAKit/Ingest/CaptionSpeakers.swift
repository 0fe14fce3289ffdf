/// Which labels of a caption file name speakers, and under which speaker id, decided on the whole file.
///
/// Evidence, strongest first: a VTT voice (`<v Name>`) always names a speaker; a label declared
/// with `--speakers` or `--moderator` does too, and once `--speakers` is given only declared
/// labels (and voices) do. Otherwise a label names a speaker when it looks like a name or role
/// (`LabelCandidate.Shape.name`), follows a `>>` marker, or is used at least twice; a single
/// capitalised word (`Interviewer:`) when the file has other labels or at least two such words; a
/// label starting with a lowercase letter never. Every other candidate stays text, with one
/// `.labelReadAsText` notice per label at its first use.
///
/// A short and a long form of one person are one speaker when the file shows it: a label without
/// parentheses is joined with every label that has it before or inside a parenthesis
/// (`Callum Reid` with `Callum Reid (Eastfield) (Con)`, `Morag Lindsay` with `The First
/// Minister (Morag Lindsay)`), unless two of those long forms name different people with the
/// same role (`The First Minister (A)` and `The First Minister (B)`), or both labels were
/// declared. The speaker's id is the short form (a name in parentheses first, then the shortest);
/// the longest form becomes the speaker's name. Each label joined to an id gets a `.labelsJoined`
/// notice.
struct CaptionSpeakers {
    /// The speaker id of every accepted label and voice.
    private(set) var ids: [String: String] = [:]
    /// The display name of each speaker id whose labels were joined: the longest form.
    private(set) var names: [String: String] = [:]
    /// The ids of speakers declared as moderators.
    private(set) var moderators: Set<String> = []
    /// Labels read as text, then labels joined.
    private(set) var notices: [ReadNotice] = []

    /// Decides on the labels of one file.
    ///
    /// - Parameters:
    ///   - candidates: Every label candidate of the file, in file order.
    ///   - voices: Every VTT voice with its first line, in file order.
    ///   - options: The user's `--speakers` and `--moderator`.
    ///   - source: The file, for notice locations.
    init(candidates: [LabelCandidate], voices: [(name: String, line: Int)], options: ReadOptions, source: SourceFile) {
        var uses: [String: Int] = [:]
        var firstLine: [String: Int] = [:]
        var shapes: [String: LabelCandidate.Shape] = [:]
        var marked: Set<String> = []
        var order: [String] = []
        for candidate in candidates {
            if uses[candidate.label] == nil {
                order.append(candidate.label)
                firstLine[candidate.label] = candidate.line
                shapes[candidate.label] = candidate.shape
            }
            uses[candidate.label, default: 0] += 1
            if candidate.marked { marked.insert(candidate.label) }
        }
        var accepted: [String] = []
        var isAccepted: Set<String> = []
        for voice in voices where isAccepted.insert(voice.name).inserted {
            accepted.append(voice.name)
            firstLine[voice.name] = min(firstLine[voice.name] ?? voice.line, voice.line)
        }
        let declared = Set(options.speakers + options.moderators)
        let strict = !options.speakers.isEmpty
        var weak: [String] = []
        var rejected: [String] = []
        for label in order where !isAccepted.contains(label) {
            let shape = shapes[label]!
            if declared.contains(label) {
                accepted.append(label)
            } else if strict || shape == .lowercase {
                if shape != .lowercase { rejected.append(label) }
            } else if shape == .name || marked.contains(label) || uses[label]! >= 2 {
                accepted.append(label)
            } else if shape == .word {
                weak.append(label)
            } else {
                rejected.append(label)
            }
        }
        if !accepted.isEmpty || weak.count >= 2 {
            accepted.append(contentsOf: weak)
        } else {
            rejected.append(contentsOf: weak)
        }
        var notices: [ReadNotice] = rejected.map { label in
            let advice = strict ? "it is not among --speakers" : "use --speakers to declare speakers"
            return ReadNotice(
                .labelReadAsText, at: source.location(line: firstLine[label]),
                "'\(label):' read as text, not as a speaker (\(advice))")
        }
        // Earlier first use first; the label itself breaks ties, so the choice never depends on hashing.
        let before = { (one: String, other: String) -> Bool in
            (firstLine[one] ?? Int.max, one) < (firstLine[other] ?? Int.max, other)
        }
        for component in Self.joinedComponents(accepted, declared: declared) {
            let id = Self.chooseID(component, before: before)
            for label in component {
                ids[label] = id
                if options.moderators.contains(label) { moderators.insert(id) }
            }
            guard component.count > 1 else { continue }
            names[id] = component.sorted { $0.count != $1.count ? $0.count > $1.count : before($0, $1) }[0]
            for label in component.sorted(by: before) where label != id {
                let line = max(firstLine[label] ?? 0, firstLine[id] ?? 0)
                notices.append(
                    ReadNotice(
                        .labelsJoined, at: source.location(line: line),
                        "'\(label)' and '\(id)' read as one speaker, '\(id)': the same name is in both labels "
                            + "(declare both with --speakers to keep them apart)"))
            }
        }
        self.notices = notices
    }

    /// The parts of a label: the text before its first parenthesis and the text inside each.
    private static func parts(of label: String) -> (head: String, groups: Set<String>)? {
        guard let open = label.firstIndex(of: "(") else { return nil }
        let head = CaptionText.collapse(String(label[..<open]))
        var groups: Set<String> = []
        var rest = label[open...]
        while let start = rest.firstIndex(of: "("), let end = rest[start...].firstIndex(of: ")") {
            groups.insert(CaptionText.collapse(String(rest[rest.index(after: start)..<end])))
            rest = rest[rest.index(after: end)...]
        }
        return (head, groups)
    }

    /// The accepted labels grouped into people, each group in file order.
    private static func joinedComponents(_ labels: [String], declared: Set<String>) -> [[String]] {
        var parent = Dictionary(uniqueKeysWithValues: labels.map { ($0, $0) })
        func root(_ label: String) -> String {
            var label = label
            while let up = parent[label], up != label { label = up }
            return label
        }
        let long = labels.compactMap { label in parts(of: label).map { (label: label, head: $0.head, groups: $0.groups) } }
        for short in labels where parts(of: short) == nil {
            let matches = long.filter {
                ($0.head == short || $0.groups.contains(short)) && !(declared.contains(short) && declared.contains($0.label))
            }
            let roles = matches.filter { $0.head == short }
            let consistent = roles.allSatisfy { one in
                roles.allSatisfy { other in one.groups.isSubset(of: other.groups) || other.groups.isSubset(of: one.groups) }
            }
            guard consistent else { continue }
            for match in matches { parent[root(match.label)] = root(short) }
        }
        var components: [String: [String]] = [:]
        var order: [String] = []
        for label in labels {
            let key = root(label)
            if components[key] == nil { order.append(key) }
            components[key, default: []].append(label)
        }
        return order.map { components[$0]! }
    }

    /// The id of a group of labels: a short form that is someone's name in parentheses, else the
    /// shortest short form, else the only label.
    private static func chooseID(_ component: [String], before: (String, String) -> Bool) -> String {
        guard component.count > 1 else { return component[0] }
        let short = component.filter { parts(of: $0) == nil }
        let named = short.filter { name in component.contains { parts(of: $0)?.groups.contains(name) == true } }
        let pool = named.isEmpty ? short : named
        return pool.min { $0.count != $1.count ? $0.count < $1.count : before($0, $1) } ?? component[0]
    }
}
