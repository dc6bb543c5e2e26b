import HeapModule
import InPlaceTables

/// The queue manager: queues, agents and callbacks as one deterministic state
/// machine. No clock, no I/O: every input carries the driver's time in seconds,
/// and inputs must come in non-decreasing time order.
///
/// Driving protocol (live runtime and simulator alike):
/// 1. configure queues at `init`, add agents with `addAgent`;
/// 2. feed inputs (`join`, `leave`, `login`, `answer`, `complete`,
///    `endWrapUp`, `requestCallback`, ...);
/// 3. after **every** input, call `next(at:)` until it returns `nil` and carry
///    out each output (ring an agent, hand a callback to an agent, ...);
/// 4. if `nextWakeUp(after:)` gives a time, call `next(at:)` again then
///    (callbacks coming due, reservations expiring, skill levels widening).
///
/// The hot path (join → offer → answer → complete → wrap-up) allocates nothing
/// once warmed up, does no string work, and costs O(1) per step with the
/// default strategy (O(log n) for heap-based strategies). See docs/QUEUE.md.
public struct QueueManager: Sendable {
    // The hot tables are `InPlaceTable`s, written in place: every public input calls
    // `makeTablesUnique()` first, so a copy of the manager never sees another's writes.
    var queues = InPlaceTable<QueueState>()
    var agents = InPlaceTable<AgentRecord>()
    /// Current idle stamp per agent, 0 when not available.
    var idleEpoch = IdleEpochs()
    var epochCounter: UInt32 = 0
    @usableFromInline var idleCount = 0
    @usableFromInline var waitingTotal = 0
    var calls = InPlaceTable<CallSlot>()
    /// All agents' memberships, each agent's contiguous (see `AgentRecord`).
    var memberships = InPlaceTable<Membership>()
    var freeSlots = InPlaceTable<Int32>()
    /// Shared with the copies of this manager that share its tables (see `makeTablesUnique`).
    var tablesToken = ManagerTablesToken()
    var joinSeq: UInt64 = 0

    var callbacks = CallbackTable<Callback>()
    var openByNumber: [String: CallbackID] = [:]
    var callbackTrack = CallbackTable<CallbackTrack>()
    @usableFromInline var callbackTimerDue = Double.infinity
    var reservations = Heap<TimedCallback>()
    @usableFromInline var openCallbackCount = 0
    @usableFromInline var readyTotal = 0
    var nextCallbackID: UInt64 = 1
    @usableFromInline var pendingEmptyChecks = 0
    /// Queues whose skill levels widen with the wait (`.skills` with a finite step): the only
    /// ones whose line can need a wake-up without a callback.
    @usableFromInline var wideningQueues = 0
    /// Break reasons given with `pause` while busy (kept so agent records hold no strings).
    var breakReasons: [String] = []
    /// `ring-all`: the agents ringing together for a caller, by call slot (two or more rang).
    var ringGroups: [Int32: [Int32]] = [:]
    /// Outputs decided together and handed out one per `next(at:)` (a ring-all's other offers, stops).
    @usableFromInline var pendingOutputs: [QueueOutput] = []

    /// Queue names, by `QueueHandle.index`.
    public private(set) var queueNames: [String] = []
    /// Agent ids, by `AgentHandle.index`.
    public private(set) var agentIDs: [String] = []
    /// Agent display names, by `AgentHandle.index`.
    public private(set) var agentNames: [String] = []
    /// Topic names, by `TopicHandle.index`.
    public private(set) var topicNames: [String] = []
    private var queueIndex: [String: Int] = [:]
    private var agentIndex: [String: Int] = [:]
    private var topicIndex: [String: Int] = [:]

    /// Whether inputs append `QueueEvent`s to `events`. Default `true`;
    /// the simulator turns it off.
    public var eventsEnabled: Bool
    /// Whether closed callbacks stay listed (`callback(_:)`, `allCallbacks`).
    /// Default `true`; a long simulation turns it off so memory does not grow
    /// with simulated time (the outcome is still in the events).
    public var retainsClosedCallbacks = true
    /// Events since the last `removeAllEvents()`.
    public internal(set) var events: [QueueEvent] = []

    /// A manager with these queues (names must be unique).
    public init(queues configs: [QueueConfig], eventsEnabled: Bool = true) throws(QueueError) {
        self.eventsEnabled = eventsEnabled
        for config in configs {
            guard queueIndex[config.name] == nil else { throw .duplicateName(config.name) }
            queueIndex[config.name] = queues.count
            queueNames.append(config.name)
            queues.append(QueueState(config: config))
        }
        wideningQueues = queues.filter(\.widensLevels).count
    }

    /// Gives this manager tables of its own if it shares them with a copy: called first by every
    /// input that writes them (one uniqueness check per input instead of one per write).
    @inline(__always)
    @usableFromInline
    mutating func makeTablesUnique() {
        if !isKnownUniquelyReferenced(&tablesToken) { copyTables() }
    }

    @inline(never)
    private mutating func copyTables() {
        queues = queues.copy()
        for q in queues.indices { queues[q].copyRings() }
        agents = agents.copy()
        idleEpoch = idleEpoch.copy()
        calls = calls.copy()
        memberships = memberships.copy()
        freeSlots = freeSlots.copy()
        tablesToken = ManagerTablesToken()
    }

