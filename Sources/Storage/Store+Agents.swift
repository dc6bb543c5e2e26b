import CallQueue
import Foundation
import GRDB

extension Store {
    /// Adds an agent, logged out, serving the queues in `skills` (empty: every queue).
    ///
    /// - Throws: `StoreError.invalidAgentID`, `.duplicateAgent`, `.unknownQueue`; nothing changes.
    @discardableResult
    public func addAgent(id: String, name: String, skills: [AgentSkill], now: Date) throws -> AgentSummary {
        try Self.validateAgentID(id)
        try Self.validateText(name, field: "--name", maxLength: 64, allowEmpty: false)
        try Self.checkStorable(now, "the time")
        return try write { db, _ in
            guard try AgentRecord.fetchOne(db, key: id) == nil else { throw StoreError.duplicateAgent(id) }
            for skill in skills { _ = try Self.queue(named: skill.queue, in: db) }
            try AgentRecord(id: id, name: name, state: .loggedOut, stateSince: now, createdAt: now, loggedInAt: nil).insert(db)
            for skill in skills {
                try AgentSkill(agentID: id, queue: skill.queue, level: skill.level).insert(db)
            }
            return try Self.summary(of: id, in: db)
        }
    }

    /// Changes an agent's state and logs it (`AGENTLOGIN`, `AGENTLOGOFF`, `PAUSE`, `UNPAUSE`).
    ///
    /// Logging out or going on break while holding a callback reservation gives it back
    /// to the pool. Setting the state it already has changes nothing and logs nothing. `reason` is the
    /// PAUSE reason logged for a break (default `break`; e.g. `lunch`, `training`).
    /// - Throws: `StoreError.unknownAgent`, `.invalidText` for a reason with `|` or control characters.
    @discardableResult
    public func setAgentState(_ id: String, to state: AgentState, reason: String = "break", now: Date) throws -> AgentSummary {
        try Self.checkStorable(now, "the time")
        try Self.validateText(reason, field: "reason", maxLength: 32, allowEmpty: false)
        guard !reason.contains("|") else {
            throw StoreError.invalidText("reason", "holds '|', which queue_log uses between fields")
        }
        return try write { db, log in
            guard var agent = try AgentRecord.fetchOne(db, key: id) else { throw StoreError.unknownAgent(id) }
            let previous = agent.state
            guard previous != state else { return try Self.summary(of: id, in: db) }
            if state == .available {
                // Lapsed reservations go back first; one still held must be finished, not skipped.
                try Self.releaseExpiredReservations(now: now, in: db, events: &log)
                if let held = try CallbackRecord.filter(Column("status") == CallbackStatus.reserved.rawValue)
                    .filter(Column("reserved_by") == id).fetchOne(db), let number = held.id {
                    throw StoreError.agentHoldsCallback(id, number)
                }
                agent = try AgentRecord.fetchOne(db, key: id) ?? agent
                guard agent.state != state else { return try Self.summary(of: id, in: db) }
            }
            let fromState = agent.state
            let loggedInFor = agent.loggedInAt.map { max(0, now.timeIntervalSince($0)) } ?? 0
            agent.state = state
            agent.stateSince = now
            if fromState == .loggedOut { agent.loggedInAt = now }
            try agent.update(db)
            if state == .loggedOut || state == .onBreak {
                try Self.releaseReservations(of: id, now: now, in: db, events: &log)
            }
            try Self.recordStateChange(agent: id, from: fromState, to: state, at: now, loggedInFor: loggedInFor,
                                       reason: reason, in: db, events: &log)
            return try Self.summary(of: id, in: db)
        }
    }

    /// Every agent with skills and any reserved callback, by id, after returning reservations
    /// that have lapsed by `now` to the pool (so an agent whose callback timed out shows free).
    public func agents(now: Date) throws -> [AgentSummary] {
        try releaseExpiredReservations(now: now)
        return try agents()
    }

