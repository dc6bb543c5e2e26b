/// The scheduled head-count of an agent group through simulated time.
///
/// A schedule `[[start hour, head-count], …]` repeats every day it works (`days`, Monday = 0;
/// all days when nil). Before the first step of a day the previous day's last step is still in
/// force if that day was worked; on a day not worked the head-count is 0.
public struct ShiftPlan: Sendable {
    private let steps: [ShiftStep]
    private let startSecondOfDay: Double
    private let startWeekday: Int
    private let days: Set<Int>?

    /// The plan for `headCount`, with t = 0 at `startSecondOfDay` local time on `startWeekday`.
    public init(_ headCount: AgentGroup.HeadCount, startSecondOfDay: Double, startWeekday: Int = 0, days: Set<Int>? = nil) {
        switch headCount {
        case .count(let n): steps = [ShiftStep(hour: 0, count: n)]
        case .schedule(let s): steps = s
        }
        self.startSecondOfDay = startSecondOfDay
        self.startWeekday = startWeekday
        self.days = days
    }

    private func works(day: Int) -> Bool {
        guard let days else { return true }
        return days.contains(((startWeekday + day) % 7 + 7) % 7)
    }

    /// Head-count in force at virtual time `t`.
    public func count(at t: Double) -> Int {
        let local = t + startSecondOfDay
        let day = ScenarioLimits.clampedInt((local / 86_400).rounded(.down))
        guard works(day: day) else { return 0 }
        let second = local - Double(day) * 86_400
        var current: Int? = nil
        for step in steps where step.hour * 3600 <= second { current = step.count }
        if let current { return current }
        return works(day: day - 1) ? (steps.last?.count ?? 0) : 0
    }

    /// Every change in head-count in (0, limit): (time, new head-count), in time order.
    public func changes(until limit: Double) -> [(time: Double, count: Int)] {
        var out: [(Double, Int)] = []
        var last = count(at: 0)
        var dayStart = -startSecondOfDay
        while dayStart < limit {
            for t in [dayStart] + steps.map({ dayStart + $0.hour * 3600 }) where t > 0 && t < limit {
                let c = count(at: t)
                if c != last { out.append((t, c)); last = c }
            }
            dayStart += 86_400
        }
        return out
    }

    /// Agent-seconds scheduled inside [0, limit).
    public func scheduledSeconds(until limit: Double) -> Double {
        var total = 0.0, now = 0.0, current = Double(count(at: 0))
        for change in changes(until: limit) {
            total += current * (change.time - now)
            now = change.time
            current = Double(change.count)
        }
        return total + current * (limit - now)
    }
}
