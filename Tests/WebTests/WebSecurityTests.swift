import CallQueue
import Foundation
import Storage
import Testing
@testable import Web

/// Security of the browser desk, through HTTP against a server on a free loopback port.
@Suite("Web security", .serialized)
struct WebSecurityTests {
    @Test func nothingWithoutASession() throws {
        let web = try WebHarness()
        defer { web.stop() }
        let api = try web.client.request("GET", "/api/wallboard")
        #expect(api.status == 401)
        #expect(!api.text.contains("queues"))
        let page = try web.client.request("GET", "/wallboard")
        #expect(page.status == 303)
        #expect(page.header("location") == "/login")
        for path in ["/api/desk", "/api/voicemail", "/api/prompts", "/api/reports", "/api/wallboard/events"] {
            #expect(try web.client.request("GET", path).status == 401, "\(path)")
        }
        let forged = try web.client.request("GET", "/api/wallboard", headers: ["Cookie": "ivr_session=" + String(repeating: "a", count: 64)])
        #expect(forged.status == 401)
    }

    @Test func supervisorGetsTheWallboard() throws {
        let web = try WebHarness()
        defer { web.stop() }
        try web.store.callerJoined(WaitingCaller(callID: "c1", queue: "orders", caller: "+441632960123",
                                                 joinedAt: Date().addingTimeInterval(-42)))
        let sue = try web.signIn("sue")
        let reply = try web.client.request("GET", "/api/wallboard", headers: sue.cookieOnly)
        #expect(reply.status == 200)
        let json = try #require(try reply.json() as? [String: Any])
        let queues = try #require(json["queues"] as? [[String: Any]])
        let orders = try #require(queues.first { $0["name"] as? String == "orders" })
        #expect(orders["waiting"] as? Int == 1)
        #expect((orders["longest_wait_s"] as? Double ?? 0) >= 41)
        #expect(orders["callbacks_due"] as? Int == 0)
        let agents = try #require(json["agents"] as? [[String: Any]])
        #expect(agents.map { $0["id"] as? String } == ["alice", "bob"])
        #expect(agents.allSatisfy { $0["state"] as? String == "logged-out" })
    }

