import CallQueue
import Foundation
import GRDB

/// One queue's state for supervisors: `ivr queue status`.
public struct QueueStatus: Sendable, Hashable, Codable {
    /// Queue name.
    public var queue: String
    /// Queue title.
    public var title: String
    /// Opening hours text.
    public var hours: String
    /// Whether it is open now.
    public var open: Bool
    /// Live callers waiting (as recorded by a running `ivr serve`/`ivr call`; else 0).
    public var callersWaiting: Int
    /// Seconds the longest-waiting live caller has waited, if any.
    public var oldestWait: Double?
    /// Pending callbacks due now.
    public var callbacksDue: Int
    /// Pending callbacks due later (retries, after-hours).
    public var callbacksScheduled: Int
    /// Callbacks reserved by an agent.
    public var callbacksReserved: Int
    /// Agents who serve this queue, counted by state (every state present, zeros included).
    public var agents: [String: Int]

    enum CodingKeys: String, CodingKey {
        case queue, title, hours, open, agents
        case callersWaiting = "callers_waiting"
        case oldestWait = "oldest_wait"
        case callbacksDue = "callbacks_due"
        case callbacksScheduled = "callbacks_scheduled"
        case callbacksReserved = "callbacks_reserved"
    }
}

extension Store {
    /// Every queue's state at `now`. Agents without skills count in every queue.
    public func queueStatus(now: Date) throws -> [QueueStatus] {
        try read { db in
            try QueueRecord.order(Column("name")).fetchAll(db).map { queue in
                try Self.status(of: queue, now: now, in: db)
            }
        }
    }

    private static func status(of queue: QueueRecord, now: Date, in db: Database) throws -> QueueStatus {
        let name = queue.name
        let waiting = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM waiting_callers WHERE queue = ?", arguments: [name]) ?? 0
        let oldest = try Date.fetchOne(db, sql: "SELECT MIN(joined_at) FROM waiting_callers WHERE queue = ?", arguments: [name])
        func count(_ condition: String) throws -> Int {
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM callbacks WHERE queue = :queue AND \(condition)",
                             arguments: ["queue": name, "now": now]) ?? 0
        }
        let live = "(status = 'reserved' AND reserved_until > :now)"
        let lapsed = "(status = 'reserved' AND reserved_until <= :now)"
        let due = try count("((status = 'pending' AND due <= :now) OR \(lapsed))")
        let scheduled = try count("status = 'pending' AND due > :now")
        let reserved = try count(live)
        var agents = Dictionary(uniqueKeysWithValues: AgentState.allCases.map { ($0.rawValue, 0) })
        let states = try String.fetchAll(db, sql: """
            SELECT a.state FROM agents a
            WHERE EXISTS (SELECT 1 FROM agent_skills s WHERE s.agent_id = a.id AND s.queue = :queue)
               OR NOT EXISTS (SELECT 1 FROM agent_skills s WHERE s.agent_id = a.id)
            """, arguments: ["queue": name])
        for state in states { agents[state, default: 0] += 1 }
        let hours = try queue.weeklyHours()
        return QueueStatus(queue: name, title: queue.title, hours: queue.hours, open: hours.isOpen(at: now),
                           callersWaiting: waiting, oldestWait: oldest.map { max(0, now.timeIntervalSince($0)) },
                           callbacksDue: due, callbacksScheduled: scheduled, callbacksReserved: reserved, agents: agents)
    }
}
