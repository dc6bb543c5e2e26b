/// One decision of the dispatcher, returned by `QueueManager.next(at:)`.
/// The driver calls `next(at:)` until it returns `nil` after every input.
public enum QueueOutput: Sendable, Hashable {
    /// Ring `agent` for a waiting caller. Answer with `answer(agent:at:)`,
    /// or `notAnswered(agent:at:)` when the agent does not pick up.
    case offer(CallerOffer)
    /// `agent` holds a reservation for a callback until `reservedUntil`.
    /// Start it with `answer(agent:at:)` (optional) and finish it with
    /// `reportOutcome(agent:_:at:)`.
    case callback(CallbackOffer)
    /// The queue became empty and the caller was removed (`leaveWhenEmpty`).
    case removed(CallerRemoval)
    /// A reservation timed out: the callback went back to the pool and the
    /// agent counts one offer not taken.
    case reservationExpired(id: CallbackID, agent: AgentHandle)
    /// `ring-all`: another agent answered the caller `call`; stop ringing
    /// `agent`'s station. The agent is available again (not a missed offer).
    case ringStopped(call: CallID, agent: AgentHandle)
}

/// A waiting caller offered to an agent.
public struct CallerOffer: Sendable, Hashable {
    /// The driver's call.
    public var call: CallID
    /// The caller's ticket (still valid while ringing).
    public var ticket: CallTicket
    /// The queue.
    public var queue: QueueHandle
    /// The agent now ringing.
    public var agent: AgentHandle
    /// The caller's topic.
    public var topic: TopicHandle
    /// When the caller joined.
    public var joinedAt: Double
}

/// A callback reserved for an agent. Plain values only, so outputs copy
/// without reference counting; the number and the rest are in
/// `QueueManager.callback(id)`.
public struct CallbackOffer: Sendable, Hashable {
    /// The callback (status now `.reserved`).
    public var id: CallbackID
    /// Its queue.
    public var queue: QueueHandle
    /// The agent holding it.
    public var agent: AgentHandle
    /// When the reservation returns it to the pool unless started or finished.
    public var reservedUntil: Double
}

/// A caller removed from a queue by the manager because the queue became
/// empty (`leaveWhenEmpty`, `EXITEMPTY`).
public struct CallerRemoval: Sendable, Hashable {
    /// The driver's call.
    public var call: CallID
    /// The queue.
    public var queue: QueueHandle
    /// Seconds waited.
    public var waited: Double
}

/// A caller's place after `join`.
public struct Joined: Sendable, Hashable {
    /// Keep it to refer to the caller while waiting or ringing.
    public var ticket: CallTicket
    /// Position in line at joining (1 = next), callbacks due ahead included.
    public var position: Int
    /// When the caller times out (`maxWait`), or `nil` for no limit; the
    /// driver calls `leave(_:reason: .timeout, at:)` then.
    public var timeoutAt: Double?
}

/// The answer to `join`.
public enum JoinResult: Sendable, Hashable {
    /// In line.
    case joined(Joined)
    /// Refused: the queue is empty under `joinEmpty` (Asterisk `JOINEMPTY`).
    case refusedEmpty
}
