import ChildProcesses
import Foundation
import Testing

/// `ivr serve` follows `ivr agent ...` run in other processes, and offers ring a station.
@Suite("ivr serve with agents", .serialized)
struct ServeAgentCommandTests {
    /// A server with a station `st` for alice (added to the store, not logged in); `agents` is
    /// the config's agents: block.
    static func server(agents: String, queues: String = "") throws -> ServeFixture {
        try ServeFixture(stations: ["st"], agents: agents, queues: queues, storeAgents: [("alice", "Alice")])
    }

    @Test func aLoginFromAnotherProcessConnectsTheWaitingCaller() throws {
        let server = try Self.server(agents: "  alice: {station: st}")
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
        #expect(server.process.termination == .exited(0))
        #expect(log.contains("agent alice logged in"))
        #expect(log.contains("agent alice connected to call 1 at st"))
        #expect(log.contains("agent alice logged out (after the current call)"))
        let heard = try Data(contentsOf: URL(fileURLWithPath: server.line.path("st-playback.raw")))
        #expect(heard.count > 8000, "the station's PCM was opened and fed the caller's audio")
        let queueLog = try String(contentsOfFile: server.data + "/queue_log", encoding: .utf8)
        #expect(queueLog.components(separatedBy: "|AGENTLOGIN|").count == 2, "one AGENTLOGIN, written by `ivr agent login`")
        #expect(queueLog.contains("|general|alice|CONNECT|"))
    }

    @Test func anOfferRingsUntilTheAgentAnswers() throws {
        let server = try Self.server(agents: "  alice: {station: st, auto_answer: false}", queues: "queues:\n  general: {timeout: 30}")
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
        let server = try Self.server(agents: "  alice: {station: st}")
        #expect(try server.waitFor("agent alice logged-out"))
        let second = try IvrBinary.run(["serve", server.line.path("serve.yaml")])
        #expect(second.status == 1)
        #expect(second.stderr.contains("another `ivr serve` is running on this data directory"), "\(second.stderr)")
        #expect(try server.ivr(["line", "status"]).status == 0, "the first server still answers")
        _ = server.stop()
        #expect(server.process.termination == .exited(0))
    }
}
