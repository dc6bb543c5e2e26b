import InPlaceTables
/// A uniformly random idle member (Asterisk `random`, FreeSWITCH `random`),
/// drawn from the picker's own seeded generator: same seed, same choices.
public struct RandomPicker: AgentPicker {
    var idle = IdleBitset()
    var generator: SplitMix64

    /// A picker whose draws come from a generator seeded with `seed`.
    public init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    /// Sets the member's bit.
    public mutating func becameIdle(_ candidate: IdleCandidate, epochs: IdleEpochs) {
        idle.insert(member: candidate.member, agent: candidate.agent)
    }

    /// Clears the member's bit.
    public mutating func leftIdle(member: Int32) { idle.remove(member: member) }

    /// Whether any bit is set.
    public mutating func hasIdle(maxLevel: Int32, epochs: IdleEpochs) -> Bool { idle.count > 0 }

    /// A random idle member, each with probability 1 / idle count.
    public mutating func pick(maxLevel: Int32, epochs: IdleEpochs) -> AgentHandle? {
        guard idle.count > 0 else { return nil }
        let k = Int.random(in: 0..<idle.count, using: &generator)
        guard let m = idle.element(at: k) else { return nil }
        idle.remove(member: Int32(m))
        return idle.agent(ofMember: m)
    }
}
