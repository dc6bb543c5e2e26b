import DequeModule
import HeapModule
import InPlaceTables

/// A caller in the call table (waiting or ringing).
struct CallSlot: Sendable {
    static let free: UInt8 = 0, waiting: UInt8 = 1, offered: UInt8 = 2

    var call = CallID(0)
    var queue: Int32 = 0
    var topic = TopicHandle.none
    var joinedAt = 0.0
    var joinSeq: UInt64 = 0
    var originalPosition: Int32 = 0
    var generation: UInt32 = 0
    var phase: UInt8 = CallSlot.free
    var offeredTo: Int32 = -1
    var offeredAt = 0.0
}

/// An entry of a queue's line of live callers, FIFO by `(joinedAt, seq)`.
struct WaitingEntry: Sendable {
    var joinedAt: Double
    var seq: UInt64
    var slot: Int32
    var generation: UInt32
}

/// A ready callback in a queue's line, ordered by place.
struct ReadyCallback: Comparable, Sendable {
    var placeKey: Double
    var placeSeq: UInt64
    var id: CallbackID
    var version: UInt32
    static func < (a: Self, b: Self) -> Bool {
        CallbackRules.servedBefore((a.placeKey, a.placeSeq), (b.placeKey, b.placeSeq))
    }
    static func == (a: Self, b: Self) -> Bool { a.placeKey == b.placeKey && a.placeSeq == b.placeSeq && a.id == b.id && a.version == b.version }
}

/// The place of a current ready callback, kept in a sorted array per queue so
/// that positions count the callbacks ahead by binary search.
struct ReadyPlace: Comparable, Sendable {
    var key: Double
    var seq: UInt64
    static func < (a: Self, b: Self) -> Bool { (a.key, a.seq) < (b.key, b.seq) }
}

/// Sorted places of a queue's current ready callbacks (no stale entries):
/// O(log n) counting; taking the head is O(1) (a `Deque`), filing elsewhere
/// moves the shorter side (n = ready callbacks, usually few).
struct ReadyPlaces: Sendable {
    private(set) var places: Deque<ReadyPlace> = []