    /// Every agent with skills and any reserved callback, by id.
    public func agents() throws -> [AgentSummary] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT id FROM agents ORDER BY id").map { try Self.summary(of: $0, in: db) }
        }
    }

    /// One agent, or `StoreError.unknownAgent`.
    public func agent(_ id: String) throws -> AgentSummary {
        try read { db in try Self.summary(of: id, in: db) }
    }

    static func summary(of id: String, in db: Database) throws -> AgentSummary {
        guard let agent = try AgentRecord.fetchOne(db, key: id) else { throw StoreError.unknownAgent(id) }
        let skills = try AgentSkill.filter(Column("agent_id") == id).fetchAll(db)
        let reserved = try Int64.fetchOne(db, sql: """
            SELECT id FROM callbacks WHERE status = 'reserved' AND reserved_by = ? ORDER BY id LIMIT 1
            """, arguments: [id])
        return AgentSummary(id: agent.id, name: agent.name, state: agent.state, stateSince: agent.stateSince,
                            skills: Dictionary(uniqueKeysWithValues: skills.map { ($0.queue, $0.level) }),
                            reservedCallback: reserved)
    }

    /// Refuses free text a table or the notes could not show on one line: control characters
    /// (newlines, tabs, escapes), more than `maxLength` characters, or (unless allowed) nothing.
    static func validateText(_ text: String, field: String, maxLength: Int, allowEmpty: Bool = true) throws {
        if !allowEmpty && text.trimmingCharacters(in: .whitespaces).isEmpty {
            throw StoreError.invalidText(field, "is empty; write some text, e.g. --name \"Alice Smith\"")
        }
        if text.count > maxLength {
            throw StoreError.invalidText(field, "is \(text.count) characters long; keep it to \(maxLength)")
        }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw StoreError.invalidText(field, "holds a control character (a newline, tab or escape); write it on one line")
        }
    }

    static func validateAgentID(_ id: String) throws {
        let letterOrDigit: (Unicode.Scalar) -> Bool = {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        }
        let allowed = id.unicodeScalars.allSatisfy { letterOrDigit($0) || "._-".unicodeScalars.contains($0) }
        guard let first = id.unicodeScalars.first, letterOrDigit(first), id.count <= 32, allowed,
              !AgentConfig.isReserved(id) else {
            throw StoreError.invalidAgentID(id)
        }
    }

    /// Changes an agent's display name and/or skills (`skills` replaces them all; empty: every
    /// queue). The agent's state and any callback they hold are kept.
    ///
    /// - Throws: `StoreError.unknownAgent`, `.unknownQueue`, `.invalidText`; nothing changes.
    @discardableResult
    public func updateAgent(id: String, name: String?, skills: [AgentSkill]?) throws -> AgentSummary {
        if let name { try Self.validateText(name, field: "--name", maxLength: 64, allowEmpty: false) }
        return try write { db, _ in
            guard var agent = try AgentRecord.fetchOne(db, key: id) else { throw StoreError.unknownAgent(id) }
            if let name {
                agent.name = name
                try agent.update(db)
            }
            if let skills {
                for skill in skills { _ = try Self.queue(named: skill.queue, in: db) }
                try AgentSkill.filter(Column("agent_id") == id).deleteAll(db)
                for skill in skills { try AgentSkill(agentID: id, queue: skill.queue, level: skill.level).insert(db) }
            }
            return try Self.summary(of: id, in: db)
        }
    }

    /// Removes a logged-out agent and their skills. Their past work (attempts, call records,
    /// queue_log lines) keeps their id.
    ///
    /// - Throws: `StoreError.unknownAgent`, `.agentStillWorking` when not logged out; nothing changes.
    public func removeAgent(id: String) throws {
        try write { db, _ in
            guard let agent = try AgentRecord.fetchOne(db, key: id) else { throw StoreError.unknownAgent(id) }
            guard agent.state == .loggedOut else { throw StoreError.agentStillWorking(id, agent.state.rawValue) }
            try AgentSkill.filter(Column("agent_id") == id).deleteAll(db)
            _ = try AgentRecord.deleteOne(db, key: id)
        }
    }

    /// Records the queue events of a state change: `AGENTLOGIN`, `AGENTLOGOFF` (with the
    /// seconds logged in), `PAUSE` (reason `break`), `UNPAUSE`.
    static func recordStateChange(agent: String, from old: AgentState, to new: AgentState, at time: Date,
                                  loggedInFor: Double, reason: String = "break", in db: Database,
                                  events: inout StoreEventBuffer) throws {
        if old == .loggedOut { try events.record(at: time, in: db) { .agentLogin(agent: $0.agent(agent)) } }
        if old == .onBreak && new != .loggedOut { try events.record(at: time, in: db) { .unpause(agent: $0.agent(agent)) } }
        if new == .onBreak { try events.record(at: time, in: db) { .pause(agent: $0.agent(agent), reason: reason) } }
        if new == .loggedOut {
            try events.record(at: time, in: db) { .agentLogoff(agent: $0.agent(agent), loggedInFor: loggedInFor) }
        }
    }
}
