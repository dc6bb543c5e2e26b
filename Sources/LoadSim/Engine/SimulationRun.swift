import CallFlow
import CallQueue
import Foundation
import InPlaceTables

/// One replication: synthetic callers on a virtual clock, driving the real `CallInterpreter`
/// and `QueueManager` (the same code as live calls), with statistics streamed as it goes.
///
/// The loop pops the earliest event, feeds the interpreter or the queue manager, carries out
/// what they answer (schedule prompt ends and timers, join and leave queues, ring agents) and
/// drains the queue manager's decisions after every input, as its driving protocol requires.
///
/// A run is used once, by one owner: its hot tables (calls, agents, the agenda) are
/// `InPlaceTable`s written in place, which a copy would share.
public struct SimulationRun {
    let model: SimulationModel
    /// The run's random stream, with logs computed ahead in direct (queue-only) mode (see `DrawStream`).
    var rng: DrawStream
    var events = EventQueue<SimEvent>()
    /// The waiting callers' patience deadlines, ordered with the agenda (see `DeadlineHeap`).
    var deadlines = DeadlineHeap()
    var queue: QueueManager
    /// The flow's interpreter (nil in queue-only mode: callers go straight to queue 0).
    let flow: CallInterpreter?
    /// Calls in progress by slot (an `InPlaceTable`: written in place, never copied).
    var calls = InPlaceTable<SimCall>(capacity: 1024)
    /// The call runner's state of each call slot (flow mode only; empty in queue-only mode).
    var runs: [CallRunner] = []
    var freeSlots = InPlaceTable<Int32>(capacity: 1024)
    var agents = InPlaceTable<SimAgent>(capacity: 64)
    var groupAgents: [[Int32]]
    var groupScheduled: [Int]
    /// The call runner's scratch list of actions.
    public var actionBuffer: [CallAction] = []
    /// The slot of the call the runner is driving (``call`` points at it).
    var current = 0
    /// An error a port method met (the queue manager refused); thrown once the runner returns.
    var failure: (any Error)?
    var stats: SimulationStatistics
    let arrivals: ArrivalClock
    let startEpoch: Double
    var now = 0.0
    var liveCalls = 0
    var nextNumber: UInt32 = 0
    var wakeUpAt = Double.infinity
    var topicHandles: [TopicHandle] = []
    var queueOfFlow: [Int32] = []
    var arrivalsOpen = true
    var pendingRedials = 0
    var needsDrain = false
    var patienceDue = InPlaceTable<Int32>(capacity: 64)
    var pendingTimers: [PendingTimer] = []
    var draining = false
    /// Agents whose shift has ended but who are still busy finishing a call or its wrap-up.
    var overtime = 0
    /// The most callers held at once so far (calls in progress, pending redials, open callbacks).
    var mostHeld = 0
    /// The transcripts of the calls that ended, when set to `[]` before `run` (tests compare the
    /// simulator's path through the flow with the other drivers'); nil, the default, costs nothing.
    public var transcripts: [Transcript]?

    /// High-water marks of the run's tables: what memory follows. None of them may grow with
    /// the number of calls or with simulated time, only with the callers held at once.
    public struct Footprint: Sendable, Equatable {
        /// Most callers held at once (calls in progress + pending redials + open callbacks).
        public var callersHeld: Int
        /// Slots of the call table (calls in progress at once, at most).
        public var callSlots: Int
        /// Slots of the agenda's payload table (events pending at once, at most).
        public var eventSlots: Int
    }

    /// The run's high-water marks so far.
    public var footprint: Footprint {
        Footprint(callersHeld: mostHeld, callSlots: calls.count, eventSlots: events.slotCount)
    }

    /// A run of `model` with random stream `replication` of `seed`.
    public init(model: SimulationModel, seed: UInt64, replication: Int) throws {
        self.model = model
        let scenario = model.scenario
        let source = replication == 0 ? Xoshiro256StarStar(seed: seed) : .stream(seed: seed, index: UInt64(replication))
        rng = DrawStream(source, logsAhead: model.isDirect)
        startEpoch = scenario.startDate.timeIntervalSince1970
        let configs = model.queueSettings.enumerated().map { i, settings in
            settings.queueConfig(schedule: model.schedules[i], seed: seed &+ UInt64(i))
        }
        queue = try QueueManager(queues: configs, eventsEnabled: false)
        queue.retainsClosedCallbacks = false      // memory must not grow with simulated time
        flow = model.program.map { CallInterpreter(program: $0) }
        stats = SimulationStatistics(target: scenario.targetAnswer, interval: scenario.interval,
                                     duration: scenario.duration, queueNames: model.queueNames)
        arrivals = ArrivalClock(pattern: scenario.arrivals, startWeekday: scenario.startWeekday,
                                startSecondOfDay: scenario.startSecondOfDay)
        groupAgents = Array(repeating: [], count: scenario.agents.count)
        groupScheduled = Array(repeating: 0, count: scenario.agents.count)
        if let program = model.program {
            topicHandles = program.values.map { queue.topic(named: $0) }
            queueOfFlow = try program.queueNames.map { Int32(try queue.queue(named: $0).index) }
        }
        actionBuffer.reserveCapacity(32)
    }

