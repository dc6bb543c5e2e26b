import CallFlow
import CallQueue

/// One call in progress in the simulator: where it stands in a queue. (Its call runner's state,
/// in flow mode, is in a table of its own, `SimulationRun.runs`, by the same slot: a runner is
/// about 500 bytes and most events only look at these few fields, which then share a cache line.)
///
/// Kept in a reusable slot table, so memory depends on the calls in progress, not on how many
/// calls the run has seen.
struct SimCall {
    /// Bumped when the slot is freed; stale events compare it.
    var generation: UInt32 = 0
    /// The caller's number id (redials keep it).
    var number: UInt32 = 0
    /// Whether the call is a redial.
    var isRedial = false
    /// The caller's place while waiting or ringing.
    var ticket: CallTicket?
    /// Queue manager index of the queue the caller waits in (or was answered from).
    var queue: Int32 = -1
    /// When the caller joined that queue.
    var joinedAt = 0.0
    /// Counts waits, so a patience deadline from an earlier wait is ignored.
    var waitSerial: UInt32 = 0
    /// The wait (`waitSerial`) the call's pending patience deadline belongs to.
    var patienceSerial: UInt32 = 0
    /// When the current recording started (a finish key stops it there).
    var recordingSince = 0.0
    /// Whether the interpreter has been told the caller's position and estimated wait in this wait.
    var statusSent = false
    /// Whether the caller has been in a queue during this call.
    var everQueued = false
    /// Whether the caller is talking to an agent.
    var connected = false
    /// Whether the slot holds a live call.
    var live = false
    /// Whether the caller's offer is ringing out (agents with `no_answer`): later offers of the
    /// same `ring-all` round are ignored until it has.
    var ringingOut = false
}

/// One agent as the simulator sees them (the queue manager holds their real state).
struct SimAgent {
    /// Index of the agent's group in the scenario.
    var group: Int32
    /// Whether the shift plan wants this agent logged in.
    var rostered = false
    /// Whether the agent is busy (ringing, talking, wrap-up, callback), for occupancy.
    var busy = false
    /// Queue manager index of the queue of the current call (for handling and statistics).
    var queue: Int32 = -1
    /// When the current call's caller joined the queue.
    var joinedAt = 0.0
    /// When the current work started.
    var workStart = 0.0
    /// Live calls answered, seconds talking to live callers, seconds busy and since when busy:
    /// the per-agent report's figures, kept here beside the rest of the agent (one table, written
    /// in place) and handed to `SimulationStatistics.agents` when the run ends.
    var answered = 0
    var talk = 0.0
    var busySeconds = 0.0
    var busySince = 0.0
}

/// An interpreter timer started while handling the current event, not yet on the agenda.
struct PendingTimer {
    /// The call's slot and generation.
    var slot: Int32
    var generation: UInt32
    /// The interpreter's timer id.
    var id: TimerID
    /// When it fires.
    var at: Double
}
