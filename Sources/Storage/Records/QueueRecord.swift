import CallQueue
import Foundation
import GRDB

/// One queue as stored: its name, opening hours and holidays, routing settings and callback policy.
public struct QueueRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// Table name.
    public static let databaseTableName = "queues"

    /// The queue's name, e.g. `orders`.
    public var name: String
    /// A human title, e.g. `Orders and delivery`.
    public var title: String
    /// Opening hours text (see `WeeklyHours`).
    public var hours: String
    /// Time zone identifier of the hours, e.g. `Europe/London`.
    public var timeZone: String
    /// Seconds after a request before the first attempt (Amazon Connect's initial delay).
    public var callbackInitialDelay: Double
    /// Attempts before a callback that keeps failing is closed.
    public var callbackMaxAttempts: Int
    /// Seconds between a failed attempt (no answer, busy) and the next.
    public var callbackRetryDelay: Double
    /// Seconds a reservation lasts before the callback returns to the pool.
    public var callbackReservationTimeout: Double
    /// Routing strategy name (`RoutingStrategy`), e.g. `longest-idle`.
    public var strategy: String = RoutingStrategy.longestIdle.rawValue
    /// Seconds of after-call work.
    public var wrapUp: Double = 0
    /// Seconds a caller may wait; 0 = no limit.
    public var maxWait: Double = 0
    /// Asterisk `joinempty` words.
    public var joinEmpty: String = "yes"
    /// Asterisk `leavewhenempty` words.
    public var leaveWhenEmpty: String = "no"
    /// Seconds between position announcements; 0 = none.
    public var announceFrequency: Double = 60
    /// Seconds an offer rings at a station.
    public var ringTimeout: Double = 15
    /// `skills`: seconds of waiting per level widened.
    public var levelWidening: Double = 30
    /// Closed days, ISO dates separated by commas (`2026-12-25, 2026-12-28`).
    public var holidays: String = ""

    enum CodingKeys: String, CodingKey {
        case name, title, hours
        case timeZone = "time_zone"
        case callbackInitialDelay = "callback_initial_delay"
        case callbackMaxAttempts = "callback_max_attempts"
        case callbackRetryDelay = "callback_retry_delay"
        case callbackReservationTimeout = "callback_reservation_timeout"
        case strategy
        case wrapUp = "wrap_up"
        case maxWait = "max_wait"
        case joinEmpty = "join_empty"
        case leaveWhenEmpty = "leave_when_empty"
        case announceFrequency = "announce_frequency"
        case ringTimeout = "ring_timeout"
        case levelWidening = "level_widening"
        case holidays
    }

    /// The holidays as a list of ISO dates.
    public var holidayList: [String] {
        holidays.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Every setting of the queue in `CallQueue`'s terms (a strategy the store does not know
    /// reads as `longest-idle`; `updateQueue` never writes one).
    public var settings: QueueSettings {
        var s = QueueSettings(name: name)
        s.strategy = RoutingStrategy(rawValue: strategy) ?? .longestIdle
        s.wrapUp = wrapUp
        s.maxWait = maxWait
        s.joinEmpty = joinEmpty
        s.leaveWhenEmpty = leaveWhenEmpty
        s.announceFrequency = announceFrequency
        s.ringTimeout = ringTimeout
        s.levelWideningStep = levelWidening
        s.callbackInitialDelay = callbackInitialDelay
        s.callbackMaxAttempts = callbackMaxAttempts
        s.callbackRetryDelay = callbackRetryDelay
        s.callbackReservationTimeout = callbackReservationTimeout
        s.hours = hours
        s.timeZone = timeZone
        s.holidays = holidayList
        return s
    }

    /// Takes every setting from `s` (the name stays).
    mutating func apply(_ s: QueueSettings) {
        strategy = s.strategy.rawValue
        wrapUp = s.wrapUp
        maxWait = s.maxWait
        joinEmpty = s.joinEmpty
        leaveWhenEmpty = s.leaveWhenEmpty
        announceFrequency = s.announceFrequency
        ringTimeout = s.ringTimeout
        levelWidening = s.levelWideningStep
        callbackInitialDelay = s.callbackInitialDelay
        callbackMaxAttempts = s.callbackMaxAttempts
        callbackRetryDelay = s.callbackRetryDelay
        callbackReservationTimeout = s.callbackReservationTimeout
        hours = s.hours
        timeZone = s.timeZone
        holidays = s.holidays.joined(separator: ", ")
    }

    /// The queue manager's configuration for `ivr serve`, on Unix seconds (hours, holidays).
    ///
    /// - Throws: `StoreError.invalidHours` if the stored hours or holidays are unreadable.
    public func queueConfig(seed: UInt64 = 1) throws -> QueueConfig {
        settings.queueConfig(schedule: try weeklyHours(), seed: seed)
    }

    /// The callback policy in `CallQueue`'s terms (the queue manager's rules apply it).
    public var callbackPolicy: CallbackPolicy {
        CallbackPolicy(initialDelay: callbackInitialDelay, maxAttempts: callbackMaxAttempts,
                       retryInterval: callbackRetryDelay, reservationTimeout: callbackReservationTimeout)
    }

    /// The parsed opening hours with the holidays (also an `OpeningSchedule` on Unix seconds).
    ///
    /// - Throws: `StoreError.invalidHours` if the stored text is unreadable.
    public func weeklyHours() throws -> WeeklyHours {
        try WeeklyHours(hours, timeZoneID: timeZone, holidays: holidayList)
    }
}