    /// Runs to the end: arrivals in [0, duration), then until the last call has ended.
    /// `progress` is called now and then with the fraction of the arrival window done.
    public mutating func run(progress: ((Double) -> Void)? = nil) throws -> SimulationStatistics {
        let scenario = model.scenario
        for (g, group) in scenario.agents.enumerated() {
            let plan = ShiftPlan(group.staffing, startSecondOfDay: scenario.startSecondOfDay,
                                 startWeekday: scenario.startWeekday, days: group.days)
            try setHeadCount(group: g, to: plan.count(at: 0))
            for change in plan.changes(until: scenario.duration) {
                events.push(.shift(group: Int32(g), count: Int32(change.count)), at: change.time)
            }
        }
        stats.scheduled.set(Double(groupScheduled.reduce(0, +)), at: 0)
        stats.staffed.set(Double(groupScheduled.reduce(0, +) + overtime), at: 0)
        // The next first-time arrival is kept beside the agenda rather than in it: one heap
        // push and pop fewer per call. On a tie the agenda's event goes first.
        var nextArrival = arrivals.next(after: 0, limit: scenario.duration, using: &rng) ?? .infinity
        arrivalsOpen = nextArrival < .infinity
        var steps = 0
        while true {
            if !arrivalsOpen && liveCalls == 0 && pendingRedials == 0 { break }
            // The agenda's next event or the earliest patience deadline, whichever was scheduled
            // first for the earlier time (their keys share one push sequence).
            let agendaKey = events.nextKey, deadlineKey = deadlines.nextKey
            let nextKey = min(agendaKey, deadlineKey)
            let nextTime = nextKey == .max ? Double.infinity : EventQueue<SimEvent>.time(ofKey: nextKey)
            if nextArrival < nextTime {
                now = nextArrival
                nextArrival = arrivals.next(after: now, limit: scenario.duration, using: &rng) ?? .infinity
                if nextArrival == .infinity { arrivalsOpen = false }
                nextNumber &+= 1
                try startCall(number: nextNumber, redial: false)
            } else if deadlineKey < agendaKey {
                now = nextTime
                let s = deadlines.popSlot()
                if calls[s].live, calls[s].waitSerial == calls[s].patienceSerial, calls[s].ticket != nil {
                    try callerHangsUpWaiting(s)
                }
            } else if let entry = events.pop() {
                now = entry.time
                try handle(entry.payload)
            } else {
                break
            }
            if !pendingTimers.isEmpty { flushTimers() }
            steps &+= 1
            if steps & 0xFFFF == 0, let progress { progress(min(1, now / scenario.duration)) }
        }
        let end = max(now, scenario.duration)
        for a in agents.indices {
            if agents[a].busy {                       // as `busy` counts them
                agents[a].busySeconds += AgentCounters.span(agents[a].busySince, end, limit: stats.duration)
            }
            stats.agents[a].calls = agents[a].answered
            stats.agents[a].talk = agents[a].talk
            stats.agents[a].busy = agents[a].busySeconds
        }
        stats.unfinished = liveCalls
        stats.finish(at: end)
        progress?(1)
        return stats
    }

