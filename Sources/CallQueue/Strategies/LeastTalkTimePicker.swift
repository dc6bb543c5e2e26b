import InPlaceTables
/// The idle agent with the least talk time (FreeSWITCH
/// `agent-with-least-talk-time`); ties go to the lower member index.
public struct LeastTalkTimePicker: AgentPicker {
    var heap = KeyedIdleHeap()

    /// An empty picker.
    public init() {}

    /// Files the member under its talk time.
    public mutating func becameIdle(_ candidate: IdleCandidate, epochs: IdleEpochs) {
        heap.insert(candidate, key: candidate.talkTime, epochs: epochs)
    }

    /// Nothing to do: the entry goes stale.
    public mutating func leftIdle(member: Int32) {}

    /// Whether a live entry remains.
    public mutating func hasIdle(maxLevel: Int32, epochs: IdleEpochs) -> Bool { heap.dropStale(epochs) }

    /// The member with the least talk time.
    public mutating func pick(maxLevel: Int32, epochs: IdleEpochs) -> AgentHandle? { heap.pop(epochs) }
}
