/// A queue's settings as users write them (`ivr queue set`, a scenario's `queues:`), the one
/// source from which every driver builds its `QueueConfig` (see `queueConfig(schedule:seed:)`).
///
/// Plain values only: opening hours stay text here (CallQueue knows no calendar); each driver
/// turns `hours`, `timeZone` and `holidays` into an `OpeningSchedule` on its own clock with the
/// `Hours` module. JSON keys are those of `ivr queue show --json` (docs/QUEUE.md).
public struct QueueSettings: Sendable, Hashable, Codable {
    /// The queue's name, e.g. `orders`.
    public var name: String
    /// How an idle agent is chosen. Default `longest-idle`.
    public var strategy: RoutingStrategy = .longestIdle
    /// Seconds of after-call work, unless the agent has their own. Default 0.
    public var wrapUp: Double = 0
    /// Seconds a caller may wait (`EXITWITHTIMEOUT`); 0 = no limit (the default).
    public var maxWait: Double = 0
    /// When a caller is refused for an empty queue: Asterisk `joinempty` words. Default `yes`.
    public var joinEmpty: String = "yes"
    /// When waiting callers are removed from an empty queue: Asterisk `leavewhenempty`. Default `no`.
    public var leaveWhenEmpty: String = "no"
    /// Seconds between position announcements; 0 = none. Default 60.
    public var announceFrequency: Double = 60
    /// Seconds an offer rings at a station before it counts as not answered. Default 15.
    public var ringTimeout: Double = 15
    /// `skills`: seconds of waiting that widen eligibility by one level. Default 30.
    public var levelWideningStep: Double = 30
    /// Seconds after a request before the first callback attempt. Default 0.
    public var callbackInitialDelay: Double = 0
    /// Callback attempts in all. Default 3.
    public var callbackMaxAttempts: Int = 3
    /// Seconds between callback attempts. Default 600.
    public var callbackRetryDelay: Double = 600
    /// Seconds a callback reservation lasts. Default 300.
    public var callbackReservationTimeout: Double = 300
    /// Opening hours text, e.g. `mon-fri 09:00-17:30, sat 10:00-14:00`, or `always`.
    public var hours: String = "always"
    /// Time zone of the hours, e.g. `Europe/London`.
    public var timeZone: String = "UTC"
    /// Closed days (bank holidays), ISO dates `YYYY-MM-DD`, sorted.
    public var holidays: [String] = []

    /// Settings with every default but the name.
    public init(name: String) { self.name = name }

    enum CodingKeys: String, CodingKey {
        case name, strategy, hours, holidays
        case wrapUp = "wrap_up_s", maxWait = "max_wait_s", joinEmpty = "join_empty"
        case leaveWhenEmpty = "leave_when_empty", announceFrequency = "announce_frequency_s"
        case ringTimeout = "ring_timeout_s", levelWideningStep = "level_widening_s"
        case callbackInitialDelay = "callback_initial_delay_s", callbackMaxAttempts = "callback_max_attempts"
        case callbackRetryDelay = "callback_retry_delay_s"
        case callbackReservationTimeout = "callback_reservation_timeout_s"
        case timeZone = "time_zone"
    }

    /// The callback policy.
    public var callbackPolicy: CallbackPolicy {
        CallbackPolicy(initialDelay: callbackInitialDelay, maxAttempts: callbackMaxAttempts,
                       retryInterval: callbackRetryDelay, reservationTimeout: callbackReservationTimeout)
    }

    /// The one translation of settings into the queue manager's configuration, used by
    /// `ivr serve` and `ivr simulate` alike. `schedule` is the driver's view of `hours`,
    /// `timeZone` and `holidays`; `seed` feeds the `random` strategy.
    public func queueConfig(schedule: any OpeningSchedule, seed: UInt64 = 1) -> QueueConfig {
        QueueConfig(name: name, strategy: strategy, wrapUp: wrapUp, maxWait: maxWait > 0 ? maxWait : nil,
                    joinEmpty: EmptyConditions(asterisk: joinEmpty) ?? .never,
                    leaveWhenEmpty: EmptyConditions(asteriskLeaveWhenEmpty: leaveWhenEmpty) ?? .never,
                    announceFrequency: announceFrequency, callbackPolicy: callbackPolicy, schedule: schedule,
                    levelWideningStep: levelWideningStep, seed: seed)
    }

    /// What is wrong with these settings (field name as in a scenario, and what to write
    /// instead); empty when they are usable. Hours are checked by the driver that reads them.
    public func problems() -> [(field: String, message: String)] {
        var out: [(String, String)] = []
        let day = 86_400.0, week = 7 * day
        for (field, value, low, high) in [("wrap_up", wrapUp, 0.0, 3600.0), ("max_wait", maxWait, 0, day),
                                          ("announce_frequency", announceFrequency, 0, 3600),
                                          ("ring_timeout", ringTimeout, 1, 600), ("level_widening", levelWideningStep, 0, day),
                                          ("callback_initial_delay", callbackInitialDelay, 0, week),
                                          ("callback_retry_delay", callbackRetryDelay, 0, week),
                                          ("callback_reservation_timeout", callbackReservationTimeout, 1, week)]
        where !value.isFinite || value < low || value > high {
            out.append((field, "\(field) must be from \(Self.seconds(low)) to \(Self.seconds(high))"))
        }
        if !(1...100).contains(callbackMaxAttempts) {
            out.append(("callback_max_attempts", "callback_max_attempts must be 1 to 100"))
        }
        for (field, text) in [("join_empty", joinEmpty), ("leave_when_empty", leaveWhenEmpty)]
        where EmptyConditions(asterisk: text) == nil {
            out.append((field, "\(field) '\(text)' is not yes, no, strict or a list of paused, unavailable, inuse, ringing, wrapup"))
        }
        return out
    }

    private static func seconds(_ s: Double) -> String {
        s >= 3600 && s.truncatingRemainder(dividingBy: 3600) == 0 ? "\(Int(s / 3600))h" : "\(Int(s))s"
    }
}
