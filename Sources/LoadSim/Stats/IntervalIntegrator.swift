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
    /// The interval of a time, without a division while times stay in one interval.
    private var index: IntervalIndex

    /// Intervals of `width` seconds covering [0, limit).
    public init(width: Double, limit: Double) {
        self.width = width
        self.limit = limit
        index = IntervalIndex(width: width)
        let n = max(1, ScenarioLimits.clampedInt((limit / width).rounded(.up)))
        area = Array(repeating: 0, count: n)
        peak = Array(repeating: 0, count: n)
    }

    /// The current level.
    public var current: Double { level }

    /// The level becomes `value` at time `t` (t never decreases between calls).
    @inline(__always)
    public mutating func set(_ value: Double, at t: Double) {
        let end = min(t, limit)
        if end > since {
            if level != 0 { accumulate(to: end) }
            since = end
        }
        level = value
        let i = index(t)
        if i >= 0 && i < peak.count && value > peak[i] { peak[i] = value }
    }

    /// Adds `delta` to the level at time `t`.
    @inline(__always)
    public mutating func add(_ delta: Double, at t: Double) { set(level + delta, at: t) }

    /// Accounts the level up to `t` (e.g. the end of the run) without changing it.
    public mutating func advance(to t: Double) {
        let end = min(t, limit)
        guard end > since else { return }
        if level != 0 { accumulate(to: end) }
        since = end
    }

    /// Adds the area of the current level over [since, end) (end > since) to the intervals it
    /// spans. The usual case, a span inside one interval, is one addition.
    @inline(__always)
    private mutating func accumulate(to end: Double) {
        let i = index(since)
        if i >= 0 && i < area.count && end <= Double(i + 1) * width {
            area[i] += level * (end - since)
            if level > peak[i] { peak[i] = level }
            return
        }
        accumulateAcross(to: end)
    }

    /// `accumulate(to:)` for a span that may cross interval boundaries.
    private mutating func accumulateAcross(to end: Double) {
        var from = since
        var i = index(from)
        while from < end && i < area.count {
            let boundary = min(end, Double(i + 1) * width)
            area[i] += level * (boundary - from)
            if level > peak[i] { peak[i] = level }
            from = boundary
            i += 1
        }
    }

    /// Total area over [0, limit).
    public var totalArea: Double { area.reduce(0, +) }
}
