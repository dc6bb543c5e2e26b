import InPlaceTables

/// What a queue's picker learns when one of its members becomes available.
public struct IdleCandidate: Sendable, Hashable {
    /// The agent.
    public var agent: AgentHandle
    /// The agent's index among the queue's members (order of joining the queue).
    public var member: Int32
    /// The agent's level in this queue (1 = preferred).
    public var level: Int32
    /// Stamp of this idle period; the entry is stale once `epochs[agent] != epoch`.
    public var epoch: UInt32
    /// Driver time at which the agent became available.
    public var idleSince: Double
    /// Calls the agent has taken from this queue so far.
    public var callsTaken: Int64
    /// Seconds the agent has talked on this queue's calls so far.
    public var talkTime: Double

    /// Creates a candidate.
    public init(agent: AgentHandle, member: Int32, level: Int32 = 1, epoch: UInt32,
                idleSince: Double = 0, callsTaken: Int64 = 0, talkTime: Double = 0) {
        self.agent = agent
        self.member = member
        self.level = level
        self.epoch = epoch
        self.idleSince = idleSince
        self.callsTaken = callsTaken
        self.talkTime = talkTime
    }
}

/// Each agent's idle stamp (0 when not available), by agent index: the queue manager's table,
/// written in place (see `InPlaceTable`), which the pickers read to tell live entries from stale.
public typealias IdleEpochs = InPlaceTable<UInt32>

/// A routing strategy's memory of one queue's idle members.
///
/// The manager tells a picker when a member becomes available
/// (`becameIdle`) and when it stops being available (`leftIdle`: taken by
/// this or another queue, on break, logged out). Pickers that keep ordered
/// lists may drop stale entries lazily: `epochs[agent.index]` holds the
/// current idle stamp of each agent (0 when not idle), so an entry whose
/// stamp differs is stale. `pick` removes and returns the chosen agent.
public protocol AgentPicker: Sendable {
    /// A member became available (`epochs` lets a picker compact stale entries).
    mutating func becameIdle(_ candidate: IdleCandidate, epochs: IdleEpochs)
    /// A member stopped being available.
    mutating func leftIdle(member: Int32)
    /// Whether some member of level `≤ maxLevel` is idle (may drop stale entries).
    mutating func hasIdle(maxLevel: Int32, epochs: IdleEpochs) -> Bool
    /// Chooses, removes and returns an idle member of level `≤ maxLevel`.
    mutating func pick(maxLevel: Int32, epochs: IdleEpochs) -> AgentHandle?
}

/// One entry of an ordered idle list.
struct IdleEntry: Sendable, Hashable {
    var agent: Int32
    var epoch: UInt32

    @inline(__always)
    func isLive(_ epochs: IdleEpochs) -> Bool { epochs[Int(agent)] == epoch }
}

extension InPlaceRing where Element == IdleEntry {
    /// Drops stale entries at the front; `true` when a live one remains.
    @inline(__always)
    mutating func dropStaleFront(_ epochs: IdleEpochs) -> Bool {
        while let first = self.first {
            if first.isLive(epochs) { return true }
            removeFirst()
        }
        return false
    }

    /// Removes stale entries everywhere once they outnumber `limit`, so a
    /// queue whose idle members are always taken elsewhere does not grow.
    @inline(__always)
    mutating func compactIfLarger(than limit: Int, _ epochs: IdleEpochs) {
        guard count > limit else { return }
        removeAll { !$0.isLive(epochs) }
    }
}
