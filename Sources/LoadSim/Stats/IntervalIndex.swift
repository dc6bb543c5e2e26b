/// `ScenarioLimits.clampedInt(t / width)`, the report interval holding `t`, without a division
/// in the usual case.
///
/// The simulator asks for the interval of nearly the same instant millions of times (every
/// arrival, join, answer and level change), and a division costs about as much as the rest of
/// the bookkeeping. This cache keeps the exact span `[low, high)` of times that give the last
/// answer: the smallest times at which the quotient reaches it and the next value, found once
/// per interval by stepping ulp by ulp from `k × width`. Inside the span the answer is returned
/// by two comparisons; outside it is computed by division as before. The answer is therefore
/// always the one the division gives (rounding included), so reports stay byte for byte.
struct IntervalIndex: Sendable {
    /// Width of an interval in seconds (positive and finite).
    let width: Double
    private var low = 1.0, high = 0.0     // an empty span until the first question
    private var value = 0
    /// The span asked for before the last one: the join times of callers leaving (and of calls
    /// ending) alternate between two intervals for a while after each boundary, and each swap
    /// would otherwise step two spans ulp by ulp again.
    private var previousLow = 1.0, previousHigh = 0.0
    private var previousValue = 0

    /// A cache for intervals of `width` seconds.
    init(width: Double) { self.width = width }

    /// The interval holding `t`: exactly `ScenarioLimits.clampedInt(t / width)`.
    @inline(__always)
    mutating func callAsFunction(_ t: Double) -> Int {
        if t >= low && t < high { return value }
        return slow(t)
    }

    /// The times whose interval is `k`, `low ..< high`, when they are the ones kept (the last
    /// interval asked for, in the plain case); nil otherwise.
    func span(of k: Int) -> (low: Double, high: Double)? {
        value == k && low < high ? (low, high) : nil
    }

    private mutating func slow(_ t: Double) -> Int {
        if t >= previousLow && t < previousHigh {
            swap(&low, &previousLow)
            swap(&high, &previousHigh)
            swap(&value, &previousValue)
            return value
        }
        let k = Self.quotient(t, width)
        // Cache only the plain case: t ≥ 0, finite, well inside the exact integers.
        guard t >= 0, t.isFinite, width > 0, width.isFinite, k < 1 << 52 else { return k }
        (previousLow, previousHigh, previousValue) = (low, high, value)
        low = Self.firstTime(reaching: k, width)
        high = Self.firstTime(reaching: k + 1, width)
        value = k
        if !(t >= low && t < high) { low = 1; high = 0 }     // never expected; stay exact
        return k
    }

    @inline(__always)
    private static func quotient(_ t: Double, _ width: Double) -> Int { ScenarioLimits.clampedInt(t / width) }

    /// The smallest time ≥ 0 whose quotient is at least `k` (the quotient never decreases as
    /// `t` grows, since division is correctly rounded and truncation is monotone).
    private static func firstTime(reaching k: Int, _ width: Double) -> Double {
        if k <= 0 { return 0 }
        var c = Double(k) * width
        while c > 0 && quotient(c.nextDown, width) >= k { c = c.nextDown }
        while quotient(c, width) < k { c = c.nextUp }
        return c
    }
}
