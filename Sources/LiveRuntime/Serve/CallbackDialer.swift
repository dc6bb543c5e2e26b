import CallQueue
import Foundation
import SIP
import Storage
import Telephony

/// `ivr callback next --agent ID --dial`: the server rings the agent's SIP phone, then calls the
/// customer's number through the trunk (`sip: {trunk: "sip:{number}@pbx.example"}`), joins the
/// two, and records the attempt's outcome on the callback once: reached when the customer
/// answers; busy, no-answer or wrong-number from the trunk's SIP response. If the agent does not
/// answer, nothing is recorded and the callback stays reserved for them. While the customer's
/// phone rings the agent hears the country's ringback tone.
///
/// Control commands: `dial-callback ID AGENT` (starts, replies at once) and `dial-status ID`
/// (`ringing-agent`, `calling`, `talking`, `done OUTCOME`).
public final class CallbackDialer: @unchecked Sendable {
    /// How long the customer's phone may ring before the attempt counts as no answer.
    public static let customerRingSeconds = 30.0
    /// How long the agent's phone may ring.
    public static let agentRingSeconds = 20.0

    private let server: SIPServer
    private let store: Store
    private let trunk: String?
    private let stations: [String: String]
    private let log: @Sendable (String) -> Void
    private let ringback: TonePattern
    private let lock = NSLock()
    private var states: [Int64: String] = [:]
    private let storeQueue = DispatchQueue(label: "switchboard.callback-dial")

    /// A dialer placing calls through `trunk` (with `{number}`; nil: dialling is refused) for
    /// agents whose `stations` are SIP phones (agent id → `sip:` address); the agent hears
    /// `ringback` while the customer's phone rings.
    public init(lines: SIPLines, store: Store, trunk: String?, stations: [String: String], ringback: TonePattern = .ringbackUK,
                log: @escaping @Sendable (String) -> Void) {
        self.server = lines.server
        self.ringback = ringback
        self.store = store
        self.trunk = trunk
        self.stations = stations
        self.log = log
    }

    /// Answers `dial-callback` and `dial-status`; nil for other commands.
    public func handle(_ words: [String]) -> String? {
        switch words.first {
        case "dial-callback" where words.count == 3:
            guard let id = Int64(words[1]), id > 0 else { return "error callback id '\(words[1])' is not a positive number" }
            return start(id, agent: words[2])
        case "dial-status" where words.count == 2:
            guard let id = Int64(words[1]) else { return "error callback id '\(words[1])' is not a number" }
            return lock.withLock { states[id] }.map { "ok \($0)" } ?? "error callback \(id) is not being dialled"
        default:
            return nil
        }
    }

    /// The ringback tone of the country with this calling code: North America's for `1`, else the UK's.
    public static func ringback(callingCode: String) -> TonePattern {
        callingCode == "1" ? .ringbackUS : .ringbackUK
    }

    /// The trunk URI for `number`: `{number}` replaced by its digits (and a leading +).
    static func uri(trunk: String, number: String) -> String {
        let digits = number.filter { $0.isNumber || $0 == "+" }
        return trunk.replacingOccurrences(of: "{number}", with: digits)
    }

    /// What a trunk's final response means for the callback.
    static func outcome(code: Int) -> CallbackOutcome {
        switch code {
        case 486, 600: .busy
        case 404, 410, 484, 604: .wrongNumber
        default: .noAnswer
        }
    }

    private func start(_ id: Int64, agent: String) -> String {
        guard trunk != nil else {
            return "error serve.yaml has no trunk to dial through; add one under sip:, e.g. trunk: \"sip:{number}@pbx.example\""
        }
        guard let station = stations[agent] else {
            return "error agent \(agent) has no SIP phone in serve.yaml (agents: \(agent): {station: \"sip:…\"})"
        }
        let callback: CallbackRecord
        do { callback = try store.callback(id) } catch { return "error \(error)" }
        guard callback.status == .reserved, callback.reservedBy == agent else {
            return "error callback \(id) is not reserved for \(agent); take it first with `ivr callback next --agent \(agent)`"
        }
        let busy: Bool = lock.withLock {
            if let state = states[id], !state.hasPrefix("done") { return true }
            states[id] = "ringing-agent"
            return false
        }
        if busy { return "error callback \(id) is being dialled already" }
        let number = callback.number
        log("callback \(id): ringing \(agent) at \(station), then \(number) through the trunk")
        let agentLeg = server.dial(station, label: "agent \(agent)", fromUser: number, displayName: "Callback \(number)") { [weak self] leg, outcome in
            self?.agentAnswered(leg, outcome, id: id, agent: agent, number: number)
        }
        storeQueue.asyncAfter(deadline: .now() + Self.agentRingSeconds) { [weak self] in
            if self?.state(id) == "ringing-agent" { agentLeg.hangUp(); self?.finish(id, "done agent-no-answer") }
        }
        return "ok callback \(id): ringing \(agent) at \(station), then \(number)"
    }