    @Test func wrongRoleIsRefused() throws {
        let web = try WebHarness()
        defer { web.stop() }
        let alice = try web.signIn("alice"), sam = try web.signIn("sam"), sue = try web.signIn("sue")
        #expect(try web.client.request("GET", "/api/wallboard", headers: alice.cookieOnly).status == 403)
        #expect(try web.client.request("GET", "/api/reports", headers: alice.cookieOnly).status == 403)
        #expect(try web.client.request("GET", "/api/wallboard", headers: sam.cookieOnly).status == 403)
        #expect(try web.client.request("GET", "/api/desk", headers: sam.cookieOnly).status == 403)
        #expect(try web.client.request("GET", "/api/prompts", headers: alice.cookieOnly).status == 403)
        #expect(try web.client.request("GET", "/api/prompts", headers: sue.cookieOnly).status == 403)
        let take = try web.client.request("POST", "/api/prompts/greeting/take", headers: alice.headers, body: [1, 2, 3])
        #expect(take.status == 403)
        // An agent acts only as themselves; a supervisor may change any agent's state.
        let other = try web.client.request("POST", "/api/agents/bob/state", headers: alice.headers.merging(["Content-Type": "application/json"]) { $1 },
                                           body: Array(#"{"state":"ready"}"#.utf8))
        #expect(other.status == 403)
        #expect(try web.store.agent("bob").state == .loggedOut)
        let bySupervisor = try web.client.request("POST", "/api/agents/bob/state", headers: sue.headers, body: Array(#"{"state":"ready"}"#.utf8))
        #expect(bySupervisor.status == 200)
        #expect(try web.store.agent("bob").state == .available)
    }

    @Test func expiredAndEndedSessionsAreRefused() throws {
        let web = try WebHarness()
        defer { web.stop() }
        let token = String(repeating: "b", count: 64)
        try web.store.createWebSession(token: token, user: "sue", csrf: "x", now: Date().addingTimeInterval(-7200), lifetime: 3600)
        #expect(try web.client.request("GET", "/api/wallboard", headers: ["Cookie": "ivr_session=\(token)"]).status == 401)
        // Signing out ends the session on the server, not only in the browser.
        let sue = try web.signIn("sue")
        #expect(try web.client.request("GET", "/api/wallboard", headers: sue.cookieOnly).status == 200)
        let out = try web.client.request("POST", "/logout", headers: sue.cookieOnly.merging(["Content-Type": "application/x-www-form-urlencoded"]) { $1 },
                                         body: Array("csrf=\(sue.csrf)".utf8))
        #expect(out.status == 303)
        #expect(try web.client.request("GET", "/api/wallboard", headers: sue.cookieOnly).status == 401)
        // A password change or removal signs the user out too.
        let again = try web.signIn("sue")
        try web.store.removeWebUser("sue")
        #expect(try web.client.request("GET", "/api/wallboard", headers: again.cookieOnly).status == 401)
    }

    @Test func cookiesAreHttpOnlyStrictAndExpire() throws {
        let web = try WebHarness()
        defer { web.stop() }
        let reply = try web.postLogin("alice", password: WebHarness.password)
        let cookie = try #require(reply.headers("set-cookie").first { $0.hasPrefix("ivr_session=") })
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Strict"))
        #expect(cookie.contains("Max-Age=28800"))
    }

    @Test func changesWithoutTheCSRFTokenAreRefused() throws {
        let web = try WebHarness()
        defer { web.stop() }
        let alice = try web.signIn("alice")
        let bare = try web.client.request("POST", "/api/agents/alice/state", headers: alice.cookieOnly, body: Array(#"{"state":"ready"}"#.utf8))
        #expect(bare.status == 403)
        let wrong = try web.client.request("POST", "/api/agents/alice/state",
                                           headers: ["Cookie": "ivr_session=\(alice.cookie)", "X-CSRF-Token": (alice.csrf.first == "0" ? "1" : "0") + alice.csrf.dropFirst()],
                                           body: Array(#"{"state":"ready"}"#.utf8))
        #expect(wrong.status == 403)
        #expect(try web.store.agent("alice").state == .loggedOut)
        let right = try web.client.request("POST", "/api/agents/alice/state", headers: alice.headers, body: Array(#"{"state":"ready"}"#.utf8))
        #expect(right.status == 200)
        #expect(try web.store.agent("alice").state == .available)
        // The login form's own token: a POST without it does not sign in.
        let login = try web.postLogin("alice", password: WebHarness.password, withToken: false)
        #expect(login.status == 403)
        #expect(login.cookie("ivr_session") == nil)
        let voicemail = try web.addVoicemail(seconds: 1)
        let delete = try web.client.request("DELETE", "/api/voicemail/\(voicemail.id ?? 0)", headers: alice.cookieOnly)
        #expect(delete.status == 403)
        #expect(try web.store.voicemails().count == 1)
    }

    @Test func pathTricksAreRefused() throws {
        let web = try WebHarness()
        defer { web.stop() }
        let sue = try web.signIn("sue"), sam = try web.signIn("sam")
        for path in ["/api/voicemail/..%2F..%2Fstore.sqlite/audio", "/api/voicemail/-1/audio", "/api/voicemail/999/audio",
                     "/api/voicemail/1e3/download", "/assets/..%2F..%2F..%2Fetc%2Fpasswd", "/assets/%2Fetc%2Fpasswd",
                     "/../../etc/passwd"] {
            let reply = try web.client.request("GET", path, headers: sue.cookieOnly)
            #expect(reply.status == 404, "\(path) answered \(reply.status)")
            #expect(!reply.text.contains("root:"))
        }
        for name in ["..%2Fmanifest", "..", "Greeting", "%2Fetc%2Fpasswd", ".backup"] {
            let reply = try web.client.request("GET", "/api/prompts/\(name)/audio", headers: sam.cookieOnly)
            #expect(reply.status == 400 || reply.status == 404, "\(name) answered \(reply.status)")
            let take = try web.client.request("POST", "/api/prompts/\(name)/take", headers: sam.headers, body: [0, 1])
            #expect(take.status == 400 || take.status == 404, "\(name) answered \(take.status)")
        }
        // A voicemail row whose file was swapped for a symbolic link is not served.
        let message = try web.addVoicemail(seconds: 0.5)
        let file = web.store.recordingURL(of: message)
        try FileManager.default.removeItem(at: file)
        try FileManager.default.createSymbolicLink(at: file, withDestinationURL: web.store.directory.databaseURL)
        let linked = try web.client.request("GET", "/api/voicemail/\(message.id ?? 0)/audio", headers: sue.cookieOnly)
        #expect(linked.status != 200)
        #expect(!linked.text.contains("SQLite"))
    }

    @Test func oversizedUploadIsRefused() throws {
        let web = try WebHarness(arguments: ["--max-upload-mib", "1"])
        defer { web.stop() }
        let sam = try web.signIn("sam")
        let big = [UInt8](repeating: 7, count: (1 << 20) + 1)
        let reply = try web.client.request("POST", "/api/prompts/greeting/take", headers: sam.headers, body: big)
        #expect(reply.status == 413)
        #expect(!FileManager.default.fileExists(atPath: web.prompts.path(for: PromptNameForTests.greeting)))
        let json = try #require(try reply.json() as? [String: String])
        #expect(json["error"]?.contains("larger") == true)
    }

    @Test func signInAttemptsAreRateLimited() throws {
        let web = try WebHarness()
        defer { web.stop() }
        for _ in 0..<5 { #expect(try web.postLogin("sue", password: "wrong-password").status == 401) }
        let blocked = try web.postLogin("sue", password: WebHarness.password)
        #expect(blocked.status == 429)
        #expect(blocked.cookie("ivr_session") == nil)
        #expect(Int(blocked.header("retry-after") ?? "") ?? 0 > 0)
    }

    @Test func errorsAreJSONOrAPageNeverATrace() throws {
        let web = try WebHarness()
        defer { web.stop() }
        let alice = try web.signIn("alice")
        let garbage = try web.client.request("POST", "/api/desk/next", headers: alice.headers, body: Array("{not json".utf8))
        #expect(garbage.status == 400)
        #expect((try garbage.json() as? [String: String])?["error"] != nil)
        let missing = try web.client.request("GET", "/no/such/page", headers: alice.cookieOnly)
        #expect(missing.status == 404)
        #expect(missing.header("content-type")?.hasPrefix("text/html") == true)
        let refused = try web.client.request("POST", "/api/callbacks/12345/outcome", headers: alice.headers,
                                             body: Array(#"{"outcome":"reached"}"#.utf8))
        #expect(refused.status == 404)
        #expect(!refused.text.contains(".swift"))
    }

    @Test func listeningBeyondLoopbackWarns() throws {
        var settings = WebSettings(data: DataDirectory(url: URL(fileURLWithPath: "/tmp/x")), prompts: .init(folder: "/tmp/p"))
        #expect(settings.warnings.isEmpty)
        settings.listen = ListenAddress(host: "0.0.0.0", port: 8080)
        #expect(settings.warnings.joined().contains("WITHOUT TLS"))
        #expect(try ListenAddress.parse("127.0.0.1:8080").get() == .standard)
        #expect(try ListenAddress.parse(":9000").get() == ListenAddress(host: "127.0.0.1", port: 9000))
        #expect((try? ListenAddress.parse("8080").get()) == nil)
        #expect((try? ListenAddress.parse("host:99999").get()) == nil)
    }
}

import SoundIO
enum PromptNameForTests {
    static let greeting = PromptName("greeting")!
}
