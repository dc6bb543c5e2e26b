import CallFlow
import CallQueue
import Dispatch
import Foundation
import SoundIO
import Storage

/// The one queue manager `ivr serve` shares between its lines, on the server's own clock.
///
/// Lines are on separate sample clocks, so the shared manager runs on seconds since the server
/// started (monotonic). When it offers a waiting caller to an agent with a station, the station
/// is opened and bridged with the caller's line; when either side hangs up, the agent goes to
/// wrap-up. Agents without a station get no live callers (they work callbacks).
public final class SharedQueue: QueueLink, @unchecked Sendable {
    /// An agent as the server knows them.
    public struct Agent: Sendable {
        /// The agent's id (as in `ivr agent add`).
        public var id: String
        /// Queues and levels (1 = preferred).
        public var skills: [Skill]
        /// Whether the agent starts logged in (else they wait logged out).
        public var loggedIn = true
        /// The station's PCMs (the agent's earpiece and microphone), or nil.
        public var station: (playback: ALSADevice, capture: ALSADevice)?
        /// Whether an offer opens the station at once (true) or rings until `answer AGENT`.
        public var autoAnswer = true

        /// An agent, with a station (one PCM both ways) or not.
        public init(id: String, skills: [Skill], station: ALSADevice?) {
            self.id = id
            self.skills = skills
            self.station = station.map { ($0, $0) }
        }

        /// An agent whose station has separate playback and capture PCMs.
        public init(id: String, skills: [Skill], playback: ALSADevice, capture: ALSADevice) {
            self.id = id
            self.skills = skills
            self.station = (playback, capture)
        }
    }

    /// A station agent and how an offer reaches them.
    struct Station {
        var id: String
        var playback: ALSADevice
        var capture: ALSADevice
        var autoAnswer: Bool
    }

    /// A caller in the shared queue (also while an offer rings for them).
    struct Waiting {
        var ticket: CallTicket
        var control: LineControl
        var queue: String
        var caller: String?
        var joinedAt: Double
    }

    /// An offer ringing at a station until the agent answers or the ring timeout.
    struct Ringing {
        var offer: CallerOffer
        var deadline: Double
    }

    /// Seconds an offer rings before it counts as not answered, unless set per queue (Asterisk `timeout`).
    public static let defaultRingTimeout: Double = 15

    let lock = NSLock()
    var manager: QueueManager
    private let started = DispatchTime.now()
    var waiting: [UInt64: Waiting] = [:]
    var agentCalls: [AgentHandle: UInt64] = [:]
    var stations: [AgentHandle: Station] = [:]
    var talking: [AgentHandle: StationLink] = [:]
    var ringing: [AgentHandle: Ringing] = [:]
    var ringTimeouts: [QueueHandle: Double] = [:]
    var storeStates: [AgentHandle: AgentState] = [:]
    /// Each queue's settings as last applied, and queues whose ring timeout serve.yaml pins (see SharedQueue+Settings).
    var appliedSettings: [String: QueueSettings] = [:]
    var pinnedRingTimeouts: Set<String> = []
    private var ticks = 0
    private let configuration: LineConfiguration
    let log: @Sendable (String) -> Void
    private var timer: DispatchSourceTimer?
    let store: Store?
    private let epoch = Date().timeIntervalSince1970

    /// A manager for `queues` with `agents` logged in (those with stations take live callers).
    ///
    /// With a `store`, waiting callers are recorded there (so `ivr queue status` in another
    /// process sees them) and queue events go to its `queue_log` files. An offer rings a station
    /// for `ringTimeouts[queue]` seconds (default ``defaultRingTimeout``). `configs` (from the
    /// store's settings, `QueueRecord.queueConfig`) replace the defaults of the queues they name.
    public init(queues: [String], agents: [Agent], store: Store? = nil, configuration: LineConfiguration = LineConfiguration(),
                ringTimeouts: [String: Double] = [:], configs: [QueueConfig] = [],
                log: @escaping @Sendable (String) -> Void = { _ in }) throws(QueueError) {
        manager = try QueueManager(queues: queues.map { name in configs.first { $0.name == name } ?? QueueConfig(name: name) })
        self.store = store
        if let removed = try? store?.clearWaitingCallers(), removed > 0 {
            log("forgot \(removed) caller(s) left waiting by a server that stopped without hanging up")
        }
        self.configuration = configuration
        self.log = log
        for (name, seconds) in ringTimeouts { self.ringTimeouts[try manager.queue(named: name)] = seconds }
        for agent in agents {
            let handle = try manager.addAgent(AgentConfig(id: agent.id, skills: agent.skills, hasStation: agent.station != nil))
            if agent.loggedIn { try manager.login(handle, at: 0) }
            storeStates[handle] = agent.loggedIn ? .available : .loggedOut
            if let station = agent.station {
                stations[handle] = Station(id: agent.id, playback: station.playback, capture: station.capture,
                                           autoAnswer: agent.autoAnswer)
            }
        }
    }

