import CallFlow
import CallQueue
import Dispatch
import Foundation
import SoundIO
import Storage

/// The one queue manager `ivr serve` shares between its lines, on the server's own clock.
///
/// Lines call in from their audio threads (join, leave, status), so those calls only touch the
/// manager in memory under ``lock`` and return; everything that can block (the store, the queue
/// log, opening a station, ringing) runs on one serial executor, never under the lock. The time
/// fed to the manager is read inside the lock and checked to be non-decreasing.
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
        /// The agent's SIP phone (`sip:alice@192.0.2.10:5062`), rung through ``SharedQueue/stationDialer``
        /// instead of a PCM station.
        public var sipStation: String?

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
        var playback: ALSADevice?
        var capture: ALSADevice?
        var autoAnswer: Bool
        /// A SIP phone's address instead of PCMs.
        var sip: String?

        /// Where the agent takes calls, for the log.
        var place: String { sip ?? playback?.name ?? "?" }
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
        /// The INVITE ringing the agent's SIP phone, hung up (CANCEL) when the offer ends unanswered.
        var phone: (any StationCall)?
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
    /// Seconds an agent who missed an offer rests before the next (per queue, else `defaultRetry`).
    var retryDelays: [QueueHandle: Double] = [:]
    var defaultRetry = 0.0
    /// Agents resting after a missed offer or in wrap-up after a call, and until when (manager
    /// time); the tick ends each rest with `endWrapUp`.
    var resting: [AgentHandle: Double] = [:]
    /// How long each caller who stopped waiting waited, on this clock (the wait queue_log writes).
    var waits: [UInt64: Double] = [:]
    var storeStates: [AgentHandle: AgentState] = [:]
    /// Each queue's settings as last applied, and queues whose ring timeout serve.yaml pins (see SharedQueue+Settings).
    var appliedSettings: [String: QueueSettings] = [:]
    var pinnedRingTimeouts: Set<String> = []
    private var ticks = 0
    private let configuration: LineConfiguration
    let log: @Sendable (String) -> Void
    private var timer: DispatchSourceTimer?
    /// The serial executor: the clock tick, dispatching offers, station bridging, store writes.
    let executor = DispatchQueue(label: "switchboard.queue")
    /// The last time fed to the manager (guarded by `lock`).
    private var lastTime = 0.0
    private var reportedBackwards = false
    let store: Store?
    /// Rings agents' SIP phones (set by `ivr serve` when it has a `sip:` side; guarded by `lock`).
    var dialer: (any StationDialer)?
    private let epoch = Date().timeIntervalSince1970
    private let callIDPrefix: String

    /// A manager for `queues` with `agents` logged in (those with stations take live callers).
    ///
    /// With a `store`, waiting callers are recorded there (so `ivr queue status` in another
    /// process sees them) and queue events go to its `queue_log` files. An offer rings a station
    /// for `ringTimeouts[queue]` seconds (default ``defaultRingTimeout``). `configs` (from the
    /// store's settings, `QueueRecord.queueConfig`) replace the defaults of the queues they name.
    /// `callIDPrefix` goes before every call number in `queue_log` (``QueueLogSession/callPrefix``).
    /// An agent who misses an offer is offered nothing for `retryDelays[queue]` seconds
    /// (default `defaultRetry`; `ivr serve` uses ``ServeConfig/defaultRetry``).
    public init(queues: [String], agents: [Agent], store: Store? = nil, configuration: LineConfiguration = LineConfiguration(),
                ringTimeouts: [String: Double] = [:], retryDelays: [String: Double] = [:], defaultRetry: Double = 0,
                configs: [QueueConfig] = [], callIDPrefix: String = "",
                log: @escaping @Sendable (String) -> Void = { _ in }) throws(QueueError) {
        manager = try QueueManager(queues: queues.map { name in configs.first { $0.name == name } ?? QueueConfig(name: name) })
        self.store = store
        self.callIDPrefix = callIDPrefix
        if let removed = try? store?.clearWaitingCallers(), removed > 0 {
            log("forgot \(removed) caller(s) left waiting by a server that stopped without hanging up")
        }
        self.configuration = configuration
        self.log = log
        for (name, seconds) in ringTimeouts { self.ringTimeouts[try manager.queue(named: name)] = seconds }
        for (name, seconds) in retryDelays { self.retryDelays[try manager.queue(named: name)] = seconds }
        self.defaultRetry = defaultRetry
        for agent in agents {
            let hasStation = agent.station != nil || agent.sipStation != nil
            let handle = try manager.addAgent(AgentConfig(id: agent.id, skills: agent.skills, hasStation: hasStation))
            if agent.loggedIn { try manager.login(handle, at: 0) }
            storeStates[handle] = agent.loggedIn ? .available : .loggedOut
            if hasStation {
                stations[handle] = Station(id: agent.id, playback: agent.station?.playback, capture: agent.station?.capture,
                                           autoAnswer: agent.autoAnswer, sip: agent.sipStation)
            }
        }
    }

    /// Starts the clock tick (every 200 ms) that ends ring timeouts and lets waiting callers reach
    /// freed agents; with a store, agents' states are re-read from it every second (`ivr agent
    /// login|logout|break|ready` in another terminal reach the running server that way).
    public func startTicking() {
        let timer = DispatchSource.makeTimerSource(queue: executor)
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
        lock.withLock { endRests() }
        dispatch()
    }

    var now: Double { Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9 }

    /// The time to feed the manager: read with `lock` held, so no caller can feed it an older
    /// reading after a newer one. It never goes back: a debug build stops, a release build keeps
    /// the last time and logs it once.
    func managerTime() -> Double {
        let t = now
        guard t >= lastTime else {
            assertionFailure("the shared queue's clock went back from \(lastTime) to \(t)")
            if !reportedBackwards {
                reportedBackwards = true
                log("queue clock went back from \(lastTime) s to \(t) s; keeping \(lastTime) s")
            }
            return lastTime
        }
        lastTime = t
        return t
    }

    /// Waits until the executor has done everything queued so far (tests, shutdown).
    public func settle() { executor.sync {} }

    /// Joins the shared manager; an agent may be offered the caller at once.
    public func join(call: UInt64, queue: String, topic: String?, caller: String?, control: LineControl) -> QueueJoinAnswer {
        let (answer, joinedAt): (QueueJoinAnswer, Double?) = lock.withLock {
            do {
                let t = managerTime()
                let handle = try manager.queue(named: queue)
                let topicHandle = topic.map { manager.topic(named: $0) } ?? .none
                switch try manager.join(call: CallID(call), queue: handle, topic: topicHandle, at: t) {
                case .joined(let joined):
                    waiting[call] = Waiting(ticket: joined.ticket, control: control, queue: queue, caller: caller, joinedAt: t)
                    return (.joined(position: joined.position, estimatedWait: try? manager.estimatedWait(of: joined.ticket)), t)
                case .refusedEmpty:
                    return (.empty, nil)
                }
            } catch {
                log("queue \(queue): \(error); the caller holds alone")
                return (.joined(position: 1, estimatedWait: nil), nil)
            }
        }
        let store = store, epoch = epoch
        executor.async { [weak self] in
            if let store, let joinedAt {
                try? store.callerJoined(WaitingCaller(callID: Self.callID(call), queue: queue, caller: caller,
                                                      joinedAt: Date(timeIntervalSince1970: epoch + joinedAt)))
            }
            self?.dispatch()
        }
        return answer
    }

    /// Leaves the shared manager (Asterisk EXITWITHKEY / EXITWITHTIMEOUT / ABANDON).
    public func leave(call: UInt64, reason: LeaveReason) {
        let left: Bool = lock.withLock {
            guard let entry = waiting.removeValue(forKey: call) else { return false }
            waits[call] = now - entry.joinedAt
            for agent in ringing.filter({ $0.value.offer.call.raw == call }).keys {   // ring-all: several
                ringing[agent]?.phone?.hangUp()
                ringing[agent] = nil
                log("agent \(manager.agentIDs[Int(agent.index)]): call \(call) hung up while ringing")
            }
            _ = try? manager.leave(entry.ticket, reason: reason, at: managerTime())
            return true
        }
        let store = store
        executor.async { [weak self] in
            if left { try? store?.callerLeft(callID: Self.callID(call)) }
            self?.dispatch()
        }
    }

    /// Position and estimated wait from the shared manager.
    public func status(call: UInt64) -> (position: Int, estimatedWait: Double?)? {
        lock.withLock {
            guard let entry = waiting[call], let position = try? manager.position(of: entry.ticket) else { return nil }
            return (position, (try? manager.estimatedWait(of: entry.ticket)) ?? nil)
        }
    }

    /// The wait this queue counted for `call` (joined to connected or left); taken once.
    public func waitSeconds(call: UInt64) -> Double? {
        lock.withLock { waits.removeValue(forKey: call) }
    }

    /// The call ended: if still waiting, the caller abandoned.
    public func callEnded(call: UInt64) {
        leave(call: call, reason: .abandon)
    }

    /// Per queue: name, callers waiting; each waiting caller (queue order); per agent: id, state
    /// and the call they are ringing for or talking to. For `status`.
    public func statusLines() -> [String] {
        lock.withLock {
            let t = managerTime()
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

    /// Carries out what the manager decided: connects offered callers to stations. Runs on the
    /// executor (or a test's thread), never on a line's audio thread; the store is written after
    /// the lock is let go.
    func dispatch() {
        lock.lock()
        var offers: [CallerOffer] = []
        var removed: [LineControl] = []
        var gone: [UInt64] = []
        var stopped: [String] = []
        while let output = manager.next(at: managerTime()) {
            switch output {
            case .offer(let offer): offers.append(offer)
            case .ringStopped(let call, let agent):
                if ringing[agent]?.offer.call == call {
                    ringing[agent]?.phone?.hangUp()
                    ringing[agent] = nil
                }
                offers.removeAll { $0.agent == agent && $0.call == call }
                stopped.append("agent \(manager.agentIDs[Int(agent.index)]) stops ringing: call \(call.raw) was answered by another agent")
            case .removed(let removal):
                if let entry = waiting.removeValue(forKey: removal.call.raw) {
                    removed.append(entry.control)
                    waits[removal.call.raw] = now - entry.joinedAt
                }
                gone.append(removal.call.raw)
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
        for call in gone { try? store?.callerLeft(callID: Self.callID(call)) }
        if let names { store?.appendQueueLog(events, names: names, epochOffset: epoch, callerNumbers: callerNumbers,
                                            callPrefix: callIDPrefix) }
        for line in stopped { log(line) }
        for control in removed { control.post(.queueEmpty) }
        for offer in offers { self.offer(offer) }
    }

    /// Connects an offered caller to the agent's station (the agent answered); false when the
    /// caller is gone or the station would not open (then the offer counts as not answered).
    @discardableResult
    func connect(_ offer: CallerOffer) -> Bool {
        connect(offer) { [configuration] station, onEnd throws(LiveCallError) in
            guard let playback = station.playback, let capture = station.capture else {
                throw LiveCallError.device(AudioLineError(kind: .failed, pcm: station.place, operation: "open",
                                                          alsa: "not a sound device"))
            }
            return try StationLink.open(agentID: station.id, playback: playback, capture: capture,
                                        configuration: configuration, onEnd: onEnd)
        }
    }

    /// Connects an offered caller to the station `open` makes ready (a PCM opened, a SIP phone answered).
    @discardableResult
    func connect(_ offer: CallerOffer, open: (Station, @escaping @Sendable (CompletedBy) -> Void) throws(LiveCallError) -> StationLink) -> Bool {
        lock.lock()
        let t = managerTime()
        guard let station = stations[offer.agent], let entry = waiting[offer.call.raw] else {
            missed(offer.agent, queue: offer.queue, at: t)
            lock.unlock()
            return false
        }
        lock.unlock()
        let agent = offer.agent
        do {
            let link = try open(station) { [weak self] side in self?.conversationEnded(agent, by: side) }
            lock.withLock {
                waiting[offer.call.raw] = nil
                waits[offer.call.raw] = t - entry.joinedAt
                talking[agent] = link
                agentCalls[agent] = offer.call.raw
                try? manager.answer(agent, at: managerTime())
            }
            try? store?.callerLeft(callID: Self.callID(offer.call.raw))
            entry.control.bridge(to: link)
            entry.control.post(.agentConnected)
            log("agent \(station.id) connected to call \(offer.call.raw) at \(station.place)")
            return true
        } catch {
            log("agent \(station.id): \(error); offer not answered")
            lock.withLock { missed(agent, queue: offer.queue, at: managerTime()) }
            return false
        }
    }

    static func callID(_ call: UInt64) -> String { "live-\(call)" }

    private func conversationEnded(_ agent: AgentHandle, by side: CompletedBy) {
        let id: String = lock.withLock {
            talking[agent] = nil
            agentCalls[agent] = nil
            let t = managerTime()
            // With a wrap-up time the agent is in wrap-up until then; the tick ends it.
            if let until = try? manager.complete(agent, by: side, at: t), until > t { resting[agent] = until }
            return manager.agentIDs[Int(agent.index)]
        }
        log("agent \(id) finished (\(side.rawValue) hung up); wrap-up")
        executor.async { [weak self] in self?.dispatch() }      // may be on a line's audio thread
    }
}
