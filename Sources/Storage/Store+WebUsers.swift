import Foundation
import GRDB

extension Store {
    /// Adds a browser-desk user. An `agent` user must name an agent the store knows; other
    /// roles must not. `passwordHash` is a bcrypt hash made by the caller (never a password).
    ///
    /// - Throws: `WebUserError`, `StoreError.unknownAgent`; nothing changes.
    @discardableResult
    public func addWebUser(name: String, role: WebRole, agentID: String?, passwordHash: String,
                           now: Date) throws -> WebUserRecord {
        try Self.validateUserName(name)
        try Self.checkAgentLink(role: role, agentID: agentID)
        try Self.checkStorable(now, "the time")
        return try write { db, _ in
            guard try WebUserRecord.fetchOne(db, key: name) == nil else { throw WebUserError.duplicateUser(name) }
            if let agentID, try AgentRecord.fetchOne(db, key: agentID) == nil { throw StoreError.unknownAgent(agentID) }
            let user = WebUserRecord(name: name, role: role, agentID: agentID, passwordHash: passwordHash, createdAt: now)
            try user.insert(db)
            return user
        }
    }

    /// Every browser-desk user, by name.
    public func webUsers() throws -> [WebUserRecord] {
        try read { db in try WebUserRecord.order(Column("name")).fetchAll(db) }
    }

    /// One user, or `WebUserError.unknownUser`.
    public func webUser(_ name: String) throws -> WebUserRecord {
        try read { db in
            guard let user = try WebUserRecord.fetchOne(db, key: name) else { throw WebUserError.unknownUser(name) }
            return user
        }
    }

    /// Replaces a user's password hash and signs out their sessions.
    public func setWebUserPassword(_ name: String, passwordHash: String) throws {
        try write { db, _ in
            guard var user = try WebUserRecord.fetchOne(db, key: name) else { throw WebUserError.unknownUser(name) }
            user.passwordHash = passwordHash
            try user.update(db)
            try WebSessionRecord.filter(Column("user_name") == name).deleteAll(db)
        }
    }

    /// Changes a user's role (and agent link: required for `agent`, dropped otherwise) and
    /// signs out their sessions.
    @discardableResult
    public func setWebUserRole(_ name: String, role: WebRole, agentID: String?) throws -> WebUserRecord {
        try write { db, _ in
            guard var user = try WebUserRecord.fetchOne(db, key: name) else { throw WebUserError.unknownUser(name) }
            let link = role == .agent ? (agentID ?? user.agentID) : nil
            try Self.checkAgentLink(role: role, agentID: link)
            if let link, try AgentRecord.fetchOne(db, key: link) == nil { throw StoreError.unknownAgent(link) }
            user.role = role
            user.agentID = link
            try user.update(db)
            try WebSessionRecord.filter(Column("user_name") == name).deleteAll(db)
            return user
        }
    }

    /// Removes a user and their sessions.
    public func removeWebUser(_ name: String) throws {
        try write { db, _ in
            guard try WebUserRecord.deleteOne(db, key: name) else { throw WebUserError.unknownUser(name) }
        }
    }

    static func validateUserName(_ name: String) throws {
        let letterOrDigit: (Unicode.Scalar) -> Bool = {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        }
        let allowed = name.unicodeScalars.allSatisfy { letterOrDigit($0) || "._-".unicodeScalars.contains($0) }
        guard let first = name.unicodeScalars.first, letterOrDigit(first), name.count <= 32, allowed else {
            throw WebUserError.invalidName(name)
        }
    }

    static func checkAgentLink(role: WebRole, agentID: String?) throws {
        if role == .agent && agentID == nil {
            throw WebUserError.agentLink("an agent user works as an agent: add --agent ID (see 'ivr agent list')")
        }
        if role != .agent && agentID != nil {
            throw WebUserError.agentLink("only agent users are linked to an agent; leave out --agent for role \(role.rawValue)")
        }
    }
}
