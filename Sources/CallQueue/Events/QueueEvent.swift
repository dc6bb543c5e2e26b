/// Something that happened in a queue, as a value: the manager appends these to
/// `QueueManager.events` when `eventsEnabled` is on (off costs one branch).
/// `QueueLogFormatter` and `JSONLineFormatter` turn them into text.
public struct QueueEvent: Sendable, Hashable {
    /// Driver time, seconds.
    public var time: Double
    /// What happened.
    public var kind: Kind

    /// Creates an event.
    public init(time: Double, kind: Kind) {
        self.time = time
        self.kind = kind
    }

    /// What happened. Names in comments are the Asterisk `queue_log` verbs.
    public enum Kind: Sendable, Hashable {
        /// `ENTERQUEUE`: a caller joined at `position` (1 = next).
        case enterQueue(call: CallID, queue: QueueHandle, position: Int)
        /// `JOINEMPTY`: a caller was refused because the queue was empty.
        case joinEmpty(call: CallID, queue: QueueHandle)
        /// `CONNECT`: an agent answered; hold time includes ring time.
        case connect(call: CallID, queue: QueueHandle, agent: AgentHandle, holdTime: Double, ringTime: Double)
        /// `COMPLETECALLER` / `COMPLETEAGENT`: the call ended.
        case complete(call: CallID, queue: QueueHandle, agent: AgentHandle, by: CompletedBy,
                      holdTime: Double, callTime: Double, originalPosition: Int)
        /// `ABANDON`, `EXITWITHKEY`, `EXITWITHTIMEOUT`, `EXITEMPTY`: left unanswered.
        case exit(call: CallID, queue: QueueHandle, reason: LeaveReason, position: Int,
                  originalPosition: Int, waitTime: Double)
        /// `RINGNOANSWER`: an agent did not take an offer after `ringTime` seconds.
        case ringNoAnswer(call: CallID, queue: QueueHandle, agent: AgentHandle, ringTime: Double)
        /// `AGENTLOGIN`.
        case agentLogin(agent: AgentHandle)
        /// `AGENTLOGOFF`: logged out after `loggedInFor` seconds.
        case agentLogoff(agent: AgentHandle, loggedInFor: Double)
        /// `PAUSE`: on break, with a reason (`max-no-answer` when automatic).
        case pause(agent: AgentHandle, reason: String)
        /// `UNPAUSE`: back from break.
        case unpause(agent: AgentHandle)
        /// `CALLBACKREQUEST` (ours): a callback was created or merged into an open one.
        case callbackRequested(id: CallbackID, queue: QueueHandle, source: CallbackSource, merged: Bool, due: Double)
        /// `CALLBACKRESERVE` (ours): reserved for an agent.
        case callbackReserved(id: CallbackID, queue: QueueHandle, agent: AgentHandle)
        /// `CALLBACKOUTCOME` (ours): an attempt ended; `next` says what follows.
        case callbackOutcome(id: CallbackID, queue: QueueHandle, agent: AgentHandle,
                             outcome: CallbackOutcome, attempts: Int, next: CallbackNext)
        /// `CALLBACKEXPIRE` (ours): a reservation timed out; back to the pool.
        case callbackExpired(id: CallbackID, queue: QueueHandle, agent: AgentHandle)
    }
}

/// Who ended a connected call.
public enum CompletedBy: String, Sendable, Hashable, Codable {
    /// The caller hung up (`COMPLETECALLER`).
    case caller
    /// The agent hung up (`COMPLETEAGENT`).
    case agent
}

/// Why a caller left a queue without being answered.
public enum LeaveReason: Sendable, Hashable {
    /// Hung up while waiting (`ABANDON`).
    case abandon
    /// Pressed a key that leads out of the queue (`EXITWITHKEY`), e.g. the
    /// callback key.
    case exitWithKey(String)
    /// Waited longer than the queue's `maxWait` (`EXITWITHTIMEOUT`).
    case timeout
    /// Removed because the queue became empty (`EXITEMPTY`, `leaveWhenEmpty`).
    case empty
}
