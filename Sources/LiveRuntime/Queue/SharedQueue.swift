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

    private let lock = NSLock()
    private var manager: QueueManager
    private let started = DispatchTime.now()
    private var waiting: [UInt64: (ticket: CallTicket, control: LineControl)] = [:]
    private var stations: [AgentHandle: (id: String, playback: ALSADevice, capture: ALSADevice)] = [:]
    private var talking: [AgentHandle: StationLink] = [:]
    private let configuration: LineConfiguration
    private let log: @Sendable (String) -> Void
    private var timer: DispatchSourceTimer?
    private let store: Store?
    private let epoch = Date().timeIntervalSince1970

    /// A manager for `queues` with `agents` logged in (those with stations take live callers).
    ///
    /// With a `store`, waiting callers are recorded there (so `ivr queue status` in another
    /// process sees them) and queue events go to its `queue_log` files.
    public init(queues: [String], agents: [Agent], store: Store? = nil, configuration: LineConfiguration = LineConfiguration(),
                log: @escaping @Sendable (String) -> Void = { _ in }) throws(QueueError) {
        manager = try QueueManager(queues: queues.map { QueueConfig(name: $0) })
        self.store = store
        self.configuration = configuration
        self.log = log
        for agent in agents {
            let handle = try manager.addAgent(AgentConfig(id: agent.id, skills: agent.skills, hasStation: agent.station != nil))
            if agent.loggedIn { try manager.login(handle, at: 0) }
            if let station = agent.station { stations[handle] = (agent.id, station.playback, station.capture) }
        }
    }

    /// Starts the clock tick that lets wrap-ups end and waiting callers reach freed agents.
    public func startTicking() {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "switchboard.queue"))
        timer.schedule(deadline: .now(), repeating: .milliseconds(200))
        timer.setEventHandler { [weak self] in self?.dispatch() }
        timer.resume()
        self.timer = timer
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
                    waiting[call] = (joined.ticket, control)
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

    /// Per queue: name, callers waiting; per agent: id and state. For `status`.
    public func statusLines() -> [String] {
        lock.withLock {
            let queues = manager.status(at: now).map { "queue \($0.name) waiting \($0.waiting)" }
            let agents = manager.agentStatus().map { "agent \($0.id) \($0.state.rawValue)" }
            return queues + agents
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
        while let output = manager.next(at: now) {
            switch output {
            case .offer(let offer): offers.append(offer)
            case .removed(let removal):
                if let entry = waiting.removeValue(forKey: removal.call.raw) { removed.append(entry.control) }
                try? store?.callerLeft(callID: Self.callID(removal.call.raw))
            default: break
            }
        }
        let events = manager.events
        manager.removeAllEvents()
        let names = events.isEmpty ? nil : EventNames(manager)
        lock.unlock()
        if let names { store?.appendQueueLog(events, names: names, epochOffset: epoch) }
        for control in removed { control.post(.queueEmpty) }
        for offer in offers { connect(offer) }
    }

    private func connect(_ offer: CallerOffer) {
        let t = now
        lock.lock()
        guard let station = stations[offer.agent], let entry = waiting[offer.call.raw] else {
            try? manager.notAnswered(offer.agent, at: t)
            lock.unlock()
            return
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
                try? manager.answer(agent, at: t)
            }
            try? store?.callerLeft(callID: Self.callID(offer.call.raw))
            entry.control.bridge(to: link)
            entry.control.post(.agentConnected)
            log("agent \(station.id) connected to call \(offer.call.raw) at \(station.playback.name)")
        } catch {
            log("agent \(station.id): \(error); offer not answered")
            lock.withLock { _ = try? manager.notAnswered(agent, at: t) }
        }
    }

    static func callID(_ call: UInt64) -> String { "live-\(call)" }

    private func conversationEnded(_ agent: AgentHandle, by side: CompletedBy) {
        let id: String = lock.withLock {
            talking[agent] = nil
            _ = try? manager.complete(agent, by: side, at: now)
            return manager.agentIDs[Int(agent.index)]
        }
        log("agent \(id) finished (\(side.rawValue) hung up); wrap-up")
        dispatch()
    }
}
