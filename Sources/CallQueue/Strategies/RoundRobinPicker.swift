import InPlaceTables
/// Round robin with memory (Asterisk `rrmemory`, FreeSWITCH `round-robin`):
/// the first idle member after the one picked last, wrapping around.
public struct RoundRobinPicker: AgentPicker {
    var idle = IdleBitset()
    /// Member index picked last; -1 before the first pick.
    var last: Int = -1

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

    /// The next idle member after the last pick, cycling; remembers it.
    public mutating func pick(maxLevel: Int32, epochs: IdleEpochs) -> AgentHandle? {
        guard let m = idle.first(atOrAfter: last + 1) ?? idle.first(atOrAfter: 0) else { return nil }
        idle.remove(member: Int32(m))
        last = m
        return idle.agent(ofMember: m)
    }
}
