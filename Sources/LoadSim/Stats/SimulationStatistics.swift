import InPlaceTables

/// Everything one simulation run measures, streamed: counters, histograms and per-interval
/// integrals. Memory depends on the number of queues and intervals, never on the number of calls.
///
/// The per-queue and per-interval counters are written in place (see `queueTable`): copies share
/// them, so one run records and everyone else reads. Outside LoadSim the statistics are
/// read-only (every setter and recording method is internal), so no copy can change another.
public struct SimulationStatistics: Sendable {
    /// Service-level threshold, seconds.
    public let target: Double
    /// Report interval width, seconds.
    public let interval: Double
    /// Arrivals happen in [0, duration).
    public let duration: Double
    /// Queue names, by index.
    public let queueNames: [String]

    /// Calls that arrived (first attempts and redials).
    public internal(set) var calls = 0
    /// Of `calls`, redials by callers who had abandoned.
    public internal(set) var redials = 0
    /// Calls that ended inside the flow without reaching a queue (e.g. closed, hung up in a menu).
    public internal(set) var endedInFlow = 0
    /// Voicemail messages left.
    public internal(set) var voicemails = 0
    /// Offers agents let ring out (`no_answer`, `RINGNOANSWER`).
    public internal(set) var missedOffers = 0
    /// Callback requests created.
    public internal(set) var callbacksRequested = 0
    /// Callback attempts made by agents.
    public internal(set) var callbacksAttempted = 0
    /// Callbacks that reached the customer.
    public internal(set) var callbacksCompleted = 0
    /// Calls still in progress when the run stopped (callers waiting with no agent and no patience).
    public internal(set) var unfinished = 0
    /// Queue counters over all queues (with one queue, that queue's own: the same figures,
    /// counted once).
    public internal(set) var total: QueueCounters {
        get { queueTable.count == 1 ? queueTable[0] : allQueues }
        set { if queueTable.count == 1 { queueTable[0] = newValue } else { allQueues = newValue } }
    }
    /// Waits of callers who left a queue (answered, abandoned or left), for percentiles (with
    /// one queue, that queue's own histogram).
    public var waits: WaitHistogram { waitBins.histogram(severalQueues ? allWaitsRow : 0) }
    /// `total` when there are several queues (unused with one).
    private var allQueues = QueueCounters()
    /// Whether there are several queues, so `allQueues` and `allWaits` are counted apart.
    private let severalQueues: Bool
    /// Per queue, by index.
    public var queues: [QueueCounters] { Array(queueTable) }
    /// Per queue waits, by index.
    public var queueWaits: [WaitHistogram] { (0 ..< queueNames.count).map { waitBins.histogram($0) } }
    /// Queue `q`'s waits (`queueWaits[q]`, without copying out the other queues' histograms).
    public func waits(ofQueue q: Int) -> WaitHistogram { waitBins.histogram(q) }
    /// The row of `waitBins` holding all queues' waits when there are several.
    private let allWaitsRow: Int
    /// The wait histograms, recorded in place: one row per queue, then (several queues) the
    /// row of all queues.
    private var waitBins: WaitBins
    /// Per interval queue counters.
    public var intervals: [QueueCounters] { Array(intervalTable) }
    /// Calls arriving per interval.
    public var intervalCalls: [Int] { Array(callTable) }
    /// The counters above, written in place by the run (`InPlaceTable`: no copy-on-write check
    /// per write). **Copies of these statistics share them**: only the run that owns the
    /// statistics records into them; readers (the report) only read.
    private var queueTable: InPlaceTable<QueueCounters>
    private var intervalTable: InPlaceTable<QueueCounters>
    private var callTable: InPlaceTable<Int>
    /// Agents busy (on calls, wrap-up, callbacks) over time.
    public internal(set) var busy: IntervalIntegrator
    /// Callers waiting in queues over time.
    public internal(set) var waiting: IntervalIntegrator
    /// Agents scheduled over time.
    public internal(set) var scheduled: IntervalIntegrator
    /// Agents staffed over time: scheduled, plus those past their shift still finishing a call
    /// or its wrap-up (they are logged in and working). Occupancy is busy / staffed.
    public internal(set) var staffed: IntervalIntegrator
    /// Per agent, by the queue manager's agent index.
    public internal(set) var agents: [AgentCounters] = []
    /// Interval of the times events happen at (they never go back) and of the join times of
    /// callers leaving (close to them): no division while they stay in one interval.
    private var nowIndex: IntervalIndex
    private var joinIndex: IntervalIndex

