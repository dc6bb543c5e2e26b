import Foundation
import Yams

extension ScenarioLoader {
    /// Checks that need several keys at once (rate × duration, agents over all groups), so that
    /// a run that would exhaust memory or never end is refused with the place to change.
    static func checkLimits(_ top: [String: Node], _ s: Scenario, _ r: NodeReader) {
        if let n = top["arrivals"] {
            let clock = ArrivalClock(pattern: s.arrivals, startWeekday: s.startWeekday, startSecondOfDay: s.startSecondOfDay)
            let expected = clock.expectedArrivals(until: s.duration)
            if expected > ScenarioLimits.mostExpectedArrivals {
                r.fail(n, "arrivals: about \(String(format: "%.3g", expected)) calls would arrive in one replication "
                    + "(rate × duration \(DurationText.format(s.duration))); the simulator takes at most "
                    + "\(Int(ScenarioLimits.mostExpectedArrivals)): lower the rate or shorten 'duration'")
            }
        }
        let intervals = (s.duration / s.interval).rounded(.up)
        if intervals > Double(ScenarioLimits.mostIntervals) {
            r.fail(top["duration"] ?? top["interval"], "duration / interval gives \(String(format: "%.0f", intervals)) report intervals; "
                + "at most \(ScenarioLimits.mostIntervals): shorten 'duration' or widen 'interval'")
        }
        if let n = top["agents"] {
            let total = s.agents.reduce(0) { sum, g in
                switch g.staffing {
                case .count(let c): return sum + c
                case .schedule(let steps): return sum + (steps.map(\.count).max() ?? 0)
                }
            }
            if total > ScenarioLimits.mostAgents {
                r.fail(n, "agents: \(total) agents over all groups (each group's largest head-count, added up); "
                    + "at most \(ScenarioLimits.mostAgents) in one scenario")
            }
        }
        if s.callers.redialAfter.mean <= 0 {
            let after = child(child(top["callers"], "redial"), "after")
            r.fail(after ?? top["callers"], "callers.redial.after must have a mean above 0: callers redialling at the same "
                + "instant they hang up would call again forever without time passing (e.g. {dist: exponential, mean: 10m})")
        }
    }

    /// The value under `key` in mapping `node`, if any.
    static func child(_ node: Node?, _ key: String) -> Node? {
        node?.mapping?.first { $0.key.string == key }?.value
    }
}
