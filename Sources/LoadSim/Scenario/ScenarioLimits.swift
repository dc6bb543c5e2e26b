/// Upper limits on scenario values, checked where they are read so that a typo such as
/// `duration: 20000000d` gets a located error instead of exhausting memory or time.
///
/// Each is far beyond anything a contact centre plans with; docs/SIMULATION.md lists them.
public enum ScenarioLimits {
    /// Longest `duration` of a run: 366 days (a leap year).
    public static let longestRun = 366 * 86_400.0
    /// Longest value of any other time (handling, patience, wrap-up, targets, distribution
    /// values, empirical samples): 30 days.
    public static let longestTime = 30 * 86_400.0
    /// Most arrivals expected in one replication (rate × duration): 50 million.
    public static let mostExpectedArrivals = 50_000_000.0
    /// Most redials in one replication: the run stops with an error beyond it (callers who
    /// always redial soon after abandoning could otherwise keep a run going for hours).
    public static let mostRedials = 50_000_000
    /// Most callers the simulator holds at once: calls in progress (in the flow, waiting,
    /// ringing or talking), callers waiting to redial and open callbacks, added up. Beyond it the
    /// run stops with an error at `arrivals`: the load grows without end (callers who wait with
    /// no agent and no patience, or who redial forever), and holding them all would exhaust
    /// memory. Twice `mostAgents`, so every agent can be busy with callers still waiting.
    public static let mostCallersHeld = 200_000
    /// Most agents over all groups together (each group's largest head-count, summed).
    public static let mostAgents = 100_000
    /// Most report intervals (duration / interval) a run may have.
    public static let mostIntervals = 35_136            // 366 days of 15-minute intervals

    /// `seconds` as a whole number, clamped to ±2^53 (a second line of defence behind the
    /// limits above: `Int(_:)` traps on values beyond `Int.max`, NaN maps to 0).
    @inline(__always)
    static func clampedInt(_ value: Double) -> Int {
        if value >= 0 && value < 9_007_199_254_740_992 { return Int(value) }     // the usual case
        guard value.isFinite else { return value.isNaN ? 0 : (value > 0 ? 1 << 53 : -(1 << 53)) }
        return Int(min(max(value, -9_007_199_254_740_992), 9_007_199_254_740_992))
    }
}
