import Foundation
import GRDB

/// A live browser session: who, and the CSRF token their pages must send back.
public struct WebSession: Sendable, Hashable {
    /// The signed-in user.
    public var user: WebUserRecord
    /// The session's CSRF token.
    public var csrf: String
    /// When it stops working.
    public var expiresAt: Date
}

extension Store {
    /// Records a new session  and drops expired ones.
    public func createWebSession(token: String, user: String, csrf: String, now: Date, lifetime: TimeInterval) throws {
        try Self.checkStorable(now, "the time")
        try write { db, _ in
            try WebSessionRecord.filter(Column("expires_at") <= now).deleteAll(db)
            guard try WebUserRecord.fetchOne(db, key: user) != nil else { throw WebUserError.unknownUser(user) }
            try WebSessionRecord(token: token, userName: user, csrf: csrf, createdAt: now,
                                 expiresAt: now.addingTimeInterval(lifetime)).insert(db)
        }
    }

    /// The session with this token if it exists and has not expired by `now`.
    public func webSession(token: String, now: Date) throws -> WebSession? {
        try read { db in
            guard let session = try WebSessionRecord.fetchOne(db, key: token), session.expiresAt > now,
                  let user = try WebUserRecord.fetchOne(db, key: session.userName) else { return nil }
            return WebSession(user: user, csrf: session.csrf, expiresAt: session.expiresAt)
        }
    }

    /// Ends a session (sign out). Unknown tokens are ignored.
    public func deleteWebSession(token: String) throws {
        try write { db, _ in _ = try WebSessionRecord.deleteOne(db, key: token) }
    }
}
