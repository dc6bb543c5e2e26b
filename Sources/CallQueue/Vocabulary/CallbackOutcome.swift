/// How one attempt at a callback ended, as the agent reports it.
public enum CallbackOutcome: String, Sendable, Codable, CaseIterable {
    /// The customer was reached: the callback is complete.
    case reached
    /// Nobody answered: retried after the retry interval while attempts remain.
    case noAnswer = "no-answer"
    /// The line was busy: retried like `noAnswer`.
    case busy
    /// The number does not belong to the customer: the callback is closed.
    case wrongNumber = "wrong-number"
    /// Withdrawn by staff or by the customer: the callback is closed.
    case cancelled

    /// Whether another attempt should be scheduled (if attempts remain).
    public var isRetryable: Bool { self == .noAnswer || self == .busy }
}

/// Where a callback request stands.
public enum CallbackStatus: String, Sendable, Codable, CaseIterable {
    /// Waiting for its due time or for a free agent.
    case pending
    /// Reserved by exactly one agent until the reservation expires.
    case reserved
    /// Finished: reached, wrong number, cancelled, or out of attempts.
    case closed
}
