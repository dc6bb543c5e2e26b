import Foundation

/// Draws Poisson arrival times, constant or piecewise constant by hour of day and weekday.
///
/// Non-homogeneous arrivals use the piecewise-exponential method: a unit-rate exponential
/// "budget" is spent across hourly segments at each segment's rate, so the result is exact
/// (no thinning rejections) and an hour with rate 0 is simply skipped.
public struct ArrivalClock: Sendable {
    private let hourlyPerSecond: [Double]     // 168 values: weekday × hour, per second
    private let constantPerSecond: Double?
    private let offset: Double                // seconds from Monday 00:00 local at t = 0
    private let maxRate: Double

    /// A clock for `pattern`; `startWeekday` (Monday = 0) and `startSecondOfDay` place t = 0 in the week.
    public init(pattern: ArrivalPattern, startWeekday: Int, startSecondOfDay: Double) {
        offset = Double(startWeekday) * 86_400 + startSecondOfDay
        switch pattern {
        case .constant(let perHour):
            constantPerSecond = perHour / 3600
            hourlyPerSecond = []
            maxRate = perHour / 3600
        case .hourly(let perHour, let factors):
            constantPerSecond = nil
            var week: [Double] = []
            for day in 0..<7 { for h in 0..<24 { week.append(perHour[h] * factors[day] / 3600) } }
            hourlyPerSecond = week
            maxRate = week.max() ?? 0
        }
    }

    /// The arrival rate (per second) at virtual time `t`.
    public func rate(at t: Double) -> Double {
        if let c = constantPerSecond { return c }
        return hourlyPerSecond[segment(at: t)]
    }

    /// Expected arrivals in [0, t).
    public func expectedArrivals(until t: Double) -> Double {
        if let c = constantPerSecond { return c * t }
        var total = 0.0, now = 0.0
        while now < t {
            let end = min(t, segmentEnd(after: now))
            total += hourlyPerSecond[segment(at: now)] * (end - now)
            now = end
        }
        return total
    }

    /// The first arrival after `t`, or nil when there is none before `limit`.
    public func next<R: UnitDrawSource>(after t: Double, limit: Double, using rng: inout R) -> Double? {
        if let c = constantPerSecond {
            guard c > 0 else { return nil }
            let next = t - rng.logOfNextUnit() / c
            return next < limit ? next : nil
        }
        guard maxRate > 0 else { return nil }
        var budget = -rng.logOfNextUnit()
        var now = t
        while now < limit {
            let rate = hourlyPerSecond[segment(at: now)]
            let end = segmentEnd(after: now)
            if rate > 0 {
                let need = budget / rate
                if now + need < end { return now + need < limit ? now + need : nil }
                budget -= rate * (end - now)
            }
            now = end
        }
        return nil
    }

    private func segment(at t: Double) -> Int {
        let weekSecond = (t + offset).truncatingRemainder(dividingBy: 604_800)
        return min(167, Int(weekSecond / 3600))
    }

    private func segmentEnd(after t: Double) -> Double {
        let shifted = t + offset
        return ((shifted / 3600).rounded(.down) + 1) * 3600 - offset
    }
}