    /// Carries out one event from the agenda. Forced inline, as are `allocateSlot` and `endCall`:
    /// they run on every simulated call, and the optimizer kept them as calls (2 Dec, cachegrind).
    @inline(__always)
    mutating func handle(_ event: SimEvent) throws {
        switch event {
        case .redial(let number):
            pendingRedials -= 1
            if stats.redials >= ScenarioLimits.mostRedials { throw tooManyRedials() }
            try startCall(number: number, redial: true)
        case .talkEnd(let agent, let slot, let generation):
            try endTalk(agent: Int(agent), slot: Int(slot), generation: generation)
        case .wrapEnd(let agent):
            try queue.endWrapUp(AgentHandle(Int(agent)), at: now)
            setIdle(Int(agent))
            try drain()
        case .callbackEnd(let agent, let reached):
            try endCallback(agent: Int(agent), reached: reached)
        case .promptDone(let slot, let generation, let serial):
            let s = Int(slot)
            guard calls[s].generation == generation, calls[s].live else { return }
            current = s
            CallRunner.playedOut(serial: serial, at: now, &self)
            try settle()
        case .timer(let slot, let generation, let id):
            let s = Int(slot)
            guard calls[s].generation == generation, calls[s].live else { return }
            if id.kind == .announcement, !calls[s].statusSent, let ticket = calls[s].ticket {
                // The first announcement reads out the caller's place as it is then. Asking only
                // here (not at every join, nor at every later announcement) spares the queue
                // manager's O(line) position scans for callers answered before it; later
                // announcements repeat these figures.
                calls[s].statusSent = true
                let position = (try? queue.position(of: ticket)) ?? 1
                let estimate = ((try? queue.estimatedWait(of: ticket)) ?? nil) ?? 0
                try feed(s, .queueStatus(position: position, estimatedWait: estimate))
                guard calls[s].live, calls[s].generation == generation else { return }
            }
            current = s
            CallRunner.timerFired(id, at: now, &self)
            try settle()
        case .key(let slot, let generation, let key):
            let s = Int(slot)
            guard calls[s].generation == generation, calls[s].live, !calls[s].connected else { return }
            current = s
            CallRunner.keyPressed(key, at: now, &self)
            try settle()
        case .recordingDone(let slot, let generation, let duration, let maxed):
            let s = Int(slot)
            guard calls[s].generation == generation, calls[s].live else { return }
            current = s
            CallRunner.recordingStopped(serial: runs[s].recordSerial, maxed ? .maxLength : .silence, duration: duration,
                                        at: now, &self)
            try settle()
        case .ringOut(let agent, let slot, let generation, let serial):
            try ringOut(agent: Int(agent), slot: Int(slot), generation: generation, serial: serial)
        case .shift(let group, let count):
            try setHeadCount(group: Int(group), to: Int(count))
            stats.scheduled.set(Double(groupScheduled.reduce(0, +)), at: now)
            stats.staffed.set(Double(groupScheduled.reduce(0, +) + overtime), at: now)
            try drain()
        case .wakeUp:
            wakeUpAt = .infinity
            try drain()
        }
    }

    // MARK: Calls

    mutating func startCall(number: UInt32, redial: Bool) throws {
        // Only a first-time arrival adds to the callers held: a redial or a callback request
        // takes the place of the call it came from.
        let held = liveCalls + pendingRedials + queue.openCallbacks
        if held >= ScenarioLimits.mostCallersHeld { throw tooManyHeld() }
        if held >= mostHeld { mostHeld = held + 1 }
        stats.arrival(at: now, redial: redial)
        let s = allocateSlot()
        calls[s].number = number
        calls[s].isRedial = redial
        liveCalls += 1
        if flow != nil {
            runs[s].reset()
            if transcripts != nil { runs[s].keepsTranscript = true }
            // `at` is this call's start; the interpreter measures elapsed time from the `now` of
            // this event, so calendar questions see `at + (now - callStart)`.
            let start = Date(timeIntervalSince1970: startEpoch + now)
            current = s
            CallRunner.start(callerID: Self.callerID(number), at: start, now: now, &self)
            try settle()
        } else {
            _ = try join(s, queue: 0, topic: .none)
            try drain()
            armPatience()
        }
    }

    /// A UK-style number per simulated caller (redials keep theirs, so duplicate callbacks merge).
    /// Written byte by byte: a small string with no integer formatting or concatenation, once
    /// per simulated call.
    static func callerID(_ number: UInt32) -> String {
        var n = 100_000 + number % 900_000                 // six digits
        return String(unsafeUninitializedCapacity: 13) { bytes in
            bytes[0] = 43                                   // "+447700"
            bytes[1] = 52; bytes[2] = 52; bytes[3] = 55; bytes[4] = 55; bytes[5] = 48; bytes[6] = 48
            for i in stride(from: 12, through: 7, by: -1) {
                bytes[i] = UInt8(truncatingIfNeeded: 48 + n % 10)
                n /= 10
            }
            return 13
        }
    }

    @inline(__always)
    mutating func allocateSlot() -> Int {
        let s: Int
        if let free = freeSlots.popLast() {
            s = Int(free)
        } else {
            s = calls.count
            calls.append(SimCall())
            if flow != nil { runs.append(CallRunner(transcript: false)) }
        }
        calls[s].live = true
        calls[s].ticket = nil
        calls[s].connected = false
        calls[s].everQueued = false
        calls[s].queue = -1
        return s
    }

    @inline(__always)
    mutating func endCall(_ s: Int) {
        calls[s].live = false
        calls[s].ticket = nil
        calls[s].generation &+= 1
        deadlines.remove(slot: s)
        freeSlots.append(Int32(s))
        liveCalls -= 1
    }

