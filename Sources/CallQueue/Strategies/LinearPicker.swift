import InPlaceTables
/// Always the first idle member in member order (Asterisk `linear`,
/// FreeSWITCH `top-down`): member 0 takes every call it can, then member 1...
public struct LinearPicker: AgentPicker {
    var idle = IdleBitset()

    /// An empty picker.
    public init() {}

    /// Sets the member's bit.
    public mutating func becameIdle(_ candidate: IdleCandidate, epochs: IdleEpochs) {
        idle.insert(member: candidate.member, agent: candidate.agent)
    }

    /// Clears the member's bit.
    public mutating func leftIdle(member: Int32) { idle.remove(member: member) }

    /// Whether any bit is set.
    public mutating func hasIdle(maxLevel: Int32, epochs: IdleEpochs) -> Bool { idle.count > 0 }

    /// The lowest member index that is idle.
    public mutating func pick(maxLevel: Int32, epochs: IdleEpochs) -> AgentHandle? {
        guard let m = idle.first(atOrAfter: 0) else { return nil }
        idle.remove(member: Int32(m))
        return idle.agent(ofMember: m)
    }
}
