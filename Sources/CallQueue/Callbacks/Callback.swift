/// Where a callback request came from.
public enum CallbackSource: String, Sendable, Codable, CaseIterable {
    /// A caller pressed the callback key while holding: keeps their place.
    case queue
    /// Left in a voicemail with a number.
    case voicemail
    /// Asked for outside opening hours: due at the next opening.
    case afterHours = "after-hours"
    /// Entered by staff (`ivr callback request`).
    case manual
}

/// A callback request and where it stands: the value the manager keeps, lists
/// and hands to stores (the Storage module persists exactly these fields).
///
/// **Place in line.** Callbacks and live callers of a queue form one line,
/// ordered by `(placeKey, placeSeq)`; see `CallbackRules.placeKey`.
/// A callback is *eligible* from `notBefore` on, while its queue is open;
/// the dispatcher serves the first eligible item of the line.
public struct Callback: Sendable, Hashable {
    /// Unique id.
    public var id: CallbackID
    /// Number to call, E.164 text (validated by the caller of the manager).
    public var number: String
    /// Queue whose agents work it.
    public var queue: QueueHandle
    /// Topic, if known.
    public var topic: TopicHandle
    /// Where the request came from.
    public var source: CallbackSource
    /// When it was (first) requested, driver seconds.
    public var requestedAt: Double
    /// Place in the queue's line: the time the request entered the line.
    public var placeKey: Double
    /// Tie-break within equal `placeKey`s: order of entering the line.
    public var placeSeq: UInt64
    /// Not to be tried before this time (initial delay, retry interval, hours).
    public var notBefore: Double
    /// Attempts made so far (outcomes reported).
    public var attempts: Int
    /// Pending, reserved or closed.
    public var status: CallbackStatus
    /// The agent holding the reservation, while `status == .reserved`.
    public var reservedBy: AgentHandle?
    /// When the reservation returns the callback to the pool.
    public var reservedUntil: Double?
    /// Outcome of the last attempt, if any.
    public var lastOutcome: CallbackOutcome?
    /// How many requests were merged into this one (1 = just the first).
    public var requests: Int

    /// Creates a callback record (used by stores when loading).
    public init(id: CallbackID, number: String, queue: QueueHandle, topic: TopicHandle = .none,
                source: CallbackSource, requestedAt: Double, placeKey: Double, placeSeq: UInt64,
                notBefore: Double, attempts: Int = 0, status: CallbackStatus = .pending,
                reservedBy: AgentHandle? = nil, reservedUntil: Double? = nil,
                lastOutcome: CallbackOutcome? = nil, requests: Int = 1) {
        self.id = id
        self.number = number
        self.queue = queue
        self.topic = topic
        self.source = source
        self.requestedAt = requestedAt
        self.placeKey = placeKey
        self.placeSeq = placeSeq
        self.notBefore = notBefore
        self.attempts = attempts
        self.status = status
        self.reservedBy = reservedBy
        self.reservedUntil = reservedUntil
        self.lastOutcome = lastOutcome
        self.requests = requests
    }

    /// Whether it is still to be worked (pending or reserved).
    public var isOpen: Bool { status != .closed }
}
