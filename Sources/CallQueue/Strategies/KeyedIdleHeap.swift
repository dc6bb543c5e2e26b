import HeapModule

/// Idle members ordered by a key fixed while they are idle (calls taken, talk
/// time), ties by member order; stale entries dropped lazily. O(log n).
struct KeyedIdleHeap: Sendable {
    struct Entry: Comparable, Sendable {
        var key: Double
        var member: Int32
        var agent: Int32
        var epoch: UInt32

        static func < (a: Entry, b: Entry) -> Bool {
            a.key != b.key ? a.key < b.key : a.member < b.member
        }
        static func == (a: Entry, b: Entry) -> Bool {
            a.key == b.key && a.member == b.member && a.agent == b.agent && a.epoch == b.epoch
        }
    }

    var heap = Heap<Entry>()
    var members = 0

    mutating func insert(_ c: IdleCandidate, key: Double, epochs: [UInt32]) {
        members = max(members, Int(c.member) + 1)
        if heap.count > 2 * members + 32 {
            heap = Heap(heap.unordered.filter { epochs[Int($0.agent)] == $0.epoch })
        }
        heap.insert(Entry(key: key, member: c.member, agent: c.agent.index, epoch: c.epoch))
    }

    mutating func dropStale(_ epochs: [UInt32]) -> Bool {
        while let top = heap.min {
            if epochs[Int(top.agent)] == top.epoch { return true }
            _ = heap.popMin()
        }
        return false
    }

    mutating func pop(_ epochs: [UInt32]) -> AgentHandle? {
        guard dropStale(epochs), let top = heap.popMin() else { return nil }
        return AgentHandle(Int(top.agent))
    }
}

/// The idle agent with the fewest calls taken (Asterisk `fewestcalls`,
/// FreeSWITCH `agent-with-fewest-calls`); ties go to the lower member index.
/// Counts are the agent's calls over all queues since the manager started.
public struct FewestCallsPicker: AgentPicker {
    var heap = KeyedIdleHeap()

    /// An empty picker.
    public init() {}

    /// Files the member under its call count.
    public mutating func becameIdle(_ candidate: IdleCandidate, epochs: [UInt32]) {
        heap.insert(candidate, key: Double(candidate.callsTaken), epochs: epochs)
    }

    /// Nothing to do: the entry goes stale.
    public mutating func leftIdle(member: Int32) {}

    /// Whether a live entry remains.
    public mutating func hasIdle(maxLevel: Int32, epochs: [UInt32]) -> Bool { heap.dropStale(epochs) }

    /// The member with the fewest calls.
    public mutating func pick(maxLevel: Int32, epochs: [UInt32]) -> AgentHandle? { heap.pop(epochs) }
}

/// The idle agent with the least talk time (FreeSWITCH
/// `agent-with-least-talk-time`); ties go to the lower member index.
public struct LeastTalkTimePicker: AgentPicker {
    var heap = KeyedIdleHeap()

    /// An empty picker.
    public init() {}

    /// Files the member under its talk time.
    public mutating func becameIdle(_ candidate: IdleCandidate, epochs: [UInt32]) {
        heap.insert(candidate, key: candidate.talkTime, epochs: epochs)
    }

    /// Nothing to do: the entry goes stale.
    public mutating func leftIdle(member: Int32) {}

    /// Whether a live entry remains.
    public mutating func hasIdle(maxLevel: Int32, epochs: [UInt32]) -> Bool { heap.dropStale(epochs) }

    /// The member with the least talk time.
    public mutating func pick(maxLevel: Int32, epochs: [UInt32]) -> AgentHandle? { heap.pop(epochs) }
}
