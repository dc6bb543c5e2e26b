import Foundation
import GRDB

extension Store {
    /// Every queue, by name.
    public func queues() throws -> [QueueRecord] {
        try read { db in try QueueRecord.order(Column("name")).fetchAll(db) }
    }

    /// Changes a queue's hours and callback policy; `nil` leaves a field as it is.
    ///
    /// - Throws: `StoreError.unknownQueue`, `StoreError.invalidHours`.
    @discardableResult
    public func updateQueue(_ name: String, hours: String? = nil, timeZone: String? = nil,
                            initialDelay: Double? = nil, maxAttempts: Int? = nil, retryDelay: Double? = nil,
                            reservationTimeout: Double? = nil) throws -> QueueRecord {
        try write { db, _ in
            var queue = try Self.queue(named: name, in: db)
            if let hours { queue.hours = hours }
            if let timeZone { queue.timeZone = timeZone }
            _ = try queue.weeklyHours()
            if let initialDelay { queue.callbackInitialDelay = max(0, initialDelay) }
            if let maxAttempts { queue.callbackMaxAttempts = max(1, maxAttempts) }
            if let retryDelay { queue.callbackRetryDelay = max(0, retryDelay) }
            if let reservationTimeout { queue.callbackReservationTimeout = max(1, reservationTimeout) }
            try queue.update(db)
            return queue
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
        try write { db, _ in
            _ = try Self.queue(named: caller.queue, in: db)
            try caller.save(db)
        }
    }

    /// Records that a live caller left its queue (answered, abandoned, or moved to a callback).
    public func callerLeft(callID: String) throws {
        try write { db, _ in _ = try WaitingCaller.deleteOne(db, key: callID) }
    }

    /// Writes a call record (replacing one with the same id).
    public func saveCallRecord(_ record: CallRecord) throws {
        try write { db, _ in try record.save(db) }
    }

    /// Call records, newest first.
    public func callRecords(limit: Int = 100) throws -> [CallRecord] {
        try read { db in
            try CallRecord.order(Column("started_at").desc).limit(limit).fetchAll(db)
        }
    }
}
