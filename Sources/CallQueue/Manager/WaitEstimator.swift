/// Estimated wait for announcements, from a queue's recent history.
///
/// Two exponentially weighted moving averages, each updated with weight `w`
/// (default 0.25, Asterisk's `(3 × old + new) / 4`):
/// - `handleTime`: talk time + wrap-up of each completed call (recent AHT);
/// - `holdTime`: time from joining to being answered (Asterisk's `holdtime`).
///
/// The estimate for the caller at position `p` (1 = next) when `n` agents are
/// staffed (logged in, not on break, able to take calls) is
/// `p × handleTime / n`: with every agent busy, one becomes free on average
/// every `handleTime / n` seconds, and the caller needs `p` of them (exact for
/// exponential handling times). Before any call completes it falls back to
/// `holdTime`; before any answer it has no estimate (`nil`: don't announce).
public struct WaitEstimator: Sendable, Hashable {
    /// Weight of the newest sample.
    public let weight: Double
    /// Moving average of handle time (talk + wrap-up), seconds; `nil` until the first sample.
    public private(set) var handleTime: Double?
    /// Moving average of hold time of answered callers, seconds; `nil` until the first sample.
    public private(set) var holdTime: Double?

    /// An estimator with no history.
    public init(weight: Double = 0.25) {
        self.weight = min(1, max(0, weight))
    }

    /// Adds a completed call's talk + wrap-up time.
    @inline(__always)
    public mutating func recordHandle(_ seconds: Double) {
        handleTime = handleTime.map { $0 + weight * (seconds - $0) } ?? seconds
    }

    /// Adds an answered caller's hold time.
    @inline(__always)
    public mutating func recordHold(_ seconds: Double) {
        holdTime = holdTime.map { $0 + weight * (seconds - $0) } ?? seconds
    }

    /// Estimated seconds until the caller at `position` is answered, with
    /// `staffed` agents; `nil` without history.
    public func estimate(position: Int, staffed: Int) -> Double? {
        if let aht = handleTime {
            return Double(max(1, position)) * aht / Double(max(1, staffed))
        }
        return holdTime
    }
}