    /// Clears `events`, keeping their storage for reuse.
    public mutating func removeAllEvents() { events.removeAll(keepingCapacity: true) }

    @inline(__always)
    mutating func emit(_ time: Double, _ kind: QueueEvent.Kind) {
        if eventsEnabled { events.append(QueueEvent(time: time, kind: kind)) }
    }

    // MARK: Names

    /// The handle of the queue named `name`.
    public func queue(named name: String) throws(QueueError) -> QueueHandle {
        guard let i = queueIndex[name] else { throw .unknownQueue(name) }
        return QueueHandle(i)
    }

    /// The handle of the agent with id `id`.
    public func agent(id: String) throws(QueueError) -> AgentHandle {
        guard let i = agentIndex[id] else { throw .unknownAgent(id) }
        return AgentHandle(i)
    }

    /// Interns a topic name (configuration time), returning its handle.
    public mutating func topic(named name: String) -> TopicHandle {
        if let i = topicIndex[name] { return TopicHandle(i) }
        topicIndex[name] = topicNames.count
        topicNames.append(name)
        return TopicHandle(topicNames.count - 1)
    }

    /// The configuration of a queue.
    public func configuration(of queue: QueueHandle) -> QueueConfig { queues[Int(queue.index)].config }

    /// Number of queues.
    public var queueCount: Int { queues.count }

    /// Whether queue `q` works callbacks at `t`. Reached through the table's address: calling the
    /// schedule (an existential) as `queues[q].config.schedule` from a mutating method made the
    /// compiler copy the whole queue state first, a dozen retains and releases each time.
    @inline(__always)
    func isOpen(_ q: Int, at t: Double) -> Bool {
        queues[q].config.schedule.isOpen(at: t)
    }

    /// When queue `q` next opens after `t` (see ``isOpen(_:at:)`` for why through the address).
    @inline(__always)
    func nextOpening(_ q: Int, after t: Double) -> Double? {
        queues[q].config.schedule.nextOpening(after: t)
    }

    /// Queue `q`'s callback policy and schedule, read without copying the queue state.
    @inline(__always)
    func callbackRules(_ q: Int) -> (policy: CallbackPolicy, schedule: any OpeningSchedule) {
        (queues[q].config.callbackPolicy, queues[q].config.schedule)
    }

    /// The memberships of agent `a`.
    @inline(__always)
    func membershipRange(_ a: Int) -> Range<Int> {
        let start = Int(agents[a].membershipStart)
        return start ..< start + Int(agents[a].membershipCount)
    }

    /// Credits agent `a`'s membership of queue `q` (and the agent's totals) with work taken.
    mutating func credit(_ a: Int, queue q: Int, calls: Int64 = 0, talk: Double = 0) {
        agents[a].callsTaken += calls
        agents[a].talkTime += talk
        let range = membershipRange(a)
        var i = range.lowerBound
        while i < range.upperBound && memberships[i].queue != Int32(q) { i += 1 }
        guard i < range.upperBound else { return }
        var membership = memberships[i]
        membership.callsTaken += calls
        membership.talkTime += talk
        memberships[i] = membership
    }

    /// Number of agents.
    public var agentCount: Int { agents.count }

    // MARK: Agents

    /// Adds a logged-out agent; skills name configured queues.
    @discardableResult
    public mutating func addAgent(_ config: AgentConfig) throws(QueueError) -> AgentHandle {
        makeTablesUnique()
        guard agentIndex[config.id] == nil else { throw .duplicateName(config.id) }
        var memberships: [Membership] = []
        for skill in config.skills {
            guard let q = queueIndex[skill.queue] else { throw .unknownQueue(skill.queue) }
            if memberships.contains(where: { $0.queue == Int32(q) }) { continue }
            memberships.append(Membership(queue: Int32(q), member: Int32(queues[q].members.count),
                                          level: Int32(clamping: max(1, skill.level))))
            queues[q].members.append(AgentHandle(agents.count))
            queues[q].memberLevels.append(Int32(clamping: max(1, skill.level)))
            if config.hasStation { queues[q].counts.loggedOut += 1 }
        }
        let handle = AgentHandle(agents.count)
        agentIndex[config.id] = agents.count
        agentIDs.append(config.id)
        agentNames.append(config.name)
        var record = AgentRecord(hasStation: config.hasStation, wrapUpOverride: config.wrapUp.map { max(0, $0) },
                                 maxNoAnswer: Int32(clamping: max(0, config.maxNoAnswer)))
        record.membershipStart = Int32(self.memberships.count)
        record.membershipCount = Int32(memberships.count)
        self.memberships.append(contentsOf: memberships)
        agents.append(record)
        idleEpoch.append(0)
        return handle
    }

    @inline(__always)
    func checkAgent(_ agent: AgentHandle) throws(QueueError) -> Int {
        let a = Int(agent.index)
        guard a >= 0, a < agents.count else { throw .invalidHandle("agent") }
        return a
    }

    @inline(__always)
    func checkQueue(_ queue: QueueHandle) throws(QueueError) -> Int {
        let q = Int(queue.index)
        guard q >= 0, q < queues.count else { throw .invalidHandle("queue") }
        return q
    }
}
