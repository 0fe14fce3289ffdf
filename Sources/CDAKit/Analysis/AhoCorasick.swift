/// A multi-pattern matcher over bytes (Aho–Corasick): one pass over the text finds every
/// occurrence of every pattern, at a cost that hardly depends on the number of patterns.
struct AhoCorasick: Sendable {
    /// A node's outgoing edges, sorted by byte.
    private var edgeBytes: [[UInt8]] = [[]]
    private var edgeTargets: [[Int32]] = [[]]
    private var failure: [Int32] = [0]
    /// Patterns ending at a node (directly).
    private var outputs: [[Int32]] = [[]]
    /// The nearest node on the failure chain that has outputs (-1 when none).
    private var outputLink: [Int32] = [-1]
    /// Byte length of each pattern.
    private(set) var lengths: [Int] = []

    /// Builds the automaton for `patterns` (byte strings).
    ///
    /// - Complexity: O(*m*) for patterns of total length *m* (times the fan-out of a node).
    init(_ patterns: [[UInt8]]) {
        for (id, pattern) in patterns.enumerated() {
            var node: Int32 = 0
            for byte in pattern {
                if let next = child(node, byte) {
                    node = next
                } else {
                    let created = Int32(edgeBytes.count)
                    edgeBytes.append([])
                    edgeTargets.append([])
                    failure.append(0)
                    outputs.append([])
                    outputLink.append(-1)
                    let index = edgeBytes[Int(node)].firstIndex { $0 > byte } ?? edgeBytes[Int(node)].count
                    edgeBytes[Int(node)].insert(byte, at: index)
                    edgeTargets[Int(node)].insert(created, at: index)
                    node = created
                }
            }
            outputs[Int(node)].append(Int32(id))
            lengths.append(pattern.count)
        }
        // Breadth-first: failure links and output links.
        var queue: [Int32] = edgeTargets[0]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for (byte, target) in zip(edgeBytes[Int(node)], edgeTargets[Int(node)]) {
                var fallback = failure[Int(node)]
                while fallback != 0, child(fallback, byte) == nil { fallback = failure[Int(fallback)] }
                let link = node == 0 ? 0 : (child(fallback, byte) ?? 0)
                failure[Int(target)] = link == target ? 0 : link
                let f = Int(failure[Int(target)])
                outputLink[Int(target)] = outputs[f].isEmpty ? outputLink[f] : Int32(f)
                queue.append(target)
            }
        }
    }

    private func child(_ node: Int32, _ byte: UInt8) -> Int32? {
        let bytes = edgeBytes[Int(node)]
        var low = 0
        var high = bytes.count
        while low < high {
            let middle = (low + high) / 2
            if bytes[middle] < byte { low = middle + 1 } else { high = middle }
        }
        return low < bytes.count && bytes[low] == byte ? edgeTargets[Int(node)][low] : nil
    }

    /// Calls `body(pattern, endIndex)` for every occurrence, `endIndex` being one past the match's last byte.
    ///
    /// - Complexity: O(*n* + *z*) for *n* bytes and *z* matches.
    func forEachMatch(in text: [UInt8], _ body: (Int, Int) -> Void) {
        var node: Int32 = 0
        for (position, byte) in text.enumerated() {
            while node != 0, child(node, byte) == nil { node = failure[Int(node)] }
            node = child(node, byte) ?? 0
            var output = outputs[Int(node)].isEmpty ? outputLink[Int(node)] : node
            while output >= 0 {
                for id in outputs[Int(output)] { body(Int(id), position + 1) }
                output = outputLink[Int(output)]
            }
        }
    }
}
