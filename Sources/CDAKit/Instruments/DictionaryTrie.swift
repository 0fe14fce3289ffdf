/// A coding dictionary compiled to word ids: a trie whose edges are compared word ids, with the
/// patterns that end at each node. A pattern whose last word ends in `*` gets one edge per word
/// of the vocabulary that begins with it, so matching never looks at text.
struct DictionaryTrie {
    /// The node reached from the root by each compared id (-1: none); the root's fan-out is the
    /// vocabulary, so it is an array.
    private var rootChild: [Int32] = []
    /// Deeper edges, keyed by node and word.
    private var edges: [SIMD2<Int32>: Int32] = [:]
    /// Per node, the dictionary entries (by index) that end there, in dictionary order.
    private var outputs: [[Int]] = [[]]

    /// An empty trie.
    init() {}

    /// Compiles `dictionary` against the vocabulary of one scan.
    ///
    /// - Complexity: O(*v* log *v*) to sort the vocabulary, plus the patterns' words and expansions.
    init(_ dictionary: CodingDictionary, words: ScopeWords, scope: TextScope) {
        rootChild = Array(repeating: -1, count: words.count)
        let table = WordPrefixTable(words)
        for (index, entry) in dictionary.entries.enumerated() {
            let isPrefix = entry.pattern.hasSuffix("*")
            let forms = Tokenizer.words(in: entry.pattern).map { scope.normalize($0) }
            guard !forms.isEmpty else { continue }
            var nodes: [Int32] = [0]
            for (position, form) in forms.enumerated() {
                let ids = table.ids(of: form, prefix: isPrefix && position == forms.count - 1)
                // Only the last word may expand to several ids, so `nodes` has one node until then.
                nodes = nodes.flatMap { node in ids.map { child(of: node, word: $0) } }
                if nodes.isEmpty { break }
            }
            for node in nodes { outputs[Int(node)].append(index) }
        }
    }

    /// The node under `node` for `word`, created when missing.
    private mutating func child(of node: Int32, word: Int32) -> Int32 {
        if node == 0, rootChild[Int(word)] >= 0 { return rootChild[Int(word)] }
        if node != 0, let known = edges[SIMD2(node, word)] { return known }
        let created = Int32(outputs.count)
        outputs.append([])
        if node == 0 { rootChild[Int(word)] = created } else { edges[SIMD2(node, word)] = created }
        return created
    }

    /// Calls `body(entry, last)` for each pattern matching `tokens` from `first`, with the index of
    /// its last token: shorter matches first, entries of one length in dictionary order.
    func forEachMatch(in tokens: [ScopedToken], from first: Int, _ body: (Int, Int) throws -> Void) rethrows {
        var node = rootChild[Int(tokens[first].word)]
        var last = first
        while node >= 0 {
            for entry in outputs[Int(node)] { try body(entry, last) }
            last += 1
            guard last < tokens.count, let next = edges[SIMD2(node, tokens[last].word)] else { return }
            node = next
        }
    }
}
