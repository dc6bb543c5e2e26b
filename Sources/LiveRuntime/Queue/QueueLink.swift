import CallQueue

/// What a queue said when a caller asked to join.
public enum QueueJoinAnswer: Sendable, Equatable {
    /// Joined: place in line (1 = next) and estimated wait in seconds (nil: unknown).
    case joined(position: Int, estimatedWait: Double?)
    /// Refused: no agent can serve the queue (`joinempty`); the flow goes to `on_empty`.
    case empty
}

/// How a live call reaches the queues: one line on its own, or the queue manager `ivr serve` shares.
public protocol QueueLink: AnyObject, Sendable {
    /// The caller on call `call` (caller ID `caller`, E.164) joins `queue`; `control` reaches the call's line.
    func join(call: UInt64, queue: String, topic: String?, caller: String?, control: LineControl) -> QueueJoinAnswer
    /// The caller leaves the queue without an agent (exit key, timeout, hang-up).
    func leave(call: UInt64, reason: LeaveReason)
    /// Where the caller stands now, if still waiting: position and estimated wait.
    func status(call: UInt64) -> (position: Int, estimatedWait: Double?)?
    /// The call ended: a conversation with an agent is over (the caller hung up).
    func callEnded(call: UInt64)
    /// Seconds the queue counted `call` waiting (joined to connected or left), once it stopped
    /// waiting; the call record takes it so it agrees with the queue's log. Nil when the queue
    /// keeps no clock of its own (then the line's clock counts).
    func waitSeconds(call: UInt64) -> Double?
}

extension QueueLink {
    /// No clock of its own: the call record counts the wait on the line's clock.
    public func waitSeconds(call: UInt64) -> Double? { nil }
}

/// A line on its own (`ivr call`): no agents, so the caller is first in line with an unknown
/// wait, and holds until the flow's `max_wait`, an exit key, or hanging up.
public final class SoloQueue: QueueLink {
    /// A queue with nobody else in it.
    public init() {}
    /// Always joined, first in line.
    public func join(call: UInt64, queue: String, topic: String?, caller: String?, control: LineControl) -> QueueJoinAnswer {
        .joined(position: 1, estimatedWait: nil)
    }
    /// Nothing to do.
    public func leave(call: UInt64, reason: LeaveReason) {}
    /// First in line, wait unknown.
    public func status(call: UInt64) -> (position: Int, estimatedWait: Double?)? { (1, nil) }
    /// Nothing to do.
    public func callEnded(call: UInt64) {}
}
