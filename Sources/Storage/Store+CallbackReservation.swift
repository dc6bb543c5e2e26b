import CallQueue
import Foundation
import GRDB

/// What `reserveNextCallback` found.
public struct CallbackReservation: Sendable, Hashable {
    /// The reserved callback (status `reserved`, `reservedBy` the agent).
    public var callback: CallbackRecord
    /// True when the agent already held this reservation (asked again, e.g. after a crash).
    public var resumed: Bool
}

extension Store {
    /// Reserves the next due callback for `agent`, atomically across processes.
    ///
    /// In one `BEGIN IMMEDIATE` transaction: lapsed reservations return to the pool;
    /// an agent who still holds a live reservation gets that one again; otherwise the
    /// first pending callback that is due, in a queue the agent serves and that is open
    /// now, in the queue manager's order (`CallbackRules.servedBefore`: `joinedAt`, the
    /// keep-your-place key, then id; any skill level), is reserved until now + the queue's reservation timeout, and the agent
    /// goes `on-call`. Returns nil when nothing is due.
    ///
    /// `insideTransaction` runs just before commit; tests use it to crash a process there.
    /// - Throws: `StoreError.unknownAgent`, `.agentCannotWork` (logged out, on break).
    public func reserveNextCallback(agent: String, now: Date,
                                    insideTransaction: (() -> Void)? = nil) throws -> CallbackReservation? {
        try Self.checkStorable(now, "the time")
        return try write { db, events in
            try Self.releaseExpiredReservations(now: now, in: db, events: &events)
            guard var record = try AgentRecord.fetchOne(db, key: agent) else { throw StoreError.unknownAgent(agent) }
            guard record.state != .loggedOut, record.state != .onBreak else {
                throw StoreError.agentCannotWork(agent, record.state.rawValue)
            }
            if let held = try CallbackRecord.filter(Column("status") == CallbackStatus.reserved.rawValue)
                .filter(Column("reserved_by") == agent).order(Column("id")).fetchOne(db) {
                return CallbackReservation(callback: held, resumed: true)
            }
            guard var callback = try Self.nextDue(for: agent, now: now, in: db) else { return nil }
            let queue = try Self.queue(named: callback.queue, in: db)
            callback.status = .reserved
            callback.reservedBy = agent
            callback.reservedUntil = now.addingTimeInterval(queue.callbackReservationTimeout)
            try callback.update(db)
            if record.state != .onCall {
                record.state = .onCall
                record.stateSince = now
                try record.update(db)
            }
            let reserved = callback
            try events.record(at: now, in: db) {
                .callbackReserved(id: CallbackID(UInt64(reserved.id ?? 0)), queue: $0.queue(reserved.queue),
                                  agent: $0.agent(agent))
            }
            insideTransaction?()
            return CallbackReservation(callback: callback, resumed: false)
        }
    }

    /// Returns every reservation that has lapsed by `now` to the pool; the count returned.
    @discardableResult
    public func releaseExpiredReservations(now: Date) throws -> Int {
        try write { db, events in try Self.releaseExpiredReservations(now: now, in: db, events: &events) }
    }

    @discardableResult
    static func releaseExpiredReservations(now: Date, in db: Database, events: inout StoreEventBuffer) throws -> Int {
        let lapsed = try CallbackRecord.filter(sql: "status = 'reserved' AND reserved_until <= ?", arguments: [now]).fetchAll(db)
        try release(lapsed, now: now, in: db, events: &events)
        return lapsed.count
    }

    /// The first due pending callback `agent` may work now, or nil.
    private static func nextDue(for agent: String, now: Date, in db: Database) throws -> CallbackRecord? {
        var hours: [String: WeeklyHours] = [:]          // only the queues of candidates (parsing resolves years of days)
        let candidates = try CallbackRecord.fetchCursor(db, sql: """
            SELECT c.* FROM callbacks c
            LEFT JOIN agent_skills s ON s.queue = c.queue AND s.agent_id = :agent
            WHERE c.status = 'pending' AND c.due <= :now
              AND (s.agent_id IS NOT NULL OR NOT EXISTS (SELECT 1 FROM agent_skills WHERE agent_id = :agent))
            ORDER BY c.joined_at, c.id
            """, arguments: ["agent": agent, "now": now])
        // `ORDER BY joined_at, id` is `CallbackRules.servedBefore` in SQL (place, then filing
        // order; stored times sort as text in time order), so the index does the work and the
        // first open one is the answer; QueueSettingsStoreTests checks the two agree.
        while let callback = try candidates.next() {
            if hours[callback.queue] == nil, let queue = try QueueRecord.fetchOne(db, key: callback.queue) {
                hours[callback.queue] = try queue.weeklyHours()
            }
            if hours[callback.queue]?.isOpen(at: now) ?? true { return callback }
        }
        return nil
    }
}
