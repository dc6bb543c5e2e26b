import Foundation
import Testing

/// `ivr serve` follows `ivr agent ...` run in other processes, and offers ring a station.
@Suite("ivr serve with agents", .serialized)
struct ServeAgentCommandTests {
    /// A line `line1` (play/cap), a station PCM `st` for alice, a flow that queues every caller in
    /// `general`, and a server started on them. `agents` is the config's agents: block.
    final class Server {
        let line: LiveCallCommandTests.Line
        let process = Process()
        let out = Pipe()
        var data: String { line.path("data") }

        init(agents: String, queues: String = "") throws {
            line = try LiveCallCommandTests.Line()
            let silence = [Int16](repeating: 0, count: 8000 * 60)
            try LiveCallCommandTests.writeRaw(silence, to: line.path("capture.raw"))
            try LiveCallCommandTests.writeRaw(silence, to: line.path("station-capture.raw"))
            let rc = try String(contentsOfFile: line.path(".asoundrc"), encoding: .utf8) + """
                pcm.st { type plug slave { format S16_LE rate 8000 channels 1 pcm { type file slave.pcm "null" format "raw" file "\(line.path("station-playback.raw"))" infile "\(line.path("station-capture.raw"))" } } }

                """
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
                \(agents)
                \(queues)
                """.write(toFile: line.path("serve.yaml"), atomically: true, encoding: .utf8)
            let add = try IvrBinary.run(["agent", "add", "alice", "--name", "Alice", "--skills", "general:1", "--data", data])
            #expect(add.status == 0, "\(add.stderr)")
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

    @Test func aLoginFromAnotherProcessConnectsTheWaitingCaller() throws {
        let server = try Server(agents: "  alice: {station: st}")
        #expect(try server.waitFor("agent alice logged-out"))
        #expect(try server.ivr(["line", "ring", "line1", "+441632960123"]).status == 0)
        #expect(try server.waitFor("queue general waiting 1"), "nobody is logged in: the caller waits")
        let waiting = try server.ivr(["line", "status"]).stdout
        #expect(waiting.contains("line line1 call 1 caller +441632960123 queue general\n"), "\(waiting)")
        #expect(waiting.contains("caller 1 queue general position 1 waited "))

        let login = try server.ivr(["agent", "login", "alice"])
        #expect(login.status == 0, "\(login.stderr)")
        #expect(try server.waitFor("agent alice on-call"), "the server saw the login and connected the caller")
        #expect(try server.waitFor("queue general waiting 0"))
        #expect(try server.waitFor("line line1 call 1 caller +441632960123 agent alice"))
        #expect(try server.waitFor("agent alice on-call call 1"))
        let listed = try server.ivr(["agent", "list"])
        #expect(listed.stdout.contains("NOW (ivr serve)"), "\(listed.stdout)")
        #expect(listed.stdout.split(separator: "\n").contains { $0.hasPrefix("alice ") && $0.hasSuffix("on-call call 1") },
                "the list shows what the server says alice is doing: \(listed.stdout)")
        let listedJSON = try server.ivr(["agent", "list", "--json"]).stdout
        #expect(listedJSON.contains("\"now\" : \"on-call call 1\""), "\(listedJSON)")

        #expect(try server.ivr(["agent", "logout", "alice"]).status == 0)
        usleep(1_500_000)                                    // more than one re-read of the store
        #expect(try server.waitFor("agent alice on-call"), "a logout mid-call waits for the call to end")
        #expect(try server.ivr(["line", "hangup", "alice"]).status == 0)
        #expect(try server.waitFor("agent alice logged-out"))
        _ = try server.ivr(["line", "hangup", "line1"])
        let log = server.stop()
        #expect(server.process.terminationStatus == 0)
        #expect(log.contains("agent alice logged in"))
        #expect(log.contains("agent alice connected to call 1 at st"))
        #expect(log.contains("agent alice logged out (after the current call)"))
        let heard = try Data(contentsOf: URL(fileURLWithPath: server.line.path("station-playback.raw")))
        #expect(heard.count > 8000, "the station's PCM was opened and fed the caller's audio")
        let queueLog = try String(contentsOfFile: server.data + "/queue_log", encoding: .utf8)
        #expect(queueLog.components(separatedBy: "|AGENTLOGIN|").count == 2, "one AGENTLOGIN, written by `ivr agent login`")
        #expect(queueLog.contains("|general|alice|CONNECT|"))
    }

    @Test func anOfferRingsUntilTheAgentAnswers() throws {
        let server = try Server(agents: "  alice: {station: st, auto_answer: false}", queues: "queues:\n  general: {timeout: 30}")
        #expect(try server.ivr(["agent", "login", "alice"]).status == 0)
        #expect(try server.waitFor("agent alice available"))
        let early = try server.ivr(["line", "answer", "alice"])
        #expect(early.status == 1)
        #expect(early.stderr.contains("error agent alice is not ringing"))
        #expect(try server.ivr(["line", "ring", "line1", "+441632960123"]).status == 0)
        #expect(try server.waitFor("agent alice ringing"))
        let answer = try server.ivr(["line", "answer", "alice"])
        #expect(answer.stdout == "ok agent alice answered call 1\n", "\(answer.stderr)")
        #expect(try server.waitFor("agent alice on-call"))
        let log = server.stop()
        #expect(log.contains("agent alice ringing for call 1; answer with `ivr line answer alice` within 30 s"))
    }

    /// A second server on the same data directory is refused (it would take over the control
    /// socket), and the first keeps serving.
    @Test func aSecondServerOnTheSameDataIsRefused() throws {
        let server = try Server(agents: "  alice: {station: st}")
        #expect(try server.waitFor("agent alice logged-out"))
        let second = try IvrBinary.run(["serve", server.line.path("serve.yaml")])
        #expect(second.status == 1)
        #expect(second.stderr.contains("another `ivr serve` is running on this data directory"), "\(second.stderr)")
        #expect(try server.ivr(["line", "status"]).status == 0, "the first server still answers")
        _ = server.stop()
        #expect(server.process.terminationStatus == 0)
    }
}
