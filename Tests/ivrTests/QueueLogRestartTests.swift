import Foundation
import Testing

/// `queue_log` across a killed `ivr serve`: the next run closes the call left open and numbers
/// its own calls so that no id is used twice.
@Suite("queue_log across restarts", .serialized)
struct QueueLogRestartTests {
    /// Starts another `ivr serve` on `server`'s configuration and data (as after a crash).
    static func restart(_ server: ServeAgentCommandTests.Server) throws -> (Process, Pipe) {
        let process = Process()
        let out = Pipe()
        process.executableURL = IvrBinary.url
        process.arguments = ["serve", server.line.path("serve.yaml")]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = server.line.home.path
        process.environment = environment
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, out)
    }

    @Test func aKilledServersCallIsClosedAndIdsStayUnique() throws {
        let server = try ServeAgentCommandTests.Server(agents: "  alice: {station: st}")
        #expect(try server.waitFor("agent alice logged-out"))
        #expect(try server.ivr(["line", "ring", "line1", "+441632960123"]).status == 0)
        #expect(try server.waitFor("queue general waiting 1"))
        kill(server.process.processIdentifier, SIGKILL)
        server.process.waitUntilExit()

        let (second, out) = try Self.restart(server)
        defer { if second.isRunning { kill(second.processIdentifier, SIGKILL) } }
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, (try? server.ivr(["line", "status"]).status) != 0 { usleep(50_000) }
        #expect(try server.ivr(["line", "ring", "line1", "+441632960124"]).status == 0)
        #expect(try server.waitFor("queue general waiting 1"))
        _ = try server.ivr(["line", "hangup", "line1"])
        #expect(try server.waitFor("queue general waiting 0"))
        kill(second.processIdentifier, SIGINT)
        second.waitUntilExit()
        let log = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)

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
