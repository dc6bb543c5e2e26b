import CallFlow
import CallQueue
import Foundation
import Yams

/// A scenario's per-queue settings: the same names as `ivr queue set` and docs/QUEUE.md
/// (`queues: {general: {strategy: round-robin, wrap_up: 10s}}`), checked where they are written.
extension ScenarioLoader {
    /// Keys a queue under `queues:` may hold.
    static let queueKeys = ["handling", "patience", "strategy", "wrap_up", "max_wait", "join_empty", "leave_when_empty",
                            "announce_frequency", "ring_timeout", "level_widening", "callback_initial_delay",
                            "callback_max_attempts", "callback_retry_delay", "callback_reservation_timeout",
                            "hours", "time_zone", "holidays"]

    /// Reads the settings keys of queue `name` into `o`, reporting each bad value at its place.
    static func readQueueSettings(_ m: [String: Node], queue name: String, into o: inout QueueOverrides, _ r: NodeReader) {
        let at = "queues.\(name)"
        if let n = m["strategy"] {
            if let text = n.scalar?.string, let strategy = RoutingStrategy(rawValue: text) {
                o.strategy = strategy
            } else {
                r.fail(n, "\(at).strategy: unknown strategy '\(n.scalar?.string ?? "?")'; valid: \(RoutingStrategy.namesList)")
            }
        }
        let durations: [(String, WritableKeyPath<QueueOverrides, Double?>)] = [
            ("wrap_up", \.wrapUp), ("max_wait", \.maxWait), ("announce_frequency", \.announceFrequency),
            ("ring_timeout", \.ringTimeout), ("level_widening", \.levelWidening),
            ("callback_initial_delay", \.callbackInitialDelay), ("callback_retry_delay", \.callbackRetryDelay),
            ("callback_reservation_timeout", \.callbackReservationTimeout),
        ]
        for (key, path) in durations {
            if let n = m[key], let v = r.duration(n, "\(at).\(key)") { o[keyPath: path] = v }
        }
        if let n = m["callback_max_attempts"], let v = r.integer(n, "\(at).callback_max_attempts", in: 1...100) {
            o.callbackMaxAttempts = v
        }
        for (key, path) in [("join_empty", \QueueOverrides.joinEmpty), ("leave_when_empty", \QueueOverrides.leaveWhenEmpty)] {
            guard let n = m[key] else { continue }
            let text = n.scalar?.string ?? ""
            if EmptyConditions(asterisk: text) == nil {
                r.fail(n, "\(at).\(key): '\(text)' is not yes, no, strict or a list of paused, unavailable, inuse, ringing, wrapup")
            } else {
                o[keyPath: path] = text
            }
        }
        if let n = m["time_zone"], let text = r.string(n, "\(at).time_zone") {
            if TimeZone(identifier: text) == nil {
                r.fail(n, "\(at).time_zone: unknown time zone '\(text)'; write an IANA name such as Europe/London")
            } else {
                o.timeZone = text
            }
        }
        if let n = m["hours"], let text = r.string(n, "\(at).hours") {
            do {
                _ = try WeeklyHoursText.openings(text)
                o.hours = text
            } catch {
                r.fail(n, "\(at).hours: \(error.reason); write e.g. 'mon-fri 09:00-17:30, sat 10:00-14:00' or 'always'")
            }
        }
        if let n = m["holidays"], let list = r.sequence(n, "\(at).holidays") {
            var days: [String] = []
            for item in list {
                let text = item.scalar?.string ?? ""
                if LocalDate(iso: Substring(text)) == nil {
                    r.fail(item, "\(at).holidays: '\(text)' is not a date; write YYYY-MM-DD, e.g. 2026-12-25")
                } else {
                    days.append(text)
                }
            }
            o.holidays = days.sorted()
        }
        var check = QueueSettings(name: name)
        o.apply(to: &check)
        for problem in check.problems() {
            r.fail(m[problem.field], "\(at).\(problem.message)")
        }
    }
}

extension QueueOverrides {
    /// Writes every setting this queue names over `settings`.
    public func apply(to settings: inout QueueSettings) {
        if let strategy { settings.strategy = strategy }
        if let wrapUp { settings.wrapUp = wrapUp }
        if let maxWait { settings.maxWait = maxWait }
        if let joinEmpty { settings.joinEmpty = joinEmpty }
        if let leaveWhenEmpty { settings.leaveWhenEmpty = leaveWhenEmpty }
        if let announceFrequency { settings.announceFrequency = announceFrequency }
        if let ringTimeout { settings.ringTimeout = ringTimeout }
        if let levelWidening { settings.levelWideningStep = levelWidening }
        if let callbackInitialDelay { settings.callbackInitialDelay = callbackInitialDelay }
        if let callbackMaxAttempts { settings.callbackMaxAttempts = callbackMaxAttempts }
        if let callbackRetryDelay { settings.callbackRetryDelay = callbackRetryDelay }
        if let callbackReservationTimeout { settings.callbackReservationTimeout = callbackReservationTimeout }
        if let hours { settings.hours = hours }
        if let timeZone { settings.timeZone = timeZone }
        if let holidays { settings.holidays = holidays }
    }
}
