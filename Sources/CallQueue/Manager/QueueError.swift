/// Why the queue manager refused an input. Nothing changes when one is thrown.
public enum QueueError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No queue has that name.
    case unknownQueue(String)
    /// No agent has that id.
    case unknownAgent(String)
    /// A queue or agent name given twice in the configuration.
    case duplicateName(String)
    /// A handle that the manager never handed out.
    case invalidHandle(String)
    /// The ticket's caller has already left the queue or been connected.
    case staleTicket
    /// The agent is not in a state where this input makes sense.
    case wrongAgentState(agent: String, state: AgentState, input: String)
    /// No callback has that id.
    case unknownCallback(CallbackID)
    /// The callback is not in a state where this input makes sense.
    case wrongCallbackStatus(CallbackID, CallbackStatus, input: String)

    /// A sentence a user can act on.
    public var description: String {
        switch self {
        case .unknownQueue(let n): "unknown queue '\(n)': use one of the configured queues (ivr queue status lists them)"
        case .unknownAgent(let n): "unknown agent '\(n)': add it first with 'ivr agent add \(n) --name NAME'"
        case .duplicateName(let n): "'\(n)' is configured twice: names of queues and ids of agents must be unique"
        case .invalidHandle(let what): "invalid \(what) handle: it was not handed out by this queue manager"
        case .staleTicket: "the caller has already left the queue or been connected"
        case .wrongAgentState(let a, let s, let input): "agent '\(a)' is \(s.rawValue): cannot \(input)"
        case .unknownCallback(let id): "unknown callback \(id): 'ivr callback list' shows the open ones"
        case .wrongCallbackStatus(let id, let s, let input): "callback \(id) is \(s.rawValue): cannot \(input)"
        }
    }
}
