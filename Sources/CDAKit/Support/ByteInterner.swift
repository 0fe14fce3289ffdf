/// Gives byte strings dense ids in order of first sight (0, 1, 2, …), with one open-addressing hash
/// table over a single byte arena: no allocation per string, one hash and one comparison per lookup.
struct ByteInterner: Sendable {
    private var arena: [UInt8] = []
    /// Entry `i` is `arena[ends[i - 1]..<ends[i]]`.
    private var ends: [Int] = []
    private var hashes: [UInt64] = []
    /// Entry index + 1 per slot; 0 is empty. The count is a power of two.
    private var slots: [Int32] = Array(repeating: 0, count: 1 << 12)

    /// The number of strings.
    var count: Int { ends.count }

    /// The id of `bytes`, adding it when new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool) {
        let hash = Self.hash(bytes)
        var slot = Self.slot(of: hash, in: slots.count)
        while slots[slot] != 0 {
            let entry = Int(slots[slot] - 1)
            if hashes[entry] == hash && equals(entry, bytes) { return (Int32(entry), false) }
            slot = (slot + 1) & (slots.count - 1)
        }
        let id = Int32(ends.count)
        arena.append(contentsOf: bytes)
        ends.append(arena.count)
        hashes.append(hash)
        slots[slot] = id + 1
        if ends.count * 2 > slots.count { grow() }
        return (id, true)
    }

    /// The id of `bytes`, if known.
    func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(bytes)
        var slot = Self.slot(of: hash, in: slots.count)
        while slots[slot] != 0 {
            let entry = Int(slots[slot] - 1)
            if hashes[entry] == hash && equals(entry, bytes) { return Int32(entry) }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// The bytes of an id.
    func bytes(of id: Int32) -> ArraySlice<UInt8> {
        let index = Int(id)
        return arena[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    private func equals(_ entry: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = entry == 0 ? 0 : ends[entry - 1]
        guard ends[entry] - start == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            for offset in 0..<bytes.count where arena[start + offset] != bytes[offset] { return false }
            return true
        }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for (entry, hash) in hashes.enumerated() {
            var slot = Self.slot(of: hash, in: slots.count)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(entry + 1)
        }
    }

    /// The first slot to probe: the hash's high and low halves mixed, so FNV's weak low bits do not cluster.
    private static func slot(of hash: UInt64, in count: Int) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 31)) & (count - 1)
    }

    /// FNV-1a, 64-bit.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
