import CallQueue
import Foundation
import Storage
import Testing
@testable import Web

/// The desk, inbox and reports through HTTP: the same store transactions as the terminal commands.
@Suite("Web desk", .serialized)
struct WebDeskTests {
    @Test func nextCallbackReservesInTheStoreAndOutcomesApplyTheRetryRules() throws {
        let web = try WebHarness()
        defer { web.stop() }
        let number = try PhoneNumber(parsing: "01632 960123")
        let request = try web.store.requestCallback(CallbackRequest(number: number, queue: "orders", topic: "delivery"), now: Date())
        let alice = try web.signIn("alice")
        let early = try web.client.request("POST", "/api/desk/next", headers: alice.headers, body: Array("{}".utf8))
        #expect(early.status == 409)  // logged out: the store refuses, as `ivr callback next` does
        _ = try web.client.request("POST", "/api/agents/alice/state", headers: alice.headers, body: Array(#"{"state":"ready"}"#.utf8))
        let next = try web.client.request("POST", "/api/desk/next", headers: alice.headers, body: Array("{}".utf8))
        #expect(next.status == 200)
        let view = try #require(try next.json() as? [String: Any])
        let callback = try #require(view["callback"] as? [String: Any])
        #expect(callback["number_e164"] as? String == "+441632960123")
        #expect(callback["number_national"] as? String == "01632 960123")
        #expect(callback["topic"] as? String == "delivery")
        #expect(callback["tries"] as? Int == 0)
        let id = try #require(request.callback.id)
        #expect(try web.store.callback(id).reservedBy == "alice")
        // The terminal (another agent) cannot get the same callback.
        _ = try web.store.setAgentState("bob", to: .available, now: Date())
        #expect(try web.store.reserveNextCallback(agent: "bob", now: Date()) == nil)
        let busy = try web.client.request("POST", "/api/callbacks/\(id)/outcome", headers: alice.headers,
                                          body: Array(#"{"outcome":"busy"}"#.utf8))
        #expect(busy.status == 200)
        #expect((try busy.json() as? [String: Bool])?["retry_scheduled"] == true)
        let stored = try web.store.callback(id)
        #expect(stored.status == .pending)
        #expect(stored.attempts == 1)
        #expect(try web.store.agent("alice").state == .available)
    }

    @Test func breakReasonReachesTheQueueLog() throws {
        let web = try WebHarness()
        defer { web.stop() }
        let alice = try web.signIn("alice")
        _ = try web.client.request("POST", "/api/agents/alice/state", headers: alice.headers, body: Array(#"{"state":"ready"}"#.utf8))
        let pause = try web.client.request("POST", "/api/agents/alice/state", headers: alice.headers,
                                           body: Array(#"{"state":"break","reason":"lunch"}"#.utf8))
        #expect(pause.status == 200)
        #expect(try web.store.agent("alice").state == .onBreak)
        let log = try String(contentsOf: web.store.directory.queueLogURL, encoding: .utf8)
        #expect(log.contains("|alice|PAUSE|lunch"))
        let bad = try web.client.request("POST", "/api/agents/alice/state", headers: alice.headers,
                                         body: Array(#"{"state":"break","reason":"a|b"}"#.utf8))
        #expect(bad.status == 409)
    }

    @Test func voicemailIsStreamedWithRanges() throws {
        let web = try WebHarness()
        defer { web.stop() }
        let message = try web.addVoicemail(seconds: 1)
        let sue = try web.signIn("sue")
        let whole = try web.client.request("GET", "/api/voicemail/\(message.id ?? 0)/audio", headers: sue.cookieOnly)
        #expect(whole.status == 200)
        #expect(whole.body.count == 44 + 16000)
        #expect(whole.header("accept-ranges") == "bytes")
        var headers = sue.cookieOnly
        headers["Range"] = "bytes=100-199"
        let part = try web.client.request("GET", "/api/voicemail/\(message.id ?? 0)/audio", headers: headers)
        #expect(part.status == 206)
        #expect(part.header("content-range") == "bytes 100-199/16044")
        #expect(part.body == Array(whole.body[100..<200]))
        headers["Range"] = "bytes=-10"
        #expect(try web.client.request("GET", "/api/voicemail/\(message.id ?? 0)/audio", headers: headers).body == Array(whole.body.suffix(10)))
        headers["Range"] = "bytes=999999-"
        #expect(try web.client.request("GET", "/api/voicemail/\(message.id ?? 0)/audio", headers: headers).status == 416)
        // Inbox: new, then heard once marked.
        let list = try web.client.request("GET", "/api/voicemail?status=new", headers: sue.cookieOnly)
        #expect(((try list.json() as? [String: Any])?["messages"] as? [Any])?.count == 1)
        _ = try web.client.request("POST", "/api/voicemail/\(message.id ?? 0)/status", headers: sue.headers,
                                   body: Array(#"{"status":"heard"}"#.utf8))
        #expect(try web.store.voicemail(message.id ?? 0).status == .heard)
        let deleted = try web.client.request("DELETE", "/api/voicemail/\(message.id ?? 0)", headers: sue.headers)
        #expect(deleted.status == 200)
        #expect(try web.store.voicemails().isEmpty)
    }

    @Test func reportsCountTheQueueLogOfTheDay() throws {
        let web = try WebHarness(environment: ["TZ": "UTC"])
        defer { web.stop() }
        let day = 1_764_547_200  // 2025-12-01T00:00:00Z
        let lines = [
            "\(day + 3600)|c1|orders|NONE|ENTERQUEUE||+441632960123|1",
            "\(day + 3610)|c1|orders|alice|CONNECT|10|c1|2",
            "\(day + 3700)|c2|orders|NONE|ENTERQUEUE||+441632960124|1",
            "\(day + 3760)|c2|orders|NONE|ABANDON|1|1|60",
            "\(day + 3800)|c3|orders|NONE|ENTERQUEUE||+441632960125|1",
            "\(day + 3845)|c3|orders|bob|CONNECT|45|c3|2",
            "\(day + 90000)|c4|orders|NONE|ENTERQUEUE||+441632960126|1",
        ]
        try (lines.joined(separator: "\n") + "\n").write(to: web.store.directory.queueLogURL, atomically: true, encoding: .utf8)
        let sue = try web.signIn("sue")
        let reply = try web.client.request("GET", "/api/reports?day=2025-12-01", headers: sue.cookieOnly)
        let json = try #require(try reply.json() as? [String: Any])
        let orders = try #require((json["queues"] as? [[String: Any]])?.first { $0["queue"] as? String == "orders" })
        #expect(orders["offered"] as? Int == 3)
        #expect(orders["answered"] as? Int == 2)
        #expect(orders["abandoned"] as? Int == 1)
        #expect(abs((orders["sl"] as? Double ?? 0) - 1.0 / 3.0) < 1e-9)
        #expect(orders["asa"] as? Double == 27.5)
        let csv = try web.client.request("GET", "/api/reports/csv?day=2025-12-01", headers: sue.cookieOnly)
        #expect(csv.text.contains("orders,01:00,3,2,1,0.333,27.5"))
        #expect(csv.header("content-disposition")?.contains("queues-2025-12-01.csv") == true)
        let page = try web.client.request("GET", "/reports?day=2025-12-01", headers: sue.cookieOnly)
        #expect(page.text.contains("<svg"))
        #expect(try web.client.request("GET", "/api/reports?day=2025-13-45", headers: sue.cookieOnly).status == 400)
    }
}
