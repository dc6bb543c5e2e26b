/// One simulated agent's work in one replication, for the per-agent table of the report.
public struct AgentCounters: Sendable, Equatable {
    /// The agent's id, e.g. `team-3` (group name and number, the same in every replication).
    public var id: String
    /// The agent's group.
    public var group: String
    /// Live calls answered.
    public var calls = 0
    /// Callback attempts made.
    public var callbacks = 0
    /// Seconds talking to live callers.
    public var talk = 0.0
    /// Seconds busy: ringing, talking, wrap-up, callbacks.
    public var busy = 0.0
    /// Seconds staffed: on shift, or past it while finishing a call.
    public var staffed = 0.0
    /// Since when the agent is staffed (while they are).
    var staffedSince = 0.0
    /// Whether the agent counts as staffed now.
    var isStaffed = false

    /// Counters for a new agent.
    public init(id: String, group: String) {
        self.id = id
        self.group = group
    }

    /// Busy time over staffed time (0 when never staffed).
    public var occupancy: Double { staffed > 0 ? busy / staffed : 0 }

    /// Seconds of `[since, t)` inside `[0, limit)` (as the report's occupancy counts).
    @inline(__always)
    static func span(_ since: Double, _ t: Double, limit: Double) -> Double { max(0, min(t, limit) - min(since, limit)) }
}
