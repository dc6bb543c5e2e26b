/// Writes events as JSON lines, one object per event:
/// `{"time":12.5,"epoch":1700000012,"event":"CONNECT","call":"7","queue":"orders","agent":"alice","hold_s":12.5,"ring_s":2}`.
///
/// Keys: `time` (driver seconds), `epoch` (whole Unix seconds), `event` (the
/// `queue_log` verb), then what applies: `call`, `queue`, `agent`, `callback`,
/// `position`, `original_position`, `wait_s`, `hold_s`, `ring_s`, `talk_s`,
/// `key`, `reason`, `logged_in_s`, `source`, `merged`, `due`, `outcome`,
/// `attempts`, `retry_at` (driver seconds; `null` when closed). Durations keep
/// their fractions.
public struct JSONLineFormatter: Sendable {
    /// Names of queues and agents.
    public var names: EventNames
    /// Unix time of driver time 0.
    public var epochOffset: Double
    /// Written before every call id, as in ``QueueLogFormatter/callPrefix``.
    public var callPrefix = ""

    /// A formatter.
    public init(names: EventNames, epochOffset: Double = 0, callPrefix: String = "") {
        self.names = names
        self.epochOffset = epochOffset
        self.callPrefix = callPrefix
    }

    /// The event as one JSON object and a newline.
    public func line(for event: QueueEvent) -> String {
        var w = JSONObjectWriter()
        w.number("time", event.time)
        w.int("epoch", Int((epochOffset + event.time).rounded(.down)))
        w.string("event", event.kind.verb)
        let n = names
        switch event.kind {
        case .enterQueue(let call, let queue, let position):
            w.string("call", callPrefix + call.description); w.string("queue", n.queue(queue)); w.int("position", position)
        case .joinEmpty(let call, let queue):
            w.string("call", callPrefix + call.description); w.string("queue", n.queue(queue))
        case .connect(let call, let queue, let agent, let hold, let ring):
            w.string("call", callPrefix + call.description); w.string("queue", n.queue(queue)); w.string("agent", n.agent(agent))
            w.number("hold_s", hold); w.number("ring_s", ring)
        case .complete(let call, let queue, let agent, let by, let hold, let talk, let orig):
            w.string("call", callPrefix + call.description); w.string("queue", n.queue(queue)); w.string("agent", n.agent(agent))
            w.string("by", by.rawValue); w.number("hold_s", hold); w.number("talk_s", talk)
            w.int("original_position", orig)
        case .exit(let call, let queue, let reason, let position, let orig, let wait):
            w.string("call", callPrefix + call.description); w.string("queue", n.queue(queue))
            if case .exitWithKey(let key) = reason { w.string("key", key) }
            w.int("position", position); w.int("original_position", orig); w.number("wait_s", wait)
        case .ringNoAnswer(let call, let queue, let agent, let ring):
            w.string("call", callPrefix + call.description); w.string("queue", n.queue(queue)); w.string("agent", n.agent(agent))
            w.number("ring_s", ring)
        case .agentLogin(let agent):
            w.string("agent", n.agent(agent))
        case .agentLogoff(let agent, let loggedIn):
            w.string("agent", n.agent(agent)); w.number("logged_in_s", loggedIn)
        case .pause(let agent, let reason):
            w.string("agent", n.agent(agent)); w.string("reason", reason)
        case .unpause(let agent):
            w.string("agent", n.agent(agent))
        case .callbackRequested(let id, let queue, let source, let merged, let due):
            w.int("callback", Int(id.raw)); w.string("queue", n.queue(queue)); w.string("source", source.rawValue)
            w.bool("merged", merged); w.number("due", due)
        case .callbackReserved(let id, let queue, let agent), .callbackExpired(let id, let queue, let agent):
            w.int("callback", Int(id.raw)); w.string("queue", n.queue(queue)); w.string("agent", n.agent(agent))
        case .callbackOutcome(let id, let queue, let agent, let outcome, let attempts, let next):
            w.int("callback", Int(id.raw)); w.string("queue", n.queue(queue)); w.string("agent", n.agent(agent))
            w.string("outcome", outcome.rawValue); w.int("attempts", attempts)
            if case .retry(let due) = next { w.number("retry_at", due) } else { w.null("retry_at") }
        }
        return w.finish() + "\n"
    }
}

/// A minimal JSON object writer (no Foundation in the core).
struct JSONObjectWriter {
    private var text = "{"
    private var first = true

    private mutating func key(_ k: String) {
        if !first { text += "," }
        first = false
        text += "\"" + k + "\":"
    }

    mutating func string(_ k: String, _ v: String) { key(k); text += JSONObjectWriter.quote(v) }
    mutating func int(_ k: String, _ v: Int) { key(k); text += String(v) }
    mutating func bool(_ k: String, _ v: Bool) { key(k); text += v ? "true" : "false" }
    mutating func null(_ k: String) { key(k); text += "null" }
    mutating func number(_ k: String, _ v: Double) {
        key(k)
        if !v.isFinite { text += "null" } else if v == v.rounded(), abs(v) < 1e15 { text += String(Int(v)) } else { text += String(v) }
    }

    func finish() -> String { text + "}" }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
