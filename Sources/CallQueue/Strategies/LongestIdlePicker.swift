import InPlaceTables

/// Longest idle agent first (FreeSWITCH `longest-idle-agent`, Asterisk
/// `leastrecent`): the default strategy.
///
/// Agents become available in time order (the manager's inputs come in time
/// order), so a FIFO of idle periods is already sorted by idle time: `pick` is
/// O(1) amortised. Entries of agents taken elsewhere are dropped lazily.
///
/// The FIFO is an `InPlaceRing`: a copy of the picker shares it, and the queue manager, which
/// holds pickers in its tables, gives a copy of itself its own (`QueueState.copyRings()`).
public struct LongestIdlePicker: AgentPicker {
    var fifo = InPlaceRing<IdleEntry>()
    var members: Int = 0

    /// An empty picker.
    public init() {}

    /// Appends the agent: it has been idle the shortest.
    @inline(__always)
    public mutating func becameIdle(_ candidate: IdleCandidate, epochs: IdleEpochs) {
        members = max(members, Int(candidate.member) + 1)
        fifo.compactIfLarger(than: 2 * members + 32, epochs)
        fifo.append(IdleEntry(agent: candidate.agent.index, epoch: candidate.epoch))
    }

    /// Nothing to do: the entry goes stale and is dropped when reached.
    public mutating func leftIdle(member: Int32) {}

    /// Whether the FIFO holds a live entry.
    @inline(__always)
    public mutating func hasIdle(maxLevel: Int32, epochs: IdleEpochs) -> Bool {
        fifo.dropStaleFront(epochs)
    }

    /// The front of the FIFO.
    @inline(__always)
    public mutating func pick(maxLevel: Int32, epochs: IdleEpochs) -> AgentHandle? {
        guard fifo.dropStaleFront(epochs) else { return nil }
        return AgentHandle(Int(fifo.removeFirst().agent))
    }
}
