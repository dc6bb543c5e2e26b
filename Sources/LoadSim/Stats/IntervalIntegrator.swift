/// Integrates a step function (agents busy, callers waiting, agents scheduled) over time,
/// split into fixed report intervals, and keeps each interval's peak.
///
/// Call `set(_:at:)` whenever the level changes, in time order; the area under the level
/// is added to the interval(s) it spans. Memory is one slot per interval, whatever the load.
public struct IntervalIntegrator: Sendable {
    /// Width of an interval in seconds.
    public let width: Double
    /// Area (level × seconds) per interval.
    public var area: [Double] {
        guard open >= 0 else { return storedArea }
        var a = storedArea
        a[open] = openArea
        return a
    }
    /// Highest level seen per interval.
    public var peak: [Double] {
        guard open >= 0 else { return storedPeak }
        var p = storedPeak
        p[open] = openPeak
        return p
    }
    /// Area and peak per interval, except the interval being filled (`open`), whose figures are
    /// kept in `openArea` and `openPeak` until time leaves it: the usual update is then two
    /// scalar operations, no array write (each of which checks the array's buffer is not
    /// shared). The additions are the same, in the same order, as into the array.
    private var storedArea: [Double]
    private var storedPeak: [Double]
    private var open = -1
    private var openArea = 0.0
    private var openPeak = 0.0
    private var level = 0.0
    private var since = 0.0
    private let limit: Double
    /// The interval of a time, without a division while times stay in one interval.
    private var index: IntervalIndex
    /// Times inside the open interval for which `set` takes its short path (empty unless an
    /// interval is open): the times whose interval is `open`, no later than the interval's
    /// end as `accumulate` computes it and no later than `limit`. Inside it the long path's
    /// checks all pass, so the short path does the same additions in the same order.
    private var fastLow = 1.0, fastHigh = 0.0

    /// Intervals of `width` seconds covering [0, limit).
    public init(width: Double, limit: Double) {
        self.width = width
        self.limit = limit
        index = IntervalIndex(width: width)
        let n = max(1, ScenarioLimits.clampedInt((limit / width).rounded(.up)))
        storedArea = Array(repeating: 0, count: n)
        storedPeak = Array(repeating: 0, count: n)
    }

    /// The current level.
    public var current: Double { level }

    /// The level becomes `value` at time `t` (t never decreases between calls).
    @inline(__always)
    public mutating func set(_ value: Double, at t: Double) {
        if t >= fastLow && t < fastHigh && since >= fastLow {       // since <= t: both in `open`
            if t > since {
                if level != 0 {
                    openArea += level * (t - since)
                    if level > openPeak { openPeak = level }
                }
                since = t
            }
            level = value
            if value > openPeak { openPeak = value }
            return
        }
        let end = min(t, limit)
        if end > since {
            if level != 0 { accumulate(to: end) }
            since = end
        }
        level = value
        let i = index(t)
        if i >= 0 && i < storedPeak.count {
            if i != open { hold(i) }
            if value > openPeak { openPeak = value }
        }
    }

    /// Adds `delta` to the level at time `t`.
    @inline(__always)
    public mutating func add(_ delta: Double, at t: Double) { set(level + delta, at: t) }

    /// Accounts the level up to `t` (e.g. the end of the run) without changing it; `area` and
    /// `peak` are then plain arrays again (no interval held apart).
    public mutating func advance(to t: Double) {
        let end = min(t, limit)
        if end > since {
            if level != 0 { accumulate(to: end) }
            since = end
        }
        release()
    }

    /// Makes interval `i` the one held in scalars (writing back the one held before).
    private mutating func hold(_ i: Int) {
        release()
        open = i
        openArea = storedArea[i]
        openPeak = storedPeak[i]
        if let span = index.span(of: i) {
            fastLow = span.low
            fastHigh = min(span.high, (Double(i + 1) * width).nextUp, limit.nextUp)
        }
    }

    /// Writes the interval held in scalars back into the arrays.
    private mutating func release() {
        guard open >= 0 else { return }
        storedArea[open] = openArea
        storedPeak[open] = openPeak
        open = -1
        fastLow = 1
        fastHigh = 0
    }

    /// Adds the area of the current level over [since, end) (end > since) to the intervals it
    /// spans. The usual case, a span inside one interval, is one addition.
    @inline(__always)
    private mutating func accumulate(to end: Double) {
        let i = index(since)
        if i >= 0 && i < storedArea.count && end <= Double(i + 1) * width {
            if i != open { hold(i) }
            openArea += level * (end - since)
            if level > openPeak { openPeak = level }
            return
        }
        accumulateAcross(to: end)
    }

    /// `accumulate(to:)` for a span that may cross interval boundaries.
    private mutating func accumulateAcross(to end: Double) {
        release()
        var from = since
        var i = index(from)
        while from < end && i < storedArea.count {
            let boundary = min(end, Double(i + 1) * width)
            storedArea[i] += level * (boundary - from)
            if level > storedPeak[i] { storedPeak[i] = level }
            from = boundary
            i += 1
        }
    }

    /// Total area over [0, limit).
    public var totalArea: Double { area.reduce(0, +) }
}
