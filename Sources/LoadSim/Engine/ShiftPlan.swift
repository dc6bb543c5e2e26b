/// The scheduled head-count of an agent group through simulated time.
///
/// A schedule `[[start hour, head-count], …]` repeats every day; before the first step of a
/// day the previous day's last step is still in force.
public struct ShiftPlan: Sendable {
    private let steps: [ShiftStep]
    private let startSecondOfDay: Double

    /// The plan for `headCount`, with t = 0 at `startSecondOfDay` local time.
    public init(_ headCount: AgentGroup.HeadCount, startSecondOfDay: Double) {
        switch headCount {
        case .count(let n): steps = [ShiftStep(hour: 0, count: n)]
        case .schedule(let s): steps = s
        }
        self.startSecondOfDay = startSecondOfDay
    }

    /// Head-count in force at virtual time `t`.
    public func count(at t: Double) -> Int {
        let daySecond = (t + startSecondOfDay).truncatingRemainder(dividingBy: 86_400)
        var current = steps.last?.count ?? 0
        for step in steps where step.hour * 3600 <= daySecond { current = step.count }
        return current
    }

    /// Every change in head-count in (0, until): (time, new head-count), in time order.
    public func changes(until limit: Double) -> [(time: Double, count: Int)] {
        guard steps.count > 1 else { return [] }
        var out: [(Double, Int)] = []
        var dayStart = -startSecondOfDay
        while dayStart < limit {
            for step in steps {
                let t = dayStart + step.hour * 3600
                if t > 0 && t < limit { out.append((t, step.count)) }
            }
            dayStart += 86_400
        }
        return out
    }

    /// Agent-seconds scheduled inside [0, limit).
    public func scheduledSeconds(until limit: Double) -> Double {
        var total = 0.0, now = 0.0, count = Double(self.count(at: 0))
        for change in changes(until: limit) {
            total += count * (change.time - now)
            now = change.time
            count = Double(change.count)
        }
        return total + count * (limit - now)
    }
}
