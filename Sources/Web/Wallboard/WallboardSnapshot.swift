import Foundation
import Storage

/// What `GET /api/wallboard` returns and the wallboard page shows.
struct WallboardSnapshot: Encodable, Sendable {
    /// One queue's line on the board.
    struct Queue: Encodable, Sendable {
        var name: String
        var title: String
        var open: Bool
        var waiting: Int
        var longestWaitSeconds: Double?
        var offeredToday: Int
        var answeredToday: Int
        var abandonedToday: Int
        var serviceLevelToday: Double?
        var callbacksDue: Int
        var callbacksLater: Int
        var callbacksReserved: Int
        var agents: [String: Int]

        enum CodingKeys: String, CodingKey {
            case name, title, open, waiting, agents
            case longestWaitSeconds = "longest_wait_s"
            case offeredToday = "offered_today"
            case answeredToday = "answered_today"
            case abandonedToday = "abandoned_today"
            case serviceLevelToday = "sl_today"
            case callbacksDue = "callbacks_due"
            case callbacksLater = "callbacks_later"
            case callbacksReserved = "callbacks_reserved"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name); try c.encode(title, forKey: .title); try c.encode(open, forKey: .open)
            try c.encode(waiting, forKey: .waiting); try c.encode(agents, forKey: .agents)
            try c.encode(longestWaitSeconds.map { $0.rounded() } ?? 0, forKey: .longestWaitSeconds)
            try c.encode(offeredToday, forKey: .offeredToday); try c.encode(answeredToday, forKey: .answeredToday)
            try c.encode(abandonedToday, forKey: .abandonedToday)
            if let serviceLevelToday { try c.encode(serviceLevelToday, forKey: .serviceLevelToday) }
            else { try c.encodeNil(forKey: .serviceLevelToday) }
            try c.encode(callbacksDue, forKey: .callbacksDue); try c.encode(callbacksLater, forKey: .callbacksLater)
            try c.encode(callbacksReserved, forKey: .callbacksReserved)
        }
    }

    /// One agent's tile.
    struct Agent: Encodable, Sendable {
        var id: String
        var name: String
        var state: String
        var since: Date
        var inStateSeconds: Double
        var callback: Int64?

        enum CodingKeys: String, CodingKey {
            case id, name, state, since, callback
            case inStateSeconds = "in_state_s"
        }
    }

    var at: Date
    var serviceLevelSeconds: Double
    var serviceLevelGoal: Double
    var queues: [Queue]
    var agents: [Agent]

    enum CodingKeys: String, CodingKey {
        case at, queues, agents
        case serviceLevelSeconds = "sl_seconds"
        case serviceLevelGoal = "sl_goal"
    }

    /// Reads the store and today's queue log.
    static func make(store: Store, today: TodayTally, settings: WebSettings, now: Date) throws -> WallboardSnapshot {
        let figures = today.figures(now: now)
        let queues = try store.queueStatus(now: now).map { status in
            let day = figures.byQueue[status.queue] ?? QueueFigures.Counts()
            return Queue(name: status.queue, title: status.title, open: status.open, waiting: status.callersWaiting,
                         longestWaitSeconds: status.oldestWait, offeredToday: day.offered, answeredToday: day.answered,
                         abandonedToday: day.abandoned, serviceLevelToday: day.serviceLevel, callbacksDue: status.callbacksDue,
                         callbacksLater: status.callbacksScheduled, callbacksReserved: status.callbacksReserved,
                         agents: status.agents)
        }
        let agents = try store.agents().map { agent in
            Agent(id: agent.id, name: agent.name, state: agent.state.rawValue, since: agent.stateSince,
                  inStateSeconds: max(0, now.timeIntervalSince(agent.stateSince)).rounded(), callback: agent.reservedCallback)
        }
        return WallboardSnapshot(at: now, serviceLevelSeconds: settings.serviceLevelSeconds,
                                 serviceLevelGoal: settings.serviceLevelGoal, queues: queues, agents: agents)
    }
}

/// The last wallboard rendered, per change number, so fifty wallboards cost one store read per change.
final class WallboardCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cached: (change: Int, at: Date, json: Data)?
    private let build: @Sendable (Date) throws -> Data

    init(build: @escaping @Sendable (Date) throws -> Data) { self.build = build }

    /// The JSON for change number `change`, built at most once per change and per second.
    func json(change: Int, now: Date) throws -> Data {
        try lock.withLock {
            if let cached, cached.change == change, now.timeIntervalSince(cached.at) < 1 { return cached.json }
            let json = try build(now)
            cached = (change, now, json)
            return json
        }
    }
}