    /// Empty statistics for a run.
    public init(target: Double, interval: Double, duration: Double, queueNames: [String]) {
        self.target = target
        self.interval = interval
        self.duration = duration
        self.queueNames = queueNames
        severalQueues = queueNames.count != 1
        let n = max(1, ScenarioLimits.clampedInt((duration / interval).rounded(.up)))
        nowIndex = IntervalIndex(width: interval)
        joinIndex = IntervalIndex(width: interval)
        queueTable = InPlaceTable(repeating: QueueCounters(), count: queueNames.count)
        allWaitsRow = queueNames.count
        waitBins = WaitBins(rows: queueNames.count + (severalQueues ? 1 : 0))
        intervalTable = InPlaceTable(repeating: QueueCounters(), count: n)
        callTable = InPlaceTable(repeating: 0, count: n)
        busy = IntervalIntegrator(width: interval, limit: duration)
        waiting = IntervalIntegrator(width: interval, limit: duration)
        scheduled = IntervalIntegrator(width: interval, limit: duration)
        staffed = IntervalIntegrator(width: interval, limit: duration)
    }

    /// The interval holding `t`, given `index(t)` (= `clampedInt(t / interval)`), within `0 ..< count`.
    /// Static, with the figures passed in: a method reading `self` inside a mutating one made the
    /// compiler copy the whole struct (360 bytes) on every call.
    @inline(__always)
    private static func slot(_ index: Int, count: Int) -> Int { min(count - 1, max(0, index)) }

    // The four recorders below run on every simulated call: forced inline, since as calls their
    // prologues cost about as much as their bodies (2 Dec: 66 instructions a call with the slot
    // allocator, cachegrind).

    /// A call arrives at `t`.
    @inline(__always)
    mutating func arrival(at t: Double, redial: Bool) {
        calls += 1
        if redial { redials += 1 }
        let i = Self.slot(nowIndex(t), count: callTable.count)
        callTable[i] += 1
    }

    /// A caller joins queue `q` at `t`.
    @inline(__always)
    mutating func enqueued(queue q: Int, at t: Double) {
        if severalQueues { allQueues.offered += 1 }
        queueTable[q].offered += 1
        let i = Self.slot(nowIndex(t), count: intervalTable.count)
        intervalTable[i].offered += 1
        waiting.add(1, at: t)
    }

    /// A caller who joined queue `q` at `joined` leaves it at `t` for `exit`.
    @inline(__always)
    mutating func dequeued(queue q: Int, joined: Double, at t: Double, exit: QueueExit) {
        waiting.add(-1, at: t)
        let wait = t - joined
        let bin = WaitHistogram.bin(of: wait)
        if severalQueues { waitBins.record(wait, bin: bin, row: allWaitsRow) }
        waitBins.record(wait, bin: bin, row: q)
        let i = Self.slot(joinIndex(joined), count: intervalTable.count)
        if severalQueues { Self.count(&allQueues, exit, wait, target) }
        Self.count(&queueTable[q], exit, wait, target)
        Self.count(&intervalTable[i], exit, wait, target)
    }

    /// Seconds of talk and wrap-up for a call answered from queue `q` that joined at `joined`.
    @inline(__always)
    mutating func handled(queue q: Int, joined: Double, seconds: Double) {
        if severalQueues { allQueues.handled += seconds }
        queueTable[q].handled += seconds
        let i = Self.slot(joinIndex(joined), count: intervalTable.count)
        intervalTable[i].handled += seconds
    }

    private static func count(_ c: inout QueueCounters, _ exit: QueueExit, _ wait: Double, _ target: Double) {
        switch exit {
        case .answered:
            c.answered += 1
            c.answeredWait += wait
            if wait <= target { c.answeredWithinTarget += 1 }
        case .abandoned:
            c.abandoned += 1
            c.abandonedWait += wait
        case .left:
            c.leftQueue += 1
        }
    }

    /// Closes the integrals at the end of the run.
    /// A new agent (index = the queue manager's agent index).
    mutating func agentAdded(id: String, group: String) {
        agents.append(AgentCounters(id: id, group: group))
    }

    /// Agent `a` starts (`true`) or stops being staffed (on shift, or finishing a call past it).
    @inline(__always)
    mutating func agentStaffed(_ a: Int, _ on: Bool, at t: Double) {
        guard agents[a].isStaffed != on else { return }
        agents[a].isStaffed = on
        if on { agents[a].staffedSince = t } else { agents[a].staffed += AgentCounters.span(agents[a].staffedSince, t, limit: duration) }
    }

    mutating func finish(at t: Double) {
        for a in agents.indices where agents[a].isStaffed {
            agents[a].staffed += AgentCounters.span(agents[a].staffedSince, t, limit: duration)
        }
        busy.advance(to: t)
        waiting.advance(to: t)
        scheduled.advance(to: t)
        staffed.advance(to: t)
    }

    /// Busy agent-seconds / staffed agent-seconds inside [0, duration).
    public var occupancy: Double {
        let s = staffed.totalArea
        return s > 0 ? busy.totalArea / s : 0
    }
}
