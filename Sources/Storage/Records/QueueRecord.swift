import CallQueue
import Foundation
import GRDB

/// One queue as stored: its name, opening hours and callback policy.
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

    enum CodingKeys: String, CodingKey {
        case name, title, hours
        case timeZone = "time_zone"
        case callbackInitialDelay = "callback_initial_delay"
        case callbackMaxAttempts = "callback_max_attempts"
        case callbackRetryDelay = "callback_retry_delay"
        case callbackReservationTimeout = "callback_reservation_timeout"
    }

    /// The callback policy in `CallQueue`'s terms (the queue manager's rules apply it).
    public var callbackPolicy: CallbackPolicy {
        CallbackPolicy(initialDelay: callbackInitialDelay, maxAttempts: callbackMaxAttempts,
                       retryInterval: callbackRetryDelay, reservationTimeout: callbackReservationTimeout)
    }

    /// The parsed opening hours (also an `OpeningSchedule` on Unix seconds).
    ///
    /// - Throws: `StoreError.invalidHours` if the stored text is unreadable.
    public func weeklyHours() throws -> WeeklyHours {
        try WeeklyHours(hours, timeZoneID: timeZone)
    }
}
