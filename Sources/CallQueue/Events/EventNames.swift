/// Names and lookups the formatters need, copied from a manager once.
public struct EventNames: Sendable {
    /// Queue names by handle index.
    public var queues: [String]
    /// Agent ids by handle index.
    public var agents: [String]
    /// Queues served by each agent (for per-queue PAUSE/UNPAUSE lines).
    public var agentQueues: [[QueueHandle]]

    /// Names taken from `manager` (take them again after adding agents).
    public init(_ manager: QueueManager) {
        queues = manager.queueNames
        agents = manager.agentIDs
        agentQueues = manager.agents.indices.map { a in
            manager.memberships[manager.membershipRange(a)].map { QueueHandle(Int($0.queue)) }
        }
    }

    func queue(_ q: QueueHandle) -> String {
        let i = Int(q.index)
        return i >= 0 && i < queues.count ? queues[i] : "NONE"
    }

    func agent(_ a: AgentHandle) -> String {
        let i = Int(a.index)
        return i >= 0 && i < agents.count ? agents[i] : "NONE"
    }
}

extension QueueEvent.Kind {
    /// The `queue_log` verb (ours for callback events).
    public var verb: String {
        switch self {
        case .enterQueue: "ENTERQUEUE"
        case .joinEmpty: "JOINEMPTY"
        case .connect: "CONNECT"
        case .complete(_, _, _, let by, _, _, _): by == .caller ? "COMPLETECALLER" : "COMPLETEAGENT"
        case .exit(_, _, let reason, _, _, _):
            switch reason {
            case .abandon: "ABANDON"
            case .exitWithKey: "EXITWITHKEY"
            case .timeout: "EXITWITHTIMEOUT"
            case .empty: "EXITEMPTY"
            }
        case .ringNoAnswer: "RINGNOANSWER"
        case .agentLogin: "AGENTLOGIN"
        case .agentLogoff: "AGENTLOGOFF"
        case .pause: "PAUSE"
        case .unpause: "UNPAUSE"
        case .callbackRequested: "CALLBACKREQUEST"
        case .callbackReserved: "CALLBACKRESERVE"
        case .callbackOutcome: "CALLBACKOUTCOME"
        case .callbackExpired: "CALLBACKEXPIRE"
        }
    }
}

/// Whole seconds of a duration, as `queue_log` writes them.
@inline(__always)
func wholeSeconds(_ d: Double) -> Int { d.isFinite ? Int(d.rounded()) : 0 }
