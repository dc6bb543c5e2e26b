import Foundation
import Testing

/// `ivr queue set` reaches a running `ivr serve`: an owner switches the live queue to ring-all
/// with one command, and two stations ring for one caller; the first to answer takes the call.
@Suite("ivr serve follows queue settings", .serialized)
struct ServeQueueSettingsTests {
    /// A server with agents alice (station `st1`) and bob (station `st2`), both ringing until answered.
    final class TwoStations {
        let line: LiveCallCommandTests.Line
        let process = Process()
        let out = Pipe()
        var data: String { line.path("data") }

        init() throws {
            line = try LiveCallCommandTests.Line()
            let silence = [Int16](repeating: 0, count: 8000 * 60)
            try LiveCallCommandTests.writeRaw(silence, to: line.path("capture.raw"))
            var rc = try String(contentsOfFile: line.path(".asoundrc"), encoding: .utf8)
            for station in ["st1", "st2"] {
                try LiveCallCommandTests.writeRaw(silence, to: line.path("\(station)-capture.raw"))
                rc += """
                    pcm.\(station) { type plug slave { format S16_LE rate 8000 channels 1 pcm { type file slave.pcm "null" format "raw" file "\(line.path("\(station)-playback.raw"))" infile "\(line.path("\(station)-capture.raw"))" } } }

                    """
            }
            try rc.write(toFile: line.path(".asoundrc"), atomically: true, encoding: .utf8)
            try """
                name: queue-only
                start: wait
                steps:
                  wait:
                    queue: general
                    music: default
                    max_wait: 10m
                    on_timeout: bye
                  bye:
                    hangup: true
                """.write(toFile: line.path("queue.yaml"), atomically: true, encoding: .utf8)
            try """
                flow: queue.yaml
                data: data
                prompts: \(LiveCallCommandTests.root.appendingPathComponent("prompts").path)
                lines:
                  line1: {playback: play, capture: cap}
                agents:
                  alice: {station: st1, auto_answer: false}
                  bob: {station: st2, auto_answer: false}
                """.write(toFile: line.path("serve.yaml"), atomically: true, encoding: .utf8)
            for (id, name) in [("alice", "Alice"), ("bob", "Bob")] {
                let add = try IvrBinary.run(["agent", "add", id, "--name", name, "--skills", "general:1", "--data", data])
                #expect(add.status == 0, "\(add.stderr)")
                #expect(try IvrBinary.run(["agent", "login", id, "--data", data]).status == 0)
            }
            process.executableURL = IvrBinary.url
            process.arguments = ["serve", line.path("serve.yaml")]
            var environment = ProcessInfo.processInfo.environment
            environment["HOME"] = line.home.path
            process.environment = environment
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(30)
            while !FileManager.default.fileExists(atPath: data + "/control.sock") && Date() < deadline { usleep(10_000) }
        }

        deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        func ivr(_ arguments: [String]) throws -> IvrBinary.Result { try IvrBinary.run(arguments + ["--data", data]) }

        /// Polls `ivr line status` until a line is `text` or starts with it and a space (false after 15 s).
        func waitFor(_ text: String) throws -> Bool {
            let deadline = Date().addingTimeInterval(15)
            while Date() < deadline {
                if try ivr(["line", "status"]).stdout.split(separator: "\n").contains(where: { $0 == text || $0.hasPrefix(text + " ") }) { return true }
                usleep(50_000)
            }
            return false
        }

        /// Stops the server; its log.
        func stop() -> String {
            kill(process.processIdentifier, SIGINT)
            process.waitUntilExit()
            return String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
    }

    @Test func ringAllSetWhileServingRingsBothStationsAndTheFirstAnswerWins() throws {
        let server = try TwoStations()
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
        #expect(server.process.terminationStatus == 0)
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
