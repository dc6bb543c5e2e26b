import Foundation

/// Counts failed sign-ins per user name and per client address; after `attempts` failures within
/// `window` seconds further tries are refused (429) until the oldest failure leaves the window.
actor LoginLimiter {
    private let attempts: Int
    private let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(attempts: Int, window: TimeInterval) {
        self.attempts = attempts
        self.window = window
    }

    /// Seconds to wait before `keys` may try again, or nil when they may try now.
    func retryAfter(_ keys: [String], now: Date) -> TimeInterval? {
        var wait: TimeInterval?
        for key in keys {
            let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
            failures[key] = recent.isEmpty ? nil : recent
            if recent.count >= attempts, let oldest = recent.first {
                wait = max(wait ?? 0, window - now.timeIntervalSince(oldest))
            }
        }
        return wait
    }

    /// Records a failure against every key.
    func fail(_ keys: [String], now: Date) {
        for key in keys { failures[key, default: []].append(now) }
        if failures.count > 10_000 { failures = failures.filter { now.timeIntervalSince($0.value.last ?? now) < window } }
    }

    /// Forgets the failures of a user name after a successful sign-in.
    func succeed(_ key: String) { failures[key] = nil }
}
