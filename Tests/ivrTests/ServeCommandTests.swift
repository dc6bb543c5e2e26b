import ChildProcesses
import Foundation
import Testing

/// `ivr serve CONFIG` with `ivr line ...` talking to it over the control socket, on raw-file PCMs.
@Suite("ivr serve and ivr line", .serialized)
struct ServeCommandTests {
    @Test func ringStatusHangUpAndStop() throws {
        let line = try LiveCallCommandTests.Line()
        try LiveCallCommandTests.writeRaw([Int16](repeating: 0, count: 8000 * 30), to: line.path("capture.raw"))
        let root = LiveCallCommandTests.root
        let config = """
            flow: \(root.appendingPathComponent("flows/store.yaml").path)
            data: data
            prompts: \(root.appendingPathComponent("prompts").path)
            lines:
              line1: {playback: play, capture: cap}
            """
        try config.write(toFile: line.path("serve.yaml"), atomically: true, encoding: .utf8)
        let data = line.path("data")

        let idle = try IvrBinary.run(["line", "status", "--data", data])
        #expect(idle.status == 1)
        #expect(idle.stderr.contains("no server is listening"))

        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = line.home.path
        let server = try ChildProcess(IvrBinary.url.path, ["serve", line.path("serve.yaml")], environment: environment,
                                      stdout: .pipe, stderr: .null)
        defer { server.stop(SIGKILL) }
        let socket = data + "/control.sock"
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: socket) && Date() < deadline { usleep(10_000) }

        let status = try IvrBinary.run(["line", "status", "--data", data])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("line line1 idle"))
        #expect(status.stdout.contains("queue orders waiting 0"))
        let ring = try IvrBinary.run(["line", "ring", "line1", "+441632960123", "--data", data])
        #expect(ring.stdout == "ok line1 call 1\n", "\(ring.stderr)")
        let unknown = try IvrBinary.run(["line", "ring", "line7", "--data", data])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("error no line 'line7'"))
        _ = try IvrBinary.run(["line", "hangup", "line1", "--data", data])
        var ended = false
        while !ended && Date() < deadline {
            ended = try IvrBinary.run(["line", "status", "--data", data]).stdout.contains("line line1 idle")
            usleep(20_000)
        }
        #expect(ended)
        #expect(server.stop(SIGINT, grace: 30) == .exited(0))
        server.waitForEndOfOutput(seconds: 10)
        let log = server.output
        #expect(log.contains("line1     0.00  step         check-hours"), "\(log)")
        #expect(log.contains("line1 ended: "))
        #expect(!FileManager.default.fileExists(atPath: socket))
    }

    @Test func badConfigNamesFileAndLine() throws {
        let line = try LiveCallCommandTests.Line()
        try "flow: store.yaml\nlines:\n  line1: {speaker: x}\n".write(toFile: line.path("serve.yaml"), atomically: true, encoding: .utf8)
        let result = try IvrBinary.run(["serve", line.path("serve.yaml")])
        #expect(result.status == 1)
        #expect(result.stderr.contains(line.path("serve.yaml") + ":3: error: line line1 needs device: PCM"))
    }

    @Test func aRingTimeoutForAnUnknownQueueNamesTheLine() throws {
        let line = try LiveCallCommandTests.Line()
        let root = LiveCallCommandTests.root
        try """
            flow: \(root.appendingPathComponent("flows/store.yaml").path)
            data: data
            prompts: \(root.appendingPathComponent("prompts").path)
            lines:
              line1: {playback: play, capture: cap}
            queues:
              sales: {timeout: 10}
            """.write(toFile: line.path("serve.yaml"), atomically: true, encoding: .utf8)
        let result = try IvrBinary.run(["serve", line.path("serve.yaml")])
        #expect(result.status == 1)
        #expect(result.stderr.contains(line.path("serve.yaml") + ":7: error: no queue 'sales' in the store; queues: general"))
    }
}
