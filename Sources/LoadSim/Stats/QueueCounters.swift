/// Counts of what happened to callers in a queue (for one queue, one interval, or all).
///
/// Calls are attributed to the interval in which they entered the queue, as WFM tools do.
public struct QueueCounters: Sendable, Equatable, Codable {
    /// Callers who entered the queue.
    public var offered: Int = 0
    /// Callers connected to an agent.
    public var answered: Int = 0
    /// Answered with a wait ≤ the target.
    public var answeredWithinTarget: Int = 0
    /// Callers who hung up while waiting.
    public var abandoned: Int = 0
    /// Callers who left by a key (voicemail, callback) or were moved on at the queue's maximum wait.
    public var leftQueue: Int = 0
    /// Sum of waits of answered callers, seconds.
    public var answeredWait: Double = 0
    /// Sum of waits of abandoned callers, seconds.
    public var abandonedWait: Double = 0
    /// Talk and wrap-up seconds of answered calls.
    public var handled: Double = 0

    /// Empty counters.
    public init() {}

    /// Answered within target / offered (abandoned and left count as misses); nil with no calls.
    public func serviceLevel() -> Double? { offered > 0 ? Double(answeredWithinTarget) / Double(offered) : nil }
    /// Mean wait of answered calls, zero waits included.
    public var averageSpeedOfAnswer: Double { answered > 0 ? answeredWait / Double(answered) : 0 }
    /// Abandoned / offered.
    public var abandonRate: Double { offered > 0 ? Double(abandoned) / Double(offered) : 0 }

    /// Adds another set of counters.
    public mutating func merge(_ o: QueueCounters) {
        offered += o.offered; answered += o.answered; answeredWithinTarget += o.answeredWithinTarget
        abandoned += o.abandoned; leftQueue += o.leftQueue
        answeredWait += o.answeredWait; abandonedWait += o.abandonedWait; handled += o.handled
    }
}

/// How a caller's time in a queue ended.
public enum QueueExit: Sendable, Equatable {
    /// Connected to an agent after `wait` seconds.
    case answered
    /// Hung up while waiting.
    case abandoned
    /// Left by a key or at the queue's maximum wait.
    case left
}
