import CallQueue
import Foundation
import GRDB

/// A request for a callback, before it is stored.
public struct CallbackRequest: Sendable, Hashable {
    /// The number to call.
    public var number: PhoneNumber
    /// The queue whose agents work it (`nil`: `StoreDefaults.defaultQueue`).
    public var queue: String?
    /// What the caller wants, if known.
    public var topic: String?
    /// Where the request comes from.
    public var source: CallbackSource
    /// For `source: .queue`, when the caller joined the queue (keep-your-place); else ignored.
    public var joinedAt: Date?
    /// The voicemail this callback answers, if any.
    public var voicemailID: Int64?

    /// Creates a request.
    public init(number: PhoneNumber, queue: String? = nil, topic: String? = nil, source: CallbackSource = .manual,
                joinedAt: Date? = nil, voicemailID: Int64? = nil) {
        self.number = number
        self.queue = queue
        self.topic = topic
        self.source = source
        self.joinedAt = joinedAt
        self.voicemailID = voicemailID
    }
}

/// What `requestCallback` did.
public struct CallbackRequestResult: Sendable, Hashable {
    /// The stored callback (the existing one when merged).
    public var callback: CallbackRecord
    /// Whether the request merged with an open callback for the same number.
    public var merged: Bool
}

/// What `finishCallback` did.
public struct CallbackFinishResult: Sendable, Hashable {
    /// The callback after the outcome.
    public var callback: CallbackRecord
    /// Whether another attempt was scheduled (at `callback.due`).
    public var retryScheduled: Bool
}

extension Store {
    /// Stores a callback request, or merges it into the open callback for the same number.
    ///
    /// Place in line (`joinedAt`): for a request from the queue (`source: .queue`), the
    /// time the caller joined the queue; for any other, the request time. A new
    /// callback is due after the queue's initial delay (default 0), or at the next
    /// opening if the queue is closed then. Merging keeps the earlier place and the
    /// earlier due time, and notes the second request; a reservation is kept.
    /// - Throws: `StoreError.unknownQueue`, `.invalidText` (a topic over 200 characters or with control characters); nothing changes.
    public func requestCallback(_ request: CallbackRequest, now: Date) throws -> CallbackRequestResult {
        if let topic = request.topic { try Self.validateText(topic, field: "--topic", maxLength: 200) }
        try Self.checkStorable(now, "the time")
        return try write { db, events in
            let queue = try Self.queue(named: request.queue ?? StoreDefaults.defaultQueue, in: db)
            let hours = try queue.weeklyHours()
            let t = now.timeIntervalSince1970
            let place = Date(timeIntervalSince1970: CallbackRules.placeKey(
                source: request.source, requestedAt: t, joinedAt: request.joinedAt.map { min($0, now).timeIntervalSince1970 }))
            let firstDue = CallbackRules.firstDue(requestedAt: t, policy: queue.callbackPolicy, schedule: hours)
            let due = Date(timeIntervalSince1970: firstDue ?? t + queue.callbackInitialDelay)
            try Self.checkStorable(due, "the due time")
            let result: CallbackRequestResult
            if var open = try CallbackRecord.filter(Column("number") == request.number.e164)
                .filter(Column("status") != CallbackStatus.closed.rawValue).fetchOne(db) {
                // As CallbackRules.merge: the earlier place and the earlier due time win.
                open.joinedAt = min(open.joinedAt, place)
                open.due = min(open.due, due)
                if open.topic == nil { open.topic = request.topic }
                if open.voicemailID == nil { open.voicemailID = request.voicemailID }
                let about = [queue.name, request.topic].compactMap { $0 }.joined(separator: "/")
                open.notes = Self.appending("\(Self.stamp(now)) merged a second request (\(request.source.rawValue): \(about))", to: open.notes)
                try open.update(db)
                result = CallbackRequestResult(callback: open, merged: true)
            } else {
                var callback = CallbackRecord(
                    id: nil, number: request.number.e164, queue: queue.name, topic: request.topic, source: request.source,
                    joinedAt: place, requestedAt: now, due: due, attempts: 0, maxAttempts: queue.callbackMaxAttempts,
                    status: .pending, reservedBy: nil, reservedUntil: nil, outcome: nil, voicemailID: request.voicemailID,
                    notes: "")
                try callback.insert(db)
                result = CallbackRequestResult(callback: callback, merged: false)
            }
            let stored = result.callback
            try events.record(at: now, in: db) {
                .callbackRequested(id: CallbackID(UInt64(stored.id ?? 0)), queue: $0.queue(stored.queue),
                                   source: request.source, merged: result.merged, due: stored.due.timeIntervalSince1970)
            }
            return result
        }
    }

    /// Callbacks in keep-your-place order (open ones first; closed ones only if asked).
    public func callbacks(includeClosed: Bool = false) throws -> [CallbackRecord] {
        try read { db in
            var request = CallbackRecord.all()
            if !includeClosed { request = request.filter(Column("status") != CallbackStatus.closed.rawValue) }
            return try request.order(sql: "status = 'closed', joined_at, id").fetchAll(db)
        }
    }