    /// Starts the clock tick (every 200 ms) that ends ring timeouts and lets waiting callers reach
    /// freed agents; with a store, agents' states are re-read from it every second (`ivr agent
    /// login|logout|break|ready` in another terminal reach the running server that way).
    public func startTicking() {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "switchboard.queue"))
        timer.schedule(deadline: .now(), repeating: .milliseconds(200))
        timer.setEventHandler { [weak self] in self?.tick() }
        timer.resume()
        self.timer = timer
    }

    private func tick() {
        ticks += 1
        if ticks % 5 == 1, let store, let agents = try? store.agents() {
            syncAgents(Dictionary(agents.map { ($0.id, $0.state) }, uniquingKeysWith: { first, _ in first }))
        }
        if ticks % 5 == 3, let store, let queues = try? store.queues() { syncQueueSettings(queues) }
        expireRinging()
        dispatch()
    }

    var now: Double { Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9 }

    /// Joins the shared manager; an agent may be offered the caller at once.
    public func join(call: UInt64, queue: String, topic: String?, caller: String?, control: LineControl) -> QueueJoinAnswer {
        let answer: QueueJoinAnswer = lock.withLock {
            do {
                let handle = try manager.queue(named: queue)
                let topicHandle = topic.map { manager.topic(named: $0) } ?? .none
                switch try manager.join(call: CallID(call), queue: handle, topic: topicHandle, at: now) {
                case .joined(let joined):
                    waiting[call] = Waiting(ticket: joined.ticket, control: control, queue: queue, caller: caller, joinedAt: now)
                    try? store?.callerJoined(WaitingCaller(callID: Self.callID(call), queue: queue, caller: caller,
                                                           joinedAt: Date(timeIntervalSince1970: epoch + now)))
                    return .joined(position: joined.position, estimatedWait: try? manager.estimatedWait(of: joined.ticket))
                case .refusedEmpty:
                    return .empty
                }
            } catch {
                log("queue \(queue): \(error); the caller holds alone")
                return .joined(position: 1, estimatedWait: nil)
            }
        }
        dispatch()
        return answer
    }

    /// Leaves the shared manager (Asterisk EXITWITHKEY / EXITWITHTIMEOUT / ABANDON).
    public func leave(call: UInt64, reason: LeaveReason) {
        lock.withLock {
            guard let entry = waiting.removeValue(forKey: call) else { return }
            for agent in ringing.filter({ $0.value.offer.call.raw == call }).keys {   // ring-all: several
                ringing[agent] = nil
                log("agent \(manager.agentIDs[Int(agent.index)]): call \(call) hung up while ringing")
            }
            _ = try? manager.leave(entry.ticket, reason: reason, at: now)
            try? store?.callerLeft(callID: Self.callID(call))
        }
        dispatch()
    }

    /// Position and estimated wait from the shared manager.
    public func status(call: UInt64) -> (position: Int, estimatedWait: Double?)? {
        lock.withLock {
            guard let entry = waiting[call], let position = try? manager.position(of: entry.ticket) else { return nil }
            return (position, (try? manager.estimatedWait(of: entry.ticket)) ?? nil)
        }
    }

    /// The call ended: if still waiting, the caller abandoned.
    public func callEnded(call: UInt64) {
        leave(call: call, reason: .abandon)
    }

    /// Per queue: name, callers waiting; each waiting caller (queue order); per agent: id, state
    /// and the call they are ringing for or talking to. For `status`.
    public func statusLines() -> [String] {
        lock.withLock {
            let t = now
            let queues = manager.status(at: t).map { "queue \($0.name) waiting \($0.waiting)" }
            let callers = waiting.map { call, entry -> (String, Int, String) in
                let ringing = self.ringing.values.contains { $0.offer.call.raw == call }
                let position = (try? manager.position(of: entry.ticket)) ?? 1
                let state = ringing ? "ringing" : "position \(position)"
                let line = "caller \(call) queue \(entry.queue) \(state) waited \(Int(t - entry.joinedAt)) s from \(entry.caller ?? "withheld")"
                return (entry.queue, ringing ? 0 : position, line)
            }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
            let agents = manager.agentStatus().enumerated().map { index, agent -> String in
                let handle = AgentHandle(index)
                var line = "agent \(agent.id) \(agent.state.rawValue)"
                if let ring = ringing[handle] { line += " call \(ring.offer.call.raw)" }
                if let call = agentCalls[handle] { line += " call \(call)" }
                if stations[handle] == nil { line += " (callbacks only)" }
                return line
            }
            return queues + callers + agents
        }
    }

    /// The agent hangs up at their station (`hangup AGENT`); false when they are not talking.
    public func hangUpAgent(_ id: String) -> Bool {
        let link = lock.withLock { talking.first { $0.value.agentID == id }?.value }
        link?.hangUp()
        return link != nil
    }

    /// Carries out what the manager decided: connects offered callers to stations.
    func dispatch() {
        lock.lock()
        var offers: [CallerOffer] = []
        var removed: [LineControl] = []
        var stopped: [String] = []
        while let output = manager.next(at: now) {
            switch output {
            case .offer(let offer): offers.append(offer)
            case .ringStopped(let call, let agent):
                if ringing[agent]?.offer.call == call { ringing[agent] = nil }
                offers.removeAll { $0.agent == agent && $0.call == call }
                stopped.append("agent \(manager.agentIDs[Int(agent.index)]) stops ringing: call \(call.raw) was answered by another agent")
            case .removed(let removal):
                if let entry = waiting.removeValue(forKey: removal.call.raw) { removed.append(entry.control) }
                try? store?.callerLeft(callID: Self.callID(removal.call.raw))
            default: break
            }
        }
        let events = manager.events.filter { !Self.isAgentStateEvent($0) }
        manager.removeAllEvents()
        let names = events.isEmpty ? nil : EventNames(manager)
        var callerNumbers: [CallID: String] = [:]
        for event in events {
            if case .enterQueue(let call, _, _) = event.kind, let caller = waiting[call.raw]?.caller {
                callerNumbers[call] = caller
            }
        }
        lock.unlock()
        if let names { store?.appendQueueLog(events, names: names, epochOffset: epoch, callerNumbers: callerNumbers) }
        for line in stopped { log(line) }
        for control in removed { control.post(.queueEmpty) }
        for offer in offers { self.offer(offer) }
    }

    /// Connects an offered caller to the agent's station (the agent answered); false when the
    /// caller is gone or the station would not open (then the offer counts as not answered).
    @discardableResult
    func connect(_ offer: CallerOffer) -> Bool {
        let t = now
        lock.lock()
        guard let station = stations[offer.agent], let entry = waiting[offer.call.raw] else {
            missed(offer.agent, at: t)
            lock.unlock()
            return false
        }
        lock.unlock()
        let agent = offer.agent
        do {
            let link = try StationLink.open(agentID: station.id, playback: station.playback, capture: station.capture,
                                            configuration: configuration) { [weak self] side in
                self?.conversationEnded(agent, by: side)
            }
            lock.withLock {
                waiting[offer.call.raw] = nil
                talking[agent] = link
                agentCalls[agent] = offer.call.raw
                try? manager.answer(agent, at: t)
            }
            try? store?.callerLeft(callID: Self.callID(offer.call.raw))
            entry.control.bridge(to: link)
            entry.control.post(.agentConnected)
            log("agent \(station.id) connected to call \(offer.call.raw) at \(station.playback.name)")
            return true
        } catch {
            log("agent \(station.id): \(error); offer not answered")
            lock.withLock { missed(agent, at: t) }
            return false
        }
    }

    static func callID(_ call: UInt64) -> String { "live-\(call)" }

    private func conversationEnded(_ agent: AgentHandle, by side: CompletedBy) {
        let id: String = lock.withLock {
            talking[agent] = nil
            agentCalls[agent] = nil
            _ = try? manager.complete(agent, by: side, at: now)
            return manager.agentIDs[Int(agent.index)]
        }
        log("agent \(id) finished (\(side.rawValue) hung up); wrap-up")
        dispatch()
    }
}
