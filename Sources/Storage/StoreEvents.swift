import CallQueue
import Foundation
import GRDB

/// The store's queue and agent names as handles, for `CallQueue`'s event formatters.
///
/// Queues are numbered in name order, agents in id order; each agent serves the
/// queues of their skills (best level first), or every queue when they have none.
struct StoreEventNames {
    let names: EventNames
    private let queueIndex: [String: Int]
    private let agentIndex: [String: Int]

    init(_ db: Database) throws {
        let queues = try String.fetchAll(db, sql: "SELECT name FROM queues ORDER BY name")
        let agents = try String.fetchAll(db, sql: "SELECT id FROM agents ORDER BY id")
        let queueIndex = Dictionary(uniqueKeysWithValues: queues.enumerated().map { ($1, $0) })
        var served: [String: [QueueHandle]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT agent_id, queue FROM agent_skills ORDER BY agent_id, level, queue") {
            let agent: String = row["agent_id"], queue: String = row["queue"]
            if let index = queueIndex[queue] { served[agent, default: []].append(QueueHandle(index)) }
        }
        var names = EventNames(try QueueManager(queues: queues.map { QueueConfig(name: $0) }, eventsEnabled: false))
        names.agents = agents
        let every = queues.indices.map { QueueHandle($0) }
        names.agentQueues = agents.map { served[$0] ?? every }
        self.names = names
        self.queueIndex = queueIndex
        self.agentIndex = Dictionary(uniqueKeysWithValues: agents.enumerated().map { ($1, $0) })
    }

    /// The handle of queue `name` (an invalid handle, printed `NONE`, if unknown).
    func queue(_ name: String) -> QueueHandle { QueueHandle(queueIndex[name] ?? -1) }
    /// The handle of agent `id` (an invalid handle, printed `NONE`, if unknown).
    func agent(_ id: String) -> AgentHandle { AgentHandle(agentIndex[id] ?? -1) }
}

/// Queue events produced inside one store transaction, formatted there (so names
/// match the transaction's view) and appended to the log files after commit.
///
/// Event times are Unix seconds (driver time 0 = the Unix epoch).
struct StoreEventBuffer {
    private var table: StoreEventNames?
    private(set) var text = ""
    private(set) var json = ""

    /// Formats one event built from the store's names.
    mutating func record(at time: Date, in db: Database, _ kind: (StoreEventNames) -> QueueEvent.Kind) throws {
        let table = try self.table ?? StoreEventNames(db)
        self.table = table
        let event = QueueEvent(time: time.timeIntervalSince1970, kind: kind(table))
        text += QueueLogFormatter(names: table.names).lines(for: event)
        json += JSONLineFormatter(names: table.names).line(for: event)
    }

    /// Whether nothing was recorded.
    var isEmpty: Bool { text.isEmpty && json.isEmpty }
}
