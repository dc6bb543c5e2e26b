import CallQueue
import Foundation
import GRDB

extension AgentState: DatabaseValueConvertible {}

/// One agent as stored, with the queues they serve.
public struct AgentRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// Table name.
    public static let databaseTableName = "agents"

    /// Short id the agent types, e.g. `alice` or `1001`.
    public var id: String
    /// Display name.
    public var name: String
    /// What the agent is doing.
    public var state: AgentState
    /// When `state` last changed.
    public var stateSince: Date
    /// When the agent was added.
    public var createdAt: Date
    /// When the agent last logged in (nil while never logged in).
    public var loggedInAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, name, state
        case stateSince = "state_since"
        case createdAt = "created_at"
        case loggedInAt = "logged_in_at"
    }
}

/// One skill: a queue an agent serves and how much they prefer it (1 = first choice).
public struct AgentSkill: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// Table name.
    public static let databaseTableName = "agent_skills"

    /// The agent.
    public var agentID: String
    /// The queue served.
    public var queue: String
    /// Preference: 1 is first choice, larger numbers are served after.
    public var level: Int

    enum CodingKeys: String, CodingKey {
        case agentID = "agent_id"
        case queue, level
    }

    /// Parses `orders:1,payments:2` (a queue without `:LEVEL` gets level 1).
    ///
    /// - Throws: `StoreError.invalidSkills` if a part cannot be read.
    public static func parse(_ text: String, agentID: String) throws -> [AgentSkill] {
        var skills: [AgentSkill] = []
        for part in text.split(separator: ",") {
            let pieces = part.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard let queue = pieces.first, !queue.isEmpty, pieces.count <= 2 else { throw StoreError.invalidSkills(text) }
            var level = 1
            if pieces.count == 2 {
                guard let parsed = Int(pieces[1]), parsed >= 1, parsed <= 99 else { throw StoreError.invalidSkills(text) }
                level = parsed
            }
            guard !skills.contains(where: { $0.queue == queue }) else { throw StoreError.invalidSkills(text) }
            skills.append(AgentSkill(agentID: agentID, queue: queue, level: level))
        }
        guard !skills.isEmpty else { throw StoreError.invalidSkills(text) }
        return skills
    }
}

/// An agent with their skills, as listed.
public struct AgentSummary: Codable, Sendable, Hashable {
    /// The agent.
    public var id: String
    /// Display name.
    public var name: String
    /// Current state.
    public var state: AgentState
    /// When the state last changed.
    public var stateSince: Date
    /// Queue name → level; empty means the agent serves every queue.
    public var skills: [String: Int]
    /// Callback the agent holds reserved, if any.
    public var reservedCallback: Int64?

    enum CodingKeys: String, CodingKey {
        case id, name, state, skills
        case stateSince = "state_since"
        case reservedCallback = "reserved_callback"
    }
}
