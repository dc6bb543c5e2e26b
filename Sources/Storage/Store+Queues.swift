import CallQueue
import Foundation
import GRDB

extension Store {
    /// Every queue, by name.
    public func queues() throws -> [QueueRecord] {
        try read { db in try QueueRecord.order(Column("name")).fetchAll(db) }
    }

    /// Changes a queue's hours and callback policy; `nil` leaves a field as it is.
    ///
    /// - Throws: `StoreError.unknownQueue`, `StoreError.invalidHours` (also for empty or blank hours),
    ///   `StoreError.invalidTimeZone`,
    ///   `StoreError.invalidPolicy` (negative or non-finite delays, fewer than 1 attempt, a reservation
    ///   shorter than 1 s); nothing is changed then.
    @discardableResult
    public func updateQueue(_ name: String, hours: String? = nil, timeZone: String? = nil,
                            initialDelay: Double? = nil, maxAttempts: Int? = nil, retryDelay: Double? = nil,
                            reservationTimeout: Double? = nil) throws -> QueueRecord {
        try Self.checkPolicy(initialDelay: initialDelay, maxAttempts: maxAttempts, retryDelay: retryDelay,
                             reservationTimeout: reservationTimeout)
        if let hours, hours.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            // Empty text parses as "open on no day": an unset shell variable would close the queue for good.
            throw StoreError.invalidHours(hours, "the hours are empty (an unset variable?) and would close the queue for good")
        }
        return try write { db, _ in
            var queue = try Self.queue(named: name, in: db)
            if let hours { queue.hours = hours }
            if let timeZone { queue.timeZone = timeZone }
            _ = try queue.weeklyHours()
            if let initialDelay { queue.callbackInitialDelay = initialDelay }
            if let maxAttempts { queue.callbackMaxAttempts = maxAttempts }
            if let retryDelay { queue.callbackRetryDelay = retryDelay }
            if let reservationTimeout { queue.callbackReservationTimeout = reservationTimeout }
            try queue.update(db)
            return queue
        }
    }

    /// The queue called `name`.
    ///
    /// - Throws: `StoreError.unknownQueue` listing the valid names.
    public func queue(named name: String) throws -> QueueRecord {
        try read { db in try Self.queue(named: name, in: db) }
    }

    /// Changes any of a queue's settings (`ivr queue set`): `edit` changes a copy, which is
    /// checked whole (ranges, empty-queue words, hours, time zone, holidays) before it is written.
    /// A running `ivr serve` picks the change up within a second.
    ///
    /// - Throws: `StoreError.unknownQueue`, `.invalidSetting`, `.invalidHours`, `.invalidTimeZone`,
    ///   `.invalidPolicy`; nothing is changed then.
    @discardableResult
    public func updateQueueSettings(_ name: String, _ edit: (inout QueueSettings) -> Void) throws -> QueueRecord {
        try write { db, _ in
            var queue = try Self.queue(named: name, in: db)
            var settings = queue.settings
            edit(&settings)
            try Self.check(settings)
            queue.apply(settings)
            _ = try queue.weeklyHours()
            try queue.update(db)
            return queue
        }
    }

    /// Refuses settings a queue cannot work with, naming the first problem.
    static func check(_ settings: QueueSettings) throws {
        try checkPolicy(initialDelay: settings.callbackInitialDelay, maxAttempts: settings.callbackMaxAttempts,
                        retryDelay: settings.callbackRetryDelay, reservationTimeout: settings.callbackReservationTimeout)
        if let problem = settings.problems().first {
            throw StoreError.invalidSetting("queue \(settings.name): \(problem.message)")
        }
        if settings.hours.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            // Empty text parses as "open on no day": an unset shell variable would close the queue for good.
            throw StoreError.invalidHours(settings.hours, "the hours are empty (an unset variable?) and would close the queue for good")
        }
    }

    /// Refuses policy values a queue cannot work with (rather than quietly clamping them).
    static func checkPolicy(initialDelay: Double?, maxAttempts: Int?, retryDelay: Double?,
                            reservationTimeout: Double?) throws {
        let day = 7 * 86_400.0
        for (option, value, low) in [("--initial-delay", initialDelay, 0.0), ("--retry-delay", retryDelay, 0.0),
                                     ("--reservation-timeout", reservationTimeout, 1.0)] {
            guard let value else { continue }
            if !value.isFinite || value < low || value > day {
                throw StoreError.invalidPolicy(option, value, "give seconds from \(Int(low)) to \(Int(day)) (a week)")
            }
        }
        if let maxAttempts, !(1...100).contains(maxAttempts) {
            throw StoreError.invalidPolicy("--max-attempts", Double(maxAttempts), "give 1 to 100 attempts")
        }
    }

    /// The queue called `name`, or `StoreError.unknownQueue` listing the valid names.
    static func queue(named name: String, in db: Database) throws -> QueueRecord {
        if let queue = try QueueRecord.fetchOne(db, key: name) { return queue }
        let valid = try String.fetchAll(db, sql: "SELECT name FROM queues ORDER BY name")
        throw StoreError.unknownQueue(name, valid: valid)
    }

    /// Records that a live caller joined a queue (for `queue status` in other processes).
    public func callerJoined(_ caller: WaitingCaller) throws {
        try Self.checkStorable(caller.joinedAt, "the time the caller joined")
        return try write { db, _ in
            _ = try Self.queue(named: caller.queue, in: db)
            try caller.save(db)
        }
    }

    /// Forgets every waiting caller: a server starting has none, and rows left by one that was
    /// killed would show in `ivr queue status` for ever. Returns how many were removed.
    @discardableResult
    public func clearWaitingCallers() throws -> Int {
        try write { db, _ in try WaitingCaller.deleteAll(db) }
    }

    /// Records that a live caller left its queue (answered, abandoned, or moved to a callback).
    public func callerLeft(callID: String) throws {
        try write { db, _ in _ = try WaitingCaller.deleteOne(db, key: callID) }
    }

    /// Writes a call record (replacing one with the same id).
    public func saveCallRecord(_ record: CallRecord) throws {
        try Self.checkStorable(record.startedAt, "the call's start time")
        if let ended = record.endedAt { try Self.checkStorable(ended, "the call's end time") }
        try write { db, _ in try record.save(db) }
    }

    /// Call records, newest first.
    public func callRecords(limit: Int = 100) throws -> [CallRecord] {
        try read { db in
            try CallRecord.order(Column("started_at").desc).limit(limit).fetchAll(db)
        }
    }
}
