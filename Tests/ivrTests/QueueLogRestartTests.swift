import ChildProcesses
import Foundation
import Testing

/// `queue_log` across a killed `ivr serve`: the next run closes the call left open and numbers
/// its own calls so that no id is used twice.
@Suite("queue_log across restarts", .serialized)
struct QueueLogRestartTests {
    /// Starts another `ivr serve` on `server`'s configuration and data (as after a crash);
    /// standard output collected.
    static func restart(_ server: ServeFixture) throws -> ChildProcess {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = server.line.home.path
        return try ChildProcess(IvrBinary.url.path, ["serve", server.line.path("serve.yaml")], environment: environment,
                                stdout: .pipe, stderr: .null)
    }

    @Test func aKilledServersCallIsClosedAndIdsStayUnique() throws {
        let server = try ServeAgentCommandTests.server(agents: "  alice: {station: st}")
        #expect(try server.waitFor("agent alice logged-out"))
        #expect(try server.ivr(["line", "ring", "line1", "+441632960123"]).status == 0)
        #expect(try server.waitFor("queue general waiting 1"))
        server.process.stop(SIGKILL)

        let second = try Self.restart(server)
        defer { second.stop(SIGKILL) }
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, (try? server.ivr(["line", "status"]).status) != 0 { usleep(50_000) }
        #expect(try server.ivr(["line", "ring", "line1", "+441632960124"]).status == 0)
        #expect(try server.waitFor("queue general waiting 1"))
        _ = try server.ivr(["line", "hangup", "line1"])
        #expect(try server.waitFor("queue general waiting 0"))
        second.stop(SIGINT, grace: 30)
        second.waitForEndOfOutput(seconds: 10)
        let log = second.output

        let lines = try String(contentsOfFile: server.data + "/queue_log", encoding: .utf8).split(separator: "\n").map(String.init)
        let starts = lines.filter { $0.contains("|QUEUESTART|") }.map { String($0.split(separator: "|")[5]) }
        #expect(starts.count == 2 && Set(starts).count == 2, "\(lines)")
        let entered = lines.filter { $0.contains("|ENTERQUEUE|") }.map { String($0.split(separator: "|")[1]) }
        #expect(entered == starts.map { $0 + ".1" }, "each run's call 1 has its own id: \(lines)")
        let first = try #require(entered.first)
        #expect(lines.contains { $0.contains("|\(first)|general|NONE|LOSTONRESTART|waiting|") },
                "the killed run's caller is closed: \(lines)")
        #expect(lines.contains { $0.contains("|\(entered.last ?? "")|general|NONE|ABANDON|") }, "\(lines)")
        #expect(log.contains("queue_log: closed 1 call(s) a stopped server left open (LOSTONRESTART): \(first)"), "\(log)")
    }
}