    /// One callback, or `StoreError.unknownCallback`.
    public func callback(_ id: Int64) throws -> CallbackRecord {
        try read { db in
            guard let callback = try CallbackRecord.fetchOne(db, key: id) else { throw StoreError.unknownCallback(id) }
            return callback
        }
    }

    /// The attempts made at a callback, oldest first.
    public func attempts(of id: Int64) throws -> [CallbackAttempt] {
        try read { db in
            try CallbackAttempt.filter(Column("callback_id") == id).order(Column("id")).fetchAll(db)
        }
    }

    /// Records how an attempt ended: closes the callback, or schedules the next attempt
    /// after the queue's retry delay while attempts remain (`no-answer`, `busy`); the
    /// retry takes its place in line when it becomes due.
    ///
    /// The callback must be reserved (by `agent`, when given); `cancelled` also applies
    /// to a waiting one. The reserving agent becomes available again.
    /// - Throws: `StoreError.unknownCallback`, `.callbackClosed`, `.callbackNotReserved`,
    ///   `.callbackReservedByOther`, `.unknownAgent`; nothing changes.
    public func finishCallback(_ id: Int64, outcome: CallbackOutcome, agent: String? = nil, note: String? = nil,
                               now: Date) throws -> CallbackFinishResult {
        if let note { try Self.validateText(note, field: "--note", maxLength: 500) }
        try Self.checkStorable(now, "the time")
        return try write { db, events in
            guard var callback = try CallbackRecord.fetchOne(db, key: id) else { throw StoreError.unknownCallback(id) }
            if let agent, try AgentRecord.fetchOne(db, key: agent) == nil { throw StoreError.unknownAgent(agent) }
            guard callback.status != .closed else { throw StoreError.callbackClosed(id) }
            if callback.status != .reserved && outcome != .cancelled { throw StoreError.callbackNotReserved(id) }
            if let agent, let holder = callback.reservedBy, holder != agent {
                throw StoreError.callbackReservedByOther(id, holder)
            }
            let holder = callback.reservedBy
            let queue = try Self.queue(named: callback.queue, in: db)
            if outcome != .cancelled { callback.attempts += 1 }
            let next = CallbackRules.afterOutcome(outcome, attempts: callback.attempts, at: now.timeIntervalSince1970,
                                                  policy: queue.callbackPolicy, schedule: try queue.weeklyHours())
            callback.outcome = outcome
            callback.reservedBy = nil
            callback.reservedUntil = nil
            switch next {
            case .retry(let due):
                // The retry rejoins the line when it becomes due.
                callback.status = .pending
                callback.due = Date(timeIntervalSince1970: due)
                try Self.checkStorable(callback.due, "the retry time")
                callback.joinedAt = callback.due
            case .close:
                callback.status = .closed
            }
            if let note, !note.isEmpty { callback.notes = Self.appending("\(Self.stamp(now)) \(note)", to: callback.notes) }
            try callback.update(db)
            var attempt = CallbackAttempt(id: nil, callbackID: id, agentID: agent ?? holder, outcome: outcome,
                                          note: note, at: now)
            try attempt.insert(db)
            if let holder { try Self.freeAgent(holder, now: now, in: db) }
            let reporter = agent ?? holder ?? "NONE"
            try events.record(at: now, in: db) {
                .callbackOutcome(id: CallbackID(UInt64(id)), queue: $0.queue(callback.queue), agent: $0.agent(reporter),
                                 outcome: outcome, attempts: callback.attempts, next: next)
            }
            let retry = callback.status == .pending
            return CallbackFinishResult(callback: callback, retryScheduled: retry)
        }
    }

    /// Returns an agent who was on a callback to `available`.
    static func freeAgent(_ id: String, now: Date, in db: Database) throws {
        try db.execute(sql: """
            UPDATE agents SET state = 'available', state_since = ? WHERE id = ? AND state = 'on-call'
            """, arguments: [now, id])
    }

    /// Gives every callback reserved by `agent` back to the pool (`CALLBACKEXPIRE`).
    static func releaseReservations(of agent: String, now: Date, in db: Database, events: inout StoreEventBuffer) throws {
        let held = try CallbackRecord.filter(Column("status") == CallbackStatus.reserved.rawValue)
            .filter(Column("reserved_by") == agent).fetchAll(db)
        try release(held, now: now, in: db, events: &events)
    }

    /// Returns `callbacks` (reserved) to the pool, recording `CALLBACKEXPIRE` for each;
    /// an agent left `on-call` by a lapsed reservation becomes `available`.
    static func release(_ callbacks: [CallbackRecord], now: Date, in db: Database, events: inout StoreEventBuffer) throws {
        for var callback in callbacks {
            let holder = callback.reservedBy ?? "NONE"
            callback.status = .pending
            callback.reservedBy = nil
            callback.reservedUntil = nil
            try callback.update(db)
            try freeAgent(holder, now: now, in: db)
            try events.record(at: now, in: db) {
                .callbackExpired(id: CallbackID(UInt64(callback.id ?? 0)), queue: $0.queue(callback.queue),
                                 agent: $0.agent(holder))
            }
        }
    }

    static func appending(_ line: String, to notes: String) -> String {
        notes.isEmpty ? line : notes + "\n" + line
    }

    static func stamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
