/// One skill of an agent: a queue served, with a level (1 = preferred).
public struct Skill: Sendable, Hashable {
    /// Queue name.
    public var queue: String
    /// Preference level, 1 best; higher levels are reached later under the
    /// `.skills` strategy (FreeSWITCH tier level, Asterisk penalty + 1).
    public var level: Int

    /// Creates a skill.
    public init(queue: String, level: Int = 1) {
        self.queue = queue
        self.level = level
    }

    /// Parses `orders:1,payments:2` (a missing level means 1); `nil` when a
    /// level is not a positive integer or a queue name is empty.
    public static func parseList(_ text: String) -> [Skill]? {
        var skills: [Skill] = []
        for item in text.split(separator: ",") {
            let parts = item.split(separator: ":", omittingEmptySubsequences: false)
            let name = parts[0].trimmingSpaces()
            guard !name.isEmpty, parts.count <= 2 else { return nil }
            var level = 1
            if parts.count == 2 {
                guard let l = Int(parts[1].trimmingSpaces()), l >= 1 else { return nil }
                level = l
            }
            skills.append(Skill(queue: String(name), level: level))
        }
        return skills
    }
}

/// The configuration of one agent.
public struct AgentConfig: Sendable, Hashable {
    /// Ids that mean something else where agent ids are written: `NONE` is "no agent" in
    /// `queue_log`. Compared without regard to case.
    public static let reservedIDs = ["NONE"]

    /// Whether `id` is one of ``reservedIDs`` (in any case).
    public static func isReserved(_ id: String) -> Bool {
        reservedIDs.contains(id.uppercased())
    }

    /// Unique id, e.g. `1001` or `alice`; printed in `queue_log` lines.
    public var id: String
    /// Display name.
    public var name: String
    /// Queues served, with levels. Member order in a queue is the order in
    /// which agents were added (used by `.linear` and `.roundRobin`).
    public var skills: [Skill]
    /// The agent's own wrap-up seconds, overriding the queue's; `nil` = queue's.
    public var wrapUp: Double?
    /// Offers not taken in a row before the agent is put on break; 0 = never.
    /// Default 3 (FreeSWITCH `max-no-answer`, whose default 0 disables it).
    public var maxNoAnswer: Int
    /// Whether the agent can take live callers (has a station: a headset, a
    /// line). Agents without one work callbacks only. Default `true`.
    public var hasStation: Bool

    /// Creates an agent configuration.
    public init(id: String, name: String? = nil, skills: [Skill], wrapUp: Double? = nil,
                maxNoAnswer: Int = 3, hasStation: Bool = true) {
        self.id = id
        self.name = name ?? id
        self.skills = skills
        self.wrapUp = wrapUp
        self.maxNoAnswer = maxNoAnswer
        self.hasStation = hasStation
    }
}