    /// How many places sort before `place`.
    @inline(__always)
    func countBefore(_ place: ReadyPlace) -> Int {
        var lo = 0, hi = places.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if places[mid] < place { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    mutating func insert(_ place: ReadyPlace) {
        if let last = places.last, last < place { places.append(place); return }
        places.insert(place, at: countBefore(place))
    }

    mutating func remove(_ place: ReadyPlace) {
        if let first = places.first, first == place { places.removeFirst(); return }
        let i = countBefore(place)
        if i < places.count, places[i] == place { places.remove(at: i) }
    }
}

/// A callback waiting for its `notBefore`, or a reservation waiting to expire.
struct TimedCallback: Comparable, Sendable {
    var time: Double
    var id: CallbackID
    var version: UInt32
    static func < (a: Self, b: Self) -> Bool { (a.time, a.id) < (b.time, b.id) }
    static func == (a: Self, b: Self) -> Bool { a.time == b.time && a.id == b.id && a.version == b.version }
}

/// A queue's membership of an agent, with the agent's work in that queue (what
/// `fewest-calls` and `least-talk-time` rank by, as Asterisk counts per queue).
struct Membership: Sendable {
    var queue: Int32
    var member: Int32
    var level: Int32
    /// Calls and callbacks the agent has taken from this queue.
    var callsTaken: Int64 = 0
    /// Seconds the agent has talked on this queue's calls and callbacks.
    var talkTime = 0.0
}

/// Everything the manager keeps per queue.
struct QueueState: Sendable {
    var config: QueueConfig
    var strategy: RoutingStrategy
    var pickers: QueuePickers
    var wrapUp: Double
    var wideningStep: Double
    var joinEmpty: EmptyConditions
    var leaveWhenEmpty: EmptyConditions
    var maxWait: Double
    var waiting = InPlaceRing<WaitingEntry>()
    var waitingCount = 0
    var members: [AgentHandle] = []
    var memberLevels: [Int32] = []
    var callbackOnly = LongestIdlePicker()
    var counts = MemberCounts()
    var ready = Heap<ReadyCallback>()
    var readyCount = 0
    var readyPlaces = ReadyPlaces()
    var scheduled = Heap<TimedCallback>()
    var estimator: WaitEstimator
    var emptyCheckPending = false

    init(config: QueueConfig) {
        self.config = config
        self.strategy = config.strategy
        self.pickers = QueuePickers(strategy: config.strategy, seed: config.seed)
        self.wrapUp = max(0, config.wrapUp)
        self.wideningStep = config.levelWideningStep
        self.joinEmpty = config.joinEmpty
        self.leaveWhenEmpty = config.leaveWhenEmpty
        self.maxWait = config.maxWait ?? .infinity
        self.estimator = WaitEstimator(weight: config.estimatorWeight)
    }

    /// Takes a new configuration's settings (the picker is the caller's business).
    mutating func apply(_ config: QueueConfig) {
        self.config = config
        self.strategy = config.strategy
        self.wrapUp = max(0, config.wrapUp)
        self.wideningStep = config.levelWideningStep
        self.joinEmpty = config.joinEmpty
        self.leaveWhenEmpty = config.leaveWhenEmpty
        self.maxWait = config.maxWait ?? .infinity
    }

    /// Gives this state lines of its own (the waiting callers, the idle agents): an
    /// `InPlaceRing` is shared by copies, so a copied manager copies them (`copyTables`).
    mutating func copyRings() {
        waiting = waiting.copy()
        pickers.longestIdle.fifo = pickers.longestIdle.fifo.copy()
        pickers.skills.levels = pickers.skills.levels.map { $0.copy() }
        callbackOnly.fifo = callbackOnly.fifo.copy()
    }

    /// Whether the eligible skill level grows with the head caller's wait.
    var widensLevels: Bool { Self.widensLevels(strategy, wideningStep) }

    /// `widensLevels` over plain values: asked as `queues[q].widensLevels`, the computed property
    /// made the compiler copy the whole queue state (a dozen retains and releases) first.
    @inline(__always)
    static func widensLevels(_ strategy: RoutingStrategy, _ wideningStep: Double) -> Bool {
        strategy == .skills && wideningStep > 0 && wideningStep.isFinite
    }

    /// Highest level eligible for a caller who has waited `wait` seconds
    /// (static over plain values, so no copy of the queue state is made).
    @inline(__always)
    static func maxLevel(_ strategy: RoutingStrategy, _ wideningStep: Double, afterWaiting wait: Double) -> Int32 {
        guard strategy == .skills else { return Int32.max }
        guard wideningStep > 0, wideningStep.isFinite else { return wideningStep.isFinite ? Int32.max : 1 }
        let steps = (max(0, wait) / wideningStep).rounded(.down)
        return steps >= Double(Int32.max - 1) ? Int32.max : 1 + Int32(steps)
    }
}

/// What an agent is working on.
enum Work: UInt8, Sendable {
    case none, caller, callback
}

/// Everything the manager keeps per agent (names live in separate arrays).
struct AgentRecord: Sendable {
    // Laid out widest first (no padding holes): 120 bytes per agent.
    var talkTime = 0.0
    var idleSince = 0.0
    var loggedInAt = 0.0
    var workJoinedAt = 0.0
    var workOfferedAt = 0.0
    var workAnsweredAt = 0.0
    /// The agent's own wrap-up seconds; negative = use the queue's.
    var ownWrapUp: Double
    var callsTaken: Int64 = 0
    var workCall = CallID(0)
    var workTicket = CallTicket(slot: -1, generation: 0)
    var workCallback = CallbackID(0)
    var maxNoAnswer: Int32
    var missedOffers: Int32 = 0
    /// This agent's memberships: `QueueManager.memberships[start ..< start + count]`.
    var membershipStart: Int32 = 0
    var membershipCount: Int32 = 0
    var workQueue: Int32 = 0
    var workOriginalPosition: Int32 = 0
    /// Index in `QueueManager.breakReasons` of a break to start after the current work; -1 = none.
    var pendingBreak: Int32 = -1
    var state: AgentState = .loggedOut
    var hasStation: Bool
    var work = Work.none
    var pendingLogout = false

    init(hasStation: Bool, wrapUpOverride: Double?, maxNoAnswer: Int32) {
        self.hasStation = hasStation
        self.ownWrapUp = wrapUpOverride ?? -1
        self.maxNoAnswer = maxNoAnswer
    }

    /// Wrap-up seconds after work in a queue whose wrap-up is `queueWrapUp`.
    @inline(__always)
    func wrapUp(queueWrapUp: Double) -> Double { ownWrapUp >= 0 ? ownWrapUp : queueWrapUp }
}