    /// The caller joins queue-manager queue `q`; returns what to tell the interpreter (flow mode).
    /// The caller must drain the queue manager afterwards.
    mutating func join(_ s: Int, queue q: Int, topic: TopicHandle) throws -> CallEvent? {
        calls[s].queue = Int32(q)
        calls[s].everQueued = true
        needsDrain = true
        switch try queue.join(call: CallID(UInt64(s)), queue: QueueHandle(q), topic: topic, at: now) {
        case .joined(let joined):
            calls[s].ticket = joined.ticket
            calls[s].joinedAt = now
            calls[s].waitSerial &+= 1
            calls[s].statusSent = false
            calls[s].ringingOut = false
            stats.enqueued(queue: q, at: now)
            if model.patient[q] { patienceDue.append(Int32(s)) }
            return nil             // position and estimated wait are sent just before each announcement
        case .refusedEmpty:
            if flow == nil { endCall(s) }
            return .queueEmpty
        }
    }

    /// Draws the patience of callers who joined a queue and are still waiting after the queue
    /// manager was drained. A caller answered at once never needs the deadline (most calls in a
    /// well-staffed queue). The draw is the same either way. The deadline takes the agenda's
    /// next push sequence, so ties order as if it were an agenda event.
    mutating func armPatience() {
        for slot in patienceDue {
            let s = Int(slot)
            let q = Int(calls[s].queue)
            guard model.patient[q] else { continue }
            guard calls[s].live, calls[s].ticket != nil else {
                model.patience[q].skip(using: &rng)    // the same draws, without computing the log
                continue
            }
            let t = calls[s].joinedAt + model.patience[q].sample(using: &rng)
            calls[s].patienceSerial = calls[s].waitSerial
            deadlines.set(events.key(at: t, slot: s))
        }
        patienceDue.clearKeepingCapacity()
    }

    /// The waiting caller's patience ran out: they hang up.
    mutating func callerHangsUpWaiting(_ s: Int) throws {
        if flow != nil {
            current = s
            CallRunner.callerHungUp(at: now, &self)   // the interpreter answers leaveQueue(.abandon) and hangUp
            try settle()
            return
        }
        try leaveQueue(s, reason: .abandon, exit: .abandoned)
        maybeRedial(calls[s].number)
        endCall(s)
    }

    mutating func leaveQueue(_ s: Int, reason: LeaveReason, exit: QueueExit) throws {
        guard let ticket = calls[s].ticket else { return }
        try queue.leave(ticket, reason: reason, at: now)
        calls[s].ticket = nil
        stats.dequeued(queue: Int(calls[s].queue), joined: calls[s].joinedAt, at: now, exit: exit)
    }

    mutating func maybeRedial(_ number: UInt32) {
        let p = model.scenario.callers.redialProbability
        guard p > 0, rng.nextUnit() < p else { return }
        let t = now + model.redialAfter.sample(using: &rng)
        if t < model.scenario.duration {
            pendingRedials += 1
            events.push(.redial(number: number), at: t)
        }
    }

    /// The error when more than `ScenarioLimits.mostCallersHeld` callers would be held at once.
    func tooManyHeld() -> ScenarioErrors {
        let s = model.scenario, mark = s.marks["arrivals"]
        let day = Int(now / 86_400), clock = Int(now) % 86_400
        let at = "day \(day + 1) " + String(format: "%02d:%02d", clock / 3600, clock / 60 % 60)
        return ScenarioErrors(errors: [ScenarioError(
            file: s.file ?? s.name, line: mark?.line ?? 0, column: mark?.column ?? 0,
            message: "arrivals: more than \(ScenarioLimits.mostCallersHeld) callers held at once at \(at) of the run "
                + "(\(liveCalls) calls in progress, \(pendingRedials) waiting to redial, \(queue.openCallbacks) open callbacks): "
                + "the queues grow without end, since agents cannot keep up and callers neither give up nor get an answer; "
                + "add agents, give callers 'patience', or lower the arrival rate")])
    }

    /// The error when redials alone would keep a replication going past `ScenarioLimits.mostRedials`.
    func tooManyRedials() -> ScenarioErrors {
        let s = model.scenario, mark = s.marks["callers.redial"]
        return ScenarioErrors(errors: [ScenarioError(
            file: s.file ?? s.name, line: mark?.line ?? 0, column: mark?.column ?? 0,
            message: "callers.redial: more than \(ScenarioLimits.mostRedials) redials in one replication (callers who "
                + "abandon keep calling back); lower 'probability' or lengthen 'after'")])
    }
}
