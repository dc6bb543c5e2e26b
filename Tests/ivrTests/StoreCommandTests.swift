import Foundation
import Testing

/// End-to-end tests of the agent, callback, queue and voicemail commands through the built `ivr`.
@Suite struct StoreCommandTests {
    /// Tuesday 24 November 2026, 10:00 UTC: every default queue is open.
    static let at = "2026-11-24T10:00:00Z"

    /// A fresh data directory.
    static func dataDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ivr-e2e-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `ivr` with `--data` and `--at` appended.
    static func ivr(_ data: URL, _ arguments: String...) throws -> IvrBinary.Result {
        try IvrBinary.run(arguments + ["--data", data.path, "--at", at])
    }

    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func agentsAndCallbacksOutOfTheBox() throws {
        let data = Self.dataDirectory()
        var result = try Self.ivr(data, "agent", "add", "alice", "--name", "Alice", "--skills", "orders:1,payments:2")
        #expect(result.status == 0)
        #expect(result.stdout == "added agent alice (Alice), logged-out, serves orders:1, payments:2\n")
        #expect(try Self.ivr(data, "agent", "login", "alice").stdout == "alice: logged-out → available\n")
        result = try Self.ivr(data, "callback", "request", "020 7946 0018", "--queue", "orders", "--topic", "late parcel")
        #expect(result.stdout == "callback 1 for +442079460018 in orders, due 2026-11-24T10:00:00Z\n")
        result = try Self.ivr(data, "callback", "request", "+44 20 7946 0018", "--queue", "returns")
        #expect(result.stdout.hasPrefix("merged with callback 1 for +442079460018 (orders)"))
        result = try Self.ivr(data, "callback", "next", "--agent", "alice", "--json")
        #expect(result.status == 0)
        let object = try #require(try Self.json(result.stdout) as? [String: Any])
        #expect(object["id"] as? Int == 1)
        #expect(object["number"] as? String == "+442079460018")
        #expect(object["queue"] as? String == "orders")
        #expect(object["due"] as? String == "2026-11-24T10:00:00Z")
        #expect(object["attempts"] as? Int == 0)
        result = try Self.ivr(data, "callback", "done", "1", "--outcome", "busy", "--note", "engaged tone")
        #expect(result.stdout == "callback 1: busy (attempt 1 of 3); next attempt due 2026-11-24T10:10:00Z\n")
        result = try Self.ivr(data, "callback", "show", "1")
        #expect(result.stdout.contains("2026-11-24T10:00:00Z  busy  alice  engaged tone"))
        result = try Self.ivr(data, "callback", "next", "--agent", "alice")
        #expect(result.status == 3)
        #expect(result.stdout.isEmpty)
        result = try Self.ivr(data, "queue", "status", "--json")
        let queues = try #require(try Self.json(result.stdout) as? [[String: Any]])
        let orders = try #require(queues.first { $0["queue"] as? String == "orders" })
        #expect(orders["callbacks_scheduled"] as? Int == 1)
        #expect((orders["agents"] as? [String: Int])?["available"] == 1)
        let log = try String(contentsOf: data.appendingPathComponent("queue_log"), encoding: .utf8)
        #expect(log.contains("|NONE|NONE|alice|AGENTLOGIN|Agent/alice\n"))
        #expect(log.contains("|callback-1|orders|alice|CALLBACKOUTCOME|busy|1|"))
    }

    @Test func badInputIsRefusedWithExitTwoAndChangesNothing() throws {
        let data = Self.dataDirectory()
        _ = try Self.ivr(data, "agent", "add", "alice", "--name", "Alice")
        let cases: [([String], String)] = [
            (["agent", "login", "zed"], "no agent 'zed'"),
            (["agent", "add", "bob", "--name", "Bob", "--skills", "shoes:1"], "valid queues: general, orders, payments, returns"),
            (["callback", "request", "020 7946 0018", "020 7946 00x9"], "'x' is not allowed"),
            (["callback", "request", "020 7946 0018", "--queue", "shoes"], "no queue 'shoes'"),
            (["callback", "done", "1", "--outcome", "sorted"], "valid outcomes: reached, no-answer, busy, wrong-number, cancelled"),
            (["callback", "next", "--agent", "alice"], "is logged-out and cannot take callbacks"),
            (["voicemail", "mark", "1", "listened"], "valid: new, heard, called-back"),
            (["voicemail", "mark", "1", "heard"], "no voicemail 1"),
            (["agent", "add", "bob", "--name", "Bob\nJones"], "--name holds a control character"),
            (["agent", "add", "bob", "--name", " "], "--name is empty"),
            (["callback", "request", "020 7946 0018", "--topic", String(repeating: "x", count: 201)], "keep it to 200"),
            (["queue", "set", "orders", "--max-attempts", "0"], "--max-attempts 0 is out of range"),
            (["queue", "set", "orders", "--retry-delay=-5"], "--retry-delay -5 is out of range"),
            (["queue", "set", "orders", "--time-zone", "Mars/Base"], "unknown time zone 'Mars/Base'"),
        ]
        for (arguments, message) in cases {
            let result = try IvrBinary.run(arguments + ["--data", data.path, "--at", Self.at])
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(arguments)")
        }
        #expect(try Self.ivr(data, "callback", "list").stdout == "no callbacks\n")
        let agents = try #require(try Self.json(try Self.ivr(data, "agent", "list", "--json").stdout) as? [[String: Any]])
        #expect(agents.map { $0["id"] as? String } == ["alice"])
        #expect(agents.first?["state"] as? String == "logged-out")
        let shown = try Self.ivr(data, "queue", "set", "orders")
        #expect(shown.stdout.contains("(Europe/London); callbacks: first after 0s, 3 attempts, retry after 10m00s"))
    }

    @Test func anEmptyDataOptionIsRefusedNotReadAsTheDefault() throws {
        let cwd = Self.dataDirectory()
        let result = try IvrBinary.run(["agent", "add", "alice", "--name", "Alice", "--data", ""], in: cwd)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--data is empty"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cwd.appendingPathComponent("data").path))
    }

    @Test func voicemailCheckReportsOrphans() throws {
        let data = Self.dataDirectory()
        #expect(try Self.ivr(data, "voicemail", "check").stdout == "voicemail index and files agree\n")
        try Data(count: 44 + 8000).write(to: data.appendingPathComponent("voicemail/20261124-100000-0000abcd.wav"))
        var result = try Self.ivr(data, "voicemail", "check")
        #expect(result.status == 4)
        #expect(result.stdout == "file without index row: voicemail/20261124-100000-0000abcd.wav\n")
        result = try Self.ivr(data, "voicemail", "list")
        #expect(result.stderr.contains("1 unindexed file(s)"))
        result = try Self.ivr(data, "voicemail", "check", "--repair")
        #expect(result.status == 0)
        result = try Self.ivr(data, "voicemail", "list", "--json")
        let list = try #require(try Self.json(result.stdout) as? [[String: Any]])
        #expect(list.first?["duration"] as? Double == 0.5)
        let out = data.appendingPathComponent("copy.wav")
        #expect(try Self.ivr(data, "voicemail", "export", "1", "-o", out.path).status == 0)
        #expect(try Self.ivr(data, "voicemail", "export", "1", "-o", out.path).status == 2)
        #expect(try Self.ivr(data, "voicemail", "mark", "1", "called-back").stdout == "voicemail 1: called-back\n")
        #expect(try Self.ivr(data, "voicemail", "delete", "1").status == 0)
        #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("voicemail/20261124-100000-0000abcd.wav").path))
        #expect(try Self.ivr(data, "voicemail", "check").status == 0)
    }
}
