/// The matched elements of a shortest edit script between two sequences (Myers' O(ND) difference
/// algorithm), used to carry positions from one version of a text to the next.
enum MyersDiff {
    /// Pairs `(i, j)` with `a[i] == b[j]`, increasing in both, forming a longest common subsequence.
    ///
    /// A common prefix and suffix are matched first; in the rest, when more than `maxEdits` edits
    /// would be needed, nothing more is matched (positions there are treated as rewritten).
    ///
    /// - Complexity: O((N + M) · D) time and O(D²) memory for D edits, after the common ends.
    static func matches<Element: Equatable>(_ a: [Element], _ b: [Element], maxEdits: Int = 3000) -> [(Int, Int)] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        var result = (0..<prefix).map { ($0, $0) }
        let middle = middleMatches(Array(a[prefix..<(a.count - suffix)]), Array(b[prefix..<(b.count - suffix)]), maxEdits)
        result += middle.map { ($0.0 + prefix, $0.1 + prefix) }
        result += (0..<suffix).map { (a.count - suffix + $0, b.count - suffix + $0) }
        return result
    }

    private static func middleMatches<Element: Equatable>(_ a: [Element], _ b: [Element], _ maxEdits: Int) -> [(Int, Int)] {
        let n = a.count
        let m = b.count
        guard n > 0, m > 0 else { return [] }
        let limit = min(n + m, maxEdits)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        // trace[d] holds v for diagonals -d...d as it was before step d.
        var trace: [[Int32]] = []
        for d in 0...limit {
            trace.append(v[(offset - d)...(offset + d)].map { Int32($0) })
            for k in stride(from: -d, through: d, by: 2) {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n, y >= m { return backtrack(trace, d: d, n: n, m: m) }
            }
        }
        return []
    }

    private static func backtrack(_ trace: [[Int32]], d last: Int, n: Int, m: Int) -> [(Int, Int)] {
        var result: [(Int, Int)] = []
        var x = n
        var y = m
        var d = last
        while d > 0 {
            let v = trace[d]
            func at(_ k: Int) -> Int { Int(v[k + d]) }
            let k = x - y
            let previousK = k == -d || (k != d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1
            let previousX = at(previousK)
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                result.append((x, y))
            }
            x = previousX
            y = previousY
            d -= 1
        }
        while x > 0, y > 0 {
            x -= 1
            y -= 1
            result.append((x, y))
        }
        return result.reversed()
    }
}
