import Foundation
import GRDB
import Testing
@testable import Storage

/// Browser sessions: found by the cookie's token, but the token itself is never in the database.
struct StoreWebSessionsTests {
    @Test func theStoreKeepsOnlyAHashOfTheToken() throws {
        let store = try TestDataDirectory().open()
        try store.addWebUser(name: "sue", role: .supervisor, agentID: nil, passwordHash: "x", now: TestTime.tuesday10)
        let token = "k3PqL0vR8wX2yZ5aB7cD9eF1gH4jK6mN8pQ0rS2tU4v"
        try store.createWebSession(token: token, user: "sue", csrf: "c", now: TestTime.tuesday10, lifetime: 3600)
        let stored = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT token FROM web_sessions") }
        #expect(stored.count == 1)
        #expect(stored.first != token)
        #expect(stored.first?.count == 64, "SHA-256 in hex")
        let dump = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT token || user_name || csrf FROM web_sessions").joined()
        }
        #expect(!dump.contains(token))

        #expect(try store.webSession(token: token, now: TestTime.tuesday10)?.user.name == "sue")
        #expect(try store.webSession(token: stored[0], now: TestTime.tuesday10) == nil, "the stored hash is no key")
        try store.deleteWebSession(token: token)
        #expect(try store.webSession(token: token, now: TestTime.tuesday10) == nil)
    }
}
