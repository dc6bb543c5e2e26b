/// When callbacks of a queue are tried, and how often.
///
/// Names follow Amazon Connect's queued callback ("initial delay", "maximum
/// number of attempts", "minutes between attempts"); the reservation timeout is
/// ours (Connect offers a callback like a call; our agents pull them).
public struct CallbackPolicy: Sendable, Hashable {
    /// Seconds after a request before the first attempt may be made. Default 0.
    public var initialDelay: Double
    /// Attempts in all (the first plus retries). Default 3.
    public var maxAttempts: Int
    /// Seconds after a retryable outcome (`no-answer`, `busy`) before the next
    /// attempt. Default 600 (10 minutes).
    public var retryInterval: Double
    /// Seconds an agent may hold a reserved callback without reporting an
    /// outcome (or starting it) before it returns to the pool. Default 300.
    public var reservationTimeout: Double

    /// Creates a policy; every argument has the documented default.
    public init(initialDelay: Double = 0, maxAttempts: Int = 3,
                retryInterval: Double = 600, reservationTimeout: Double = 300) {
        self.initialDelay = initialDelay
        self.maxAttempts = maxAttempts
        self.retryInterval = retryInterval
        self.reservationTimeout = reservationTimeout
    }
}
