/// Writes events as Asterisk `queue_log` lines:
/// `epoch|callid|queue|agent|EVENT|data1|data2|...`.
///
/// - `epoch` is whole Unix seconds: `⌊epochOffset + time⌋`, where
///   `epochOffset` is the Unix time of driver time 0.
/// - `callid` is the `CallID` in decimal, `callback-N` for callback events,
///   `NONE` for agent events; `queue` and `agent` are names or `NONE`.
/// - Durations are whole seconds, except `RINGNOANSWER` (milliseconds).
///
/// | event | data |
/// |---|---|
/// | ENTERQUEUE | url (empty) \| caller id \| position |
/// | CONNECT | holdtime \| bridged call id \| ringtime |
/// | COMPLETECALLER, COMPLETEAGENT | holdtime \| calltime \| origposition |
/// | ABANDON, EXITWITHTIMEOUT, EXITEMPTY | position \| origposition \| waittime |
/// | EXITWITHKEY | key \| position \| origposition \| waittime |
/// | RINGNOANSWER | ringtime in ms |
/// | AGENTLOGIN | channel (`Agent/ID`) |
/// | AGENTLOGOFF | channel \| logged-in seconds |
/// | PAUSE, UNPAUSE | reason (one line per queue served) |
/// | CALLBACKREQUEST (ours) | source \| merged (0/1) \| due epoch |
/// | CALLBACKRESERVE, CALLBACKEXPIRE (ours) | none |
/// | CALLBACKOUTCOME (ours) | outcome \| attempts \| retry epoch or `closed` |
public struct QueueLogFormatter: Sendable {
    /// Names of queues and agents.
    public var names: EventNames
    /// Unix time of driver time 0.
    public var epochOffset: Double
    /// Caller ids (numbers) for ENTERQUEUE, by call; empty when `nil`.
    public var callerNumber: (@Sendable (CallID) -> String)?
    /// Written before every call id (`ivr serve`: `EPOCH.`, so ids are unique across restarts).
    public var callPrefix = ""

    /// A formatter with names from `manager`.
    public init(names: EventNames, epochOffset: Double = 0, callerNumber: (@Sendable (CallID) -> String)? = nil,
                callPrefix: String = "") {
        self.names = names
        self.epochOffset = epochOffset
        self.callerNumber = callerNumber
        self.callPrefix = callPrefix
    }

    /// The event's line(s), each ending in a newline.
    public func lines(for event: QueueEvent) -> String {
        var out = ""
        append(event, to: &out)
        return out
    }

    /// Appends the event's line(s), each ending in a newline.
    public func append(_ event: QueueEvent, to out: inout String) {
        let epoch = Int((epochOffset + event.time).rounded(.down))
        let verb = event.kind.verb
        func line(_ call: String, _ queue: String, _ agent: String, _ data: [String]) {
            out += "\(epoch)|\(call)|\(queue)|\(agent)|\(verb)"
            for d in data { out += "|" + d }
            out += "\n"
        }
        let n = names
        switch event.kind {
        case .enterQueue(let call, let queue, let position):
            line(id(call), n.queue(queue), "NONE", ["", callerNumber?(call) ?? "", String(position)])
        case .joinEmpty(let call, let queue):
            line(id(call), n.queue(queue), "NONE", [])
        case .connect(let call, let queue, let agent, let hold, let ring):
            line(id(call), n.queue(queue), n.agent(agent),
                 [String(wholeSeconds(hold)), id(call), String(wholeSeconds(ring))])
        case .complete(let call, let queue, let agent, _, let hold, let talk, let orig):
            line(id(call), n.queue(queue), n.agent(agent),
                 [String(wholeSeconds(hold)), String(wholeSeconds(talk)), String(orig)])
        case .exit(let call, let queue, let reason, let position, let orig, let wait):
            var data = [String(position), String(orig), String(wholeSeconds(wait))]
            if case .exitWithKey(let key) = reason { data.insert(key, at: 0) }
            line(id(call), n.queue(queue), "NONE", data)
        case .ringNoAnswer(let call, let queue, let agent, let ring):
            line(id(call), n.queue(queue), n.agent(agent), [String(Int((ring * 1000).rounded()))])
        case .agentLogin(let agent):
            line("NONE", "NONE", n.agent(agent), ["Agent/" + n.agent(agent)])
        case .agentLogoff(let agent, let loggedIn):
            line("NONE", "NONE", n.agent(agent), ["Agent/" + n.agent(agent), String(wholeSeconds(loggedIn))])
        case .pause(let agent, let reason):
            for q in queuesOf(agent) { line("NONE", n.queue(q), n.agent(agent), [reason]) }
        case .unpause(let agent):
            for q in queuesOf(agent) { line("NONE", n.queue(q), n.agent(agent), [""]) }
        case .callbackRequested(let id, let queue, let source, let merged, let due):
            line("callback-\(id)", n.queue(queue), "NONE",
                 [source.rawValue, merged ? "1" : "0", due.isFinite ? String(Int((epochOffset + due).rounded(.down))) : ""])
        case .callbackReserved(let id, let queue, let agent), .callbackExpired(let id, let queue, let agent):
            line("callback-\(id)", n.queue(queue), n.agent(agent), [])
        case .callbackOutcome(let id, let queue, let agent, let outcome, let attempts, let next):
            let what: String
            switch next {
            case .retry(let due): what = String(Int((epochOffset + due).rounded(.down)))
            case .close: what = "closed"
            }
            line("callback-\(id)", n.queue(queue), n.agent(agent), [outcome.rawValue, String(attempts), what])
        }
    }

    private func id(_ call: CallID) -> String { callPrefix + call.description }

    private func queuesOf(_ agent: AgentHandle) -> [QueueHandle] {
        let i = Int(agent.index)
        let qs = i >= 0 && i < names.agentQueues.count ? names.agentQueues[i] : []
        return qs.isEmpty ? [QueueHandle(-1)] : qs
    }
}
