import InPlaceTables
/// The idle agent with the fewest calls taken (Asterisk `fewestcalls`,
/// FreeSWITCH `agent-with-fewest-calls`); ties go to the lower member index.
/// Counts are the agent's calls from this queue since the manager started (as
/// Asterisk counts them per queue): work in other queues does not count here.
public struct FewestCallsPicker: AgentPicker {
    var heap = KeyedIdleHeap()

    /// An empty picker.
    public init() {}

    /// Files the member under its call count.
    public mutating func becameIdle(_ candidate: IdleCandidate, epochs: IdleEpochs) {
        heap.insert(candidate, key: Double(candidate.callsTaken), epochs: epochs)
    }

    /// Nothing to do: the entry goes stale.
    public mutating func leftIdle(member: Int32) {}

    /// Whether a live entry remains.
    public mutating func hasIdle(maxLevel: Int32, epochs: IdleEpochs) -> Bool { heap.dropStale(epochs) }

    /// The member with the fewest calls.
    public mutating func pick(maxLevel: Int32, epochs: IdleEpochs) -> AgentHandle? { heap.pop(epochs) }
}
