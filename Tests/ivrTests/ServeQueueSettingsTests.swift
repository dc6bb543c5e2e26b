import ChildProcesses
import Foundation
import Testing

/// `ivr queue set` reaches a running `ivr serve`: an owner switches the live queue to ring-all
/// with one command, and two stations ring for one caller; the first to answer takes the call.
@Suite("ivr serve follows queue settings", .serialized)
struct ServeQueueSettingsTests {
    /// A server with agents alice (station `st1`) and bob (station `st2`), both logged in and
    /// ringing until answered.
    static func twoStations() throws -> ServeFixture {
        try ServeFixture(stations: ["st1", "st2"], agents: "  alice: {station: st1, auto_answer: false}\n  bob: {station: st2, auto_answer: false}",
                         storeAgents: [("alice", "Alice"), ("bob", "Bob")], login: true)
    }

    @Test func ringAllSetWhileServingRingsBothStationsAndTheFirstAnswerWins() throws {
        let server = try Self.twoStations()
        #expect(try server.waitFor("agent alice available"))
        #expect(try server.waitFor("agent bob available"))
        let set = try server.ivr(["queue", "set", "general", "--strategy", "ring-all", "--wrap-up", "2s"])
        #expect(set.status == 0, "\(set.stderr)")
        usleep(1_500_000)                                    // more than one re-read of the store
        #expect(try server.ivr(["line", "ring", "line1", "+441632960123"]).status == 0)
        #expect(try server.waitFor("agent alice ringing call 1"), "ring-all: alice's station rings")
        #expect(try server.waitFor("agent bob ringing call 1"), "ring-all: bob's station rings too")
        let answer = try server.ivr(["line", "answer", "bob"])
        #expect(answer.stdout == "ok agent bob answered call 1\n", "\(answer.stderr)")
        #expect(try server.waitFor("agent bob on-call call 1"))
        #expect(try server.waitFor("agent alice available"), "alice stops ringing and is free again")
        let late = try server.ivr(["line", "answer", "alice"])
        #expect(late.stderr.contains("error agent alice is not ringing"), "\(late.stderr)")
        _ = try server.ivr(["line", "hangup", "line1"])
        let log = server.stop()
        #expect(server.process.termination == .exited(0))
        #expect(log.contains("queue general: settings changed (strategy ring-all, wrap-up 2 s"), "\(log)")
        #expect(log.contains("agent alice stops ringing: call 1 was answered by another agent"), "\(log)")
        let queueLog = try String(contentsOfFile: server.data + "/queue_log", encoding: .utf8)
        #expect(queueLog.contains("|general|bob|CONNECT|"), "\(queueLog)")
    }
}

/// `ivr queue set` and `ivr queue show` on the store.
@Suite struct QueueShowCommandTests {
    @Test func setThenShowPrintsOneJSONObject() throws {
        let data = StoreCommandTests.dataDirectory()
        let set = try StoreCommandTests.ivr(data, "queue", "set", "orders", "--strategy", "round-robin", "--wrap-up", "10s",
                                            "--max-wait", "15m", "--ring-timeout", "20", "--holidays", "2026-12-31,2026-12-24")
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("  strategy         round-robin\n"), "\(set.stdout)")
        let shown = try StoreCommandTests.ivr(data, "queue", "show", "orders", "--json")
        #expect(shown.status == 0, "\(shown.stderr)")
        let json = try #require(try StoreCommandTests.json(shown.stdout) as? [String: Any])
        #expect(json["name"] as? String == "orders")
        #expect(json["strategy"] as? String == "round-robin")
        #expect(json["wrap_up_s"] as? Double == 10)
        #expect(json["max_wait_s"] as? Double == 900)
        #expect(json["ring_timeout_s"] as? Double == 20)
        #expect(json["holidays"] as? [String] == ["2026-12-24", "2026-12-31"])
        #expect(json["title"] as? String == "Orders and delivery")
        let text = try StoreCommandTests.ivr(data, "queue", "show", "general")
        #expect(text.stdout.contains("  strategy         longest-idle\n"), "\(text.stdout)")
        #expect(text.stdout.contains("  holidays         2026-01-01, "), "the store's queues close on bank holidays: \(text.stdout)")
    }

    @Test(arguments: ["longest-idle", "round-robin", "fewest-calls", "least-talk-time", "linear", "random", "skills", "ring-all"])
    func everyDocumentedStrategyIsAccepted(_ strategy: String) throws {
        let data = StoreCommandTests.dataDirectory()
        let set = try StoreCommandTests.ivr(data, "queue", "set", "general", "--strategy", strategy)
        #expect(set.status == 0, "\(set.stderr)")
        let json = try #require(try StoreCommandTests.json(try StoreCommandTests.ivr(data, "queue", "show", "general", "--json").stdout) as? [String: Any])
        #expect(json["strategy"] as? String == strategy)
    }

    @Test func badSettingsAreRefusedWithExitTwo() throws {
        let data = StoreCommandTests.dataDirectory()
        let unknown = try StoreCommandTests.ivr(data, "queue", "set", "general", "--strategy", "ringall")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("ring-all"), "the valid names are listed: \(unknown.stderr)")
        let negative = try StoreCommandTests.ivr(data, "queue", "set", "general", "--wrap-up=-5s")
        #expect(negative.status == 2)
        #expect(negative.stderr.contains("wrap_up must be from 0s to 1h"), "\(negative.stderr)")
        let holiday = try StoreCommandTests.ivr(data, "queue", "set", "general", "--holidays", "25/12/2026")
        #expect(holiday.status == 2)
        #expect(holiday.stderr.contains("holiday '25/12/2026' is not a date"), "\(holiday.stderr)")
        let json = try #require(try StoreCommandTests.json(try StoreCommandTests.ivr(data, "queue", "show", "general", "--json").stdout) as? [String: Any])
        #expect(json["wrap_up_s"] as? Double == 0, "nothing changed")
    }
}
