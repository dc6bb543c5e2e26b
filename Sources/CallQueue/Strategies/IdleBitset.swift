/// A set of idle member indices as bits, for strategies that choose by member
/// order (linear, round robin, random). 500 members fit in 8 words, so
/// "first idle member after k" is a handful of word operations.
struct IdleBitset: Sendable, Hashable {
    private(set) var words: [UInt64] = []
    /// Members in the set.
    private(set) var count: Int = 0
    /// Agent of each member index seen so far.
    private(set) var agentOfMember: [Int32] = []

    mutating func insert(member: Int32, agent: AgentHandle) {
        let m = Int(member)
        while agentOfMember.count <= m { agentOfMember.append(-1) }
        agentOfMember[m] = agent.index
        while words.count <= m >> 6 { words.append(0) }
        let bit: UInt64 = 1 << UInt64(m & 63)
        if words[m >> 6] & bit == 0 { words[m >> 6] |= bit; count += 1 }
    }

    mutating func remove(member: Int32) {
        let m = Int(member)
        guard m >> 6 < words.count else { return }
        let bit: UInt64 = 1 << UInt64(m & 63)
        if words[m >> 6] & bit != 0 { words[m >> 6] &= ~bit; count -= 1 }
    }

    /// Smallest member index `≥ start` in the set, or `nil`.
    func first(atOrAfter start: Int) -> Int? {
        var w = start >> 6
        guard w < words.count else { return nil }
        var word = words[w] & (~0 << UInt64(start & 63))
        while true {
            if word != 0 { return w << 6 + word.trailingZeroBitCount }
            w += 1
            guard w < words.count else { return nil }
            word = words[w]
        }
    }

    /// The `k`-th member index in the set (0-based), or `nil` when `k ≥ count`.
    func element(at k: Int) -> Int? {
        var remaining = k
        for (w, word) in words.enumerated() {
            let n = word.nonzeroBitCount
            if remaining < n {
                var x = word
                for _ in 0..<remaining { x &= x - 1 }
                return w << 6 + x.trailingZeroBitCount
            }
            remaining -= n
        }
        return nil
    }

    func agent(ofMember m: Int) -> AgentHandle { AgentHandle(Int(agentOfMember[m])) }
}
