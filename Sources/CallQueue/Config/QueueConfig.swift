/// The configuration of one queue. Every field has a default; see docs/QUEUE.md
/// for the table of names, defaults and where each comes from.
public struct QueueConfig: Sendable {
    /// Unique name, e.g. `orders`; printed in `queue_log` lines.
    public var name: String
    /// How an idle agent is chosen. Default `.longestIdle`.
    public var strategy: RoutingStrategy
    /// After-call work in seconds, unless the agent has their own. Default 0
    /// (Asterisk `wrapuptime` 0; FreeSWITCH `wrap-up-time` 10 s).
    public var wrapUp: Double
    /// Seconds a caller may wait before `EXITWITHTIMEOUT`; `nil` = no limit.
    public var maxWait: Double?
    /// A caller is refused when the queue is empty under these conditions.
    /// Default `.never` (Asterisk `joinempty = yes`).
    public var joinEmpty: EmptyConditions
    /// Waiting callers are removed (`EXITEMPTY`) when the queue becomes empty
    /// under these conditions. Default `.never` (Asterisk `leavewhenempty = no`).
    public var leaveWhenEmpty: EmptyConditions
    /// Seconds between position / estimated-wait announcements; 0 = none.
    /// Default 60 (Asterisk `periodic-announce-frequency` 60 s).
    public var announceFrequency: Double
    /// Callback timing. Defaults as in `CallbackPolicy`.
    public var callbackPolicy: CallbackPolicy
    /// When callbacks may be worked. Default `AlwaysOpen()`.
    public var schedule: any OpeningSchedule
    /// `.skills` only: seconds of waiting that widen eligibility by one level.
    /// Default 30. `.infinity` never widens.
    public var levelWideningStep: Double
    /// Seed of the queue's generator (`.random` strategy). Default 1.
    public var seed: UInt64
    /// Weight of the newest sample in the estimator's moving averages.
    /// Default 0.25 (Asterisk's `(3 × old + new) / 4`).
    public var estimatorWeight: Double

    /// Creates a queue configuration with defaults for everything but the name.
    public init(name: String, strategy: RoutingStrategy = .longestIdle, wrapUp: Double = 0,
                maxWait: Double? = nil, joinEmpty: EmptyConditions = .never,
                leaveWhenEmpty: EmptyConditions = .never, announceFrequency: Double = 60,
                callbackPolicy: CallbackPolicy = CallbackPolicy(),
                schedule: any OpeningSchedule = AlwaysOpen(), levelWideningStep: Double = 30,
                seed: UInt64 = 1, estimatorWeight: Double = 0.25) {
        self.name = name
        self.strategy = strategy
        self.wrapUp = wrapUp
        self.maxWait = maxWait
        self.joinEmpty = joinEmpty
        self.leaveWhenEmpty = leaveWhenEmpty
        self.announceFrequency = announceFrequency
        self.callbackPolicy = callbackPolicy
        self.schedule = schedule
        self.levelWideningStep = levelWideningStep
        self.seed = seed
        self.estimatorWeight = estimatorWeight
    }
}