    private func state(_ id: Int64) -> String? { lock.withLock { states[id] } }

    private func set(_ id: Int64, _ state: String, when expected: String) -> Bool {
        lock.withLock {
            guard states[id] == expected else { return false }
            states[id] = state
            return true
        }
    }

    private func finish(_ id: Int64, _ state: String) {
        lock.withLock { states[id] = state }
        log("callback \(id): \(state)")
    }

    /// The agent's phone answered (or not): call the customer (SIP thread).
    private func agentAnswered(_ agentLeg: SIPLeg, _ outcome: SIPLeg.Outcome, id: Int64, agent: String, number: String) {
        guard case .answered = outcome else {
            if set(id, "done agent-no-answer", when: "ringing-agent") { log("callback \(id): \(agent) did not answer; the callback stays reserved for them") }
            return
        }
        guard set(id, "calling", when: "ringing-agent") else {
            agentLeg.hangUp()
            return
        }
        let uri = Self.uri(trunk: trunk ?? "", number: number)
        let customer = server.dial(uri, label: "customer \(number)", fromUser: "switchboard", displayName: "Switchboard") { [weak self] leg, outcome in
            self?.customerAnswered(leg, outcome, agentLeg: agentLeg, id: id, agent: agent)
        }
        // The agent hears ringback until the customer answers (then the two are joined) or the attempt ends.
        SIPLegBridge.ringThenJoin(agentLeg, customer, ringback: ringback, name: "switchboard.callback.\(id)", progress: { [weak self] in
            switch self?.state(id) {
            case "calling": .ringing
            case "talking": .answered
            default: .over
            }
        }, onEnd: { [weak self] agentFirst in
            self?.finish(id, "done reached (\(agentFirst ? "agent" : "customer") hung up)")
        })
        // The agent hanging up while the customer's phone rings cancels the attempt (nothing recorded).
        storeQueue.async { [weak self] in self?.watch(id: id, agentLeg: agentLeg, customer: customer, started: Date()) }
    }

    /// While the customer's phone rings: give up after the ring time, or when the agent hangs up.
    private func watch(id: Int64, agentLeg: SIPLeg, customer: SIPLeg, started: Date) {
        guard state(id) == "calling" else { return }
        if agentLeg.hasEnded {
            if set(id, "done agent-hung-up", when: "calling") { customer.hangUp() }
            return
        }
        if Date().timeIntervalSince(started) > Self.customerRingSeconds {
            if set(id, "done no-answer", when: "calling") {
                customer.hangUp()
                agentLeg.hangUp()
                record(id, .noAnswer, note: "no answer within \(Int(Self.customerRingSeconds)) s (dialled through the trunk)")
            }
            return
        }
        storeQueue.asyncAfter(deadline: .now() + 0.2) { [weak self] in self?.watch(id: id, agentLeg: agentLeg, customer: customer, started: started) }
    }

    /// The customer answered, or the trunk refused (SIP thread).
    private func customerAnswered(_ customer: SIPLeg, _ outcome: SIPLeg.Outcome, agentLeg: SIPLeg, id: Int64, agent: String) {
        switch outcome {
        case .answered:
            guard set(id, "talking", when: "calling") else {
                customer.hangUp()
                return
            }
            record(id, .reached, note: "reached (dialled through the trunk)")   // the ringback thread joins the two
        case .failed(let code, let reason):
            let result = Self.outcome(code: code)
            guard set(id, "done \(result.rawValue)", when: "calling") else { return }
            agentLeg.hangUp()
            record(id, result, note: "\(result.rawValue): \(reason) (dialled through the trunk)")
        }
    }

    /// Records the attempt on the callback (off the SIP thread); the store's rules decide any retry.
    private func record(_ id: Int64, _ outcome: CallbackOutcome, note: String) {
        storeQueue.async { [store, log] in
            do {
                let result = try store.finishCallback(id, outcome: outcome, note: String(note.prefix(500)), now: Date())
                log("callback \(id): \(outcome.rawValue) recorded" + (result.retryScheduled ? "; next attempt due \(result.callback.due)" : "; closed"))
            } catch {
                log("callback \(id): could not record \(outcome.rawValue): \(error)")
            }
        }
    }
}
