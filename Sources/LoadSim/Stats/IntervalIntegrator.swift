/// Integrates a step function (agents busy, callers waiting, agents scheduled) over time,
/// split into fixed report intervals, and keeps each interval's peak.
///
/// Call `set(_:at:)` whenever the level changes, in time order; the area under the level
/// is added to the interval(s) it spans. Memory is one slot per interval, whatever the load.
public struct IntervalIntegrator: Sendable {
    /// Width of an interval in seconds.
    public let width: Double
    /// Area (level × seconds) per interval.
    public private(set) var area: [Double]
    /// Highest level seen per interval.
    public private(set) var peak: [Double]
    private var level = 0.0
    private var since = 0.0
    private let limit: Double

    /// Intervals of `width` seconds covering [0, limit).
    public init(width: Double, limit: Double) {
        self.width = width
        self.limit = limit
        let n = max(1, ScenarioLimits.clampedInt((limit / width).rounded(.up)))
        area = Array(repeating: 0, count: n)
        peak = Array(repeating: 0, count: n)
    }

    /// The current level.
    public var current: Double { level }

    /// The level becomes `value` at time `t` (t never decreases between calls).
    public mutating func set(_ value: Double, at t: Double) {
        advance(to: t)
        level = value
        let i = Self.index(t, width: width)
        if i >= 0 && i < peak.count && value > peak[i] { peak[i] = value }
    }

    /// Adds `delta` to the level at time `t`.
    public mutating func add(_ delta: Double, at t: Double) { set(level + delta, at: t) }

    /// Accounts the level up to `t` (e.g. the end of the run) without changing it.
    public mutating func advance(to t: Double) {
        let end = min(t, limit)
        guard end > since else { since = max(since, min(t, limit)); return }
        if level != 0 {
            var from = since
            var i = Self.index(from, width: width)
            while from < end && i < area.count {
                let boundary = min(end, Double(i + 1) * width)
                area[i] += level * (boundary - from)
                if level > peak[i] { peak[i] = level }
                from = boundary
                i += 1
            }
        }
        since = end
    }

    /// Total area over [0, limit).
    public var totalArea: Double { area.reduce(0, +) }

    /// The interval holding `t` (static: a method reading `self` inside the mutating ones made
    /// the compiler copy the struct on every call).
    @inline(__always)
    private static func index(_ t: Double, width: Double) -> Int { ScenarioLimits.clampedInt(t / width) }
}
