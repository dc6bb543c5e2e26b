import InPlaceTables

/// Skills with levels (Asterisk penalties and penalty rules, FreeSWITCH tiers):
/// the best level with an idle agent, longest idle within that level, but only
/// levels up to `maxLevel`, which the manager widens as the caller waits
/// (`1 + ⌊wait / levelWideningStep⌋`).
public struct SkillsPicker: AgentPicker {
    /// One longest-idle FIFO per level; index 0 is level 1. Rings, like the default strategy's
    /// FIFO: a copy shares them, and the queue manager copies them with its tables.
    var levels: [InPlaceRing<IdleEntry>] = []
    var members = 0

    /// An empty picker.
    public init() {}

    /// Appends the agent to its level's FIFO.
    public mutating func becameIdle(_ candidate: IdleCandidate, epochs: IdleEpochs) {
        let l = Int(max(1, candidate.level)) - 1
        while levels.count <= l { levels.append(InPlaceRing()) }
        members = max(members, Int(candidate.member) + 1)
        levels[l].compactIfLarger(than: 2 * members + 32, epochs)
        levels[l].append(IdleEntry(agent: candidate.agent.index, epoch: candidate.epoch))
    }

    /// Nothing to do: the entry goes stale.
    public mutating func leftIdle(member: Int32) {}

    /// Whether a level `≤ maxLevel` has a live entry.
    public mutating func hasIdle(maxLevel: Int32, epochs: IdleEpochs) -> Bool {
        bestLevel(maxLevel: maxLevel, epochs) != nil
    }

    /// The longest idle agent of the best eligible level.
    public mutating func pick(maxLevel: Int32, epochs: IdleEpochs) -> AgentHandle? {
        guard let l = bestLevel(maxLevel: maxLevel, epochs) else { return nil }
        return AgentHandle(Int(levels[l].removeFirst().agent))
    }

    /// The lowest level with an idle agent, ignoring `maxLevel` (to know when
    /// widening would help); `nil` when nobody is idle.
    public mutating func lowestIdleLevel(epochs: IdleEpochs) -> Int32? {
        bestLevel(maxLevel: Int32.max, epochs).map { Int32($0 + 1) }
    }

    private mutating func bestLevel(maxLevel: Int32, _ epochs: IdleEpochs) -> Int? {
        let top = min(levels.count, Int(max(0, maxLevel)))
        for l in 0..<top where levels[l].dropStaleFront(epochs) { return l }
        return nil
    }
}
