import Foundation
import GRDB

/// What a browser-desk user may do.
public enum WebRole: String, Sendable, Codable, CaseIterable, DatabaseValueConvertible {
    /// Works their own callbacks and voicemail from the agent desk; linked to one agent id.
    case agent
    /// Sees every queue and agent (wallboard, reports, inbox) and can change any agent's state.
    case supervisor
    /// Manages the prompt library (prompt studio).
    case staff
}

/// One browser-desk user as stored: the password only as a bcrypt hash.
public struct WebUserRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// Table name.
    public static let databaseTableName = "web_users"

    /// Sign-in name.
    public var name: String
    /// Role.
    public var role: WebRole
    /// The agent this user works as (role `agent` only).
    public var agentID: String?
    /// bcrypt hash of the password (never the password).
    public var passwordHash: String
    /// When the user was added.
    public var createdAt: Date

    /// A user row.
    public init(name: String, role: WebRole, agentID: String?, passwordHash: String, createdAt: Date) {
        self.name = name
        self.role = role
        self.agentID = agentID
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case name, role
        case agentID = "agent_id"
        case passwordHash = "password_hash"
        case createdAt = "created_at"
    }
}

/// One signed-in browser session: the token is the cookie's value.
public struct WebSessionRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// Table name.
    public static let databaseTableName = "web_sessions"

    /// The cookie's random token (256 bits; like Hummingbird's own session storage, kept as is).
    public var token: String
    /// The user.
    public var userName: String
    /// The session's CSRF token (sent back by pages in a header or form field).
    public var csrf: String
    /// When the user signed in.
    public var createdAt: Date
    /// When the session stops working.
    public var expiresAt: Date

    /// A session row.
    public init(token: String, userName: String, csrf: String, createdAt: Date, expiresAt: Date) {
        self.token = token
        self.userName = userName
        self.csrf = csrf
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    enum CodingKeys: String, CodingKey {
        case csrf, token
        case userName = "user_name"
        case createdAt = "created_at"
        case expiresAt = "expires_at"
    }
}
