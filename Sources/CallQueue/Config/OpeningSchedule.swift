/// When a queue works its callbacks, on the driver's clock (seconds).
///
/// CallQueue does not know calendars: the drivers adapt CallFlow's
/// `BusinessHours` (an absolute `Date` is `origin + t`) to this protocol.
/// Implementations must be pure: the same `t` always gives the same answer.
public protocol OpeningSchedule: Sendable {
    /// Whether the queue is open at driver time `t`.
    func isOpen(at t: Double) -> Bool
    /// The first time strictly after `t` at which the queue opens, or `nil`
    /// when it never opens again. Only called when closed at `t`.
    func nextOpening(after t: Double) -> Double?
}

extension OpeningSchedule {
    /// `t` itself when open, else the next opening (or `nil`: never).
    public func earliestOpen(atOrAfter t: Double) -> Double? {
        isOpen(at: t) ? t : nextOpening(after: t)
    }
}

/// Open all the time (the default for a queue without hours).
public struct AlwaysOpen: OpeningSchedule {
    /// Creates the schedule.
    public init() {}
    /// Always `true`.
    public func isOpen(at t: Double) -> Bool { true }
    /// Never asked (always open); returns `t`.
    public func nextOpening(after t: Double) -> Double? { t }
}

/// Opening windows that repeat with a period, e.g. every day (86,400 s) or
/// every week (604,800 s), on the driver's clock.
///
/// Windows are half-open `[start, end)` offsets from the start of each period,
/// sorted and not overlapping. `phase` is the driver time at which a period
/// starts (for a week that starts on Monday 00:00, the driver time of that
/// Monday). Good for simulations and tests; live drivers adapt `BusinessHours`.
public struct PeriodicSchedule: OpeningSchedule {
    /// Length of one period in seconds.
    public let period: Double
    /// Open windows within one period, as offsets in seconds.
    public let windows: [Range<Double>]
    /// Driver time at which a period starts.
    public let phase: Double

    /// Creates a schedule; windows are sorted by start.
    public init(period: Double, windows: [Range<Double>], phase: Double = 0) {
        precondition(period > 0, "period must be positive")
        self.period = period
        self.windows = windows.sorted { $0.lowerBound < $1.lowerBound }
        self.phase = phase
    }

    /// Daily hours, e.g. `daily(from: 9 * 3600, to: 17 * 3600)`.
    public static func daily(from open: Double, to close: Double, phase: Double = 0) -> PeriodicSchedule {
        PeriodicSchedule(period: 86_400, windows: [open..<close], phase: phase)
    }

    /// Whether `t` falls in one of the windows.
    public func isOpen(at t: Double) -> Bool {
        let offset = offsetInPeriod(t)
        return windows.contains { $0.contains(offset) }
    }

    /// The next window start after `t` (in this period or the next).
    public func nextOpening(after t: Double) -> Double? {
        guard !windows.isEmpty else { return nil }
        let offset = offsetInPeriod(t)
        let periodStart = t - offset
        if let window = windows.first(where: { $0.lowerBound > offset }) {
            return periodStart + window.lowerBound
        }
        return periodStart + period + windows[0].lowerBound
    }

    private func offsetInPeriod(_ t: Double) -> Double {
        let r = (t - phase).truncatingRemainder(dividingBy: period)
        return r < 0 ? r + period : r
    }
}
