import ChildProcesses
import Foundation
import Testing

/// One `ivr serve` child process for end-to-end tests: a line `line1` (PCMs `play`/`cap`, 60 s of
/// silence captured), a station PCM per name in `stations` (`NAME-capture.raw` silent,
/// `NAME-playback.raw` what the station heard), a flow that queues every caller in `general`
/// (`queueFlow`, replaceable), agents added to the store before the server starts, and the
/// server itself, killed by PID when the fixture goes away (also when a test fails).
final class ServeFixture {
    /// The flow the servers run unless a test gives its own: every caller waits in `general`.
    static let queueFlow = """
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
        """

    let line: LiveCallCommandTests.Line
    /// `ivr serve`: standard output collected, standard error to /dev/null.
    let process: ChildProcess
    var data: String { line.path("data") }

    /// - Parameters:
    ///   - stations: station PCM names to define.
    ///   - agents: the serve.yaml `agents:` block's lines (indented two spaces).
    ///   - queues: extra serve.yaml text (e.g. `queues:` with ring timeouts).
    ///   - storeAgents: agents to add to the store first, with skills `general:1`; `login`: also log them in.
    ///   - flow: the flow file's text.
    ///   - before: run with the data directory before the server starts (e.g. `ivr queue set`).
    init(stations: [String], agents: String, queues: String = "", storeAgents: [(id: String, name: String)],
         login: Bool = false, flow: String = ServeFixture.queueFlow, before: (String) throws -> Void = { _ in }) throws {
        line = try LiveCallCommandTests.Line()
        let silence = [Int16](repeating: 0, count: 8000 * 60)
        try LiveCallCommandTests.writeRaw(silence, to: line.path("capture.raw"))
        var rc = try String(contentsOfFile: line.path(".asoundrc"), encoding: .utf8)
        for station in stations {
            try LiveCallCommandTests.writeRaw(silence, to: line.path("\(station)-capture.raw"))
            rc += """
                pcm.\(station) { type plug slave { format S16_LE rate 8000 channels 1 pcm { type file slave.pcm "null" format "raw" file "\(line.path("\(station)-playback.raw"))" infile "\(line.path("\(station)-capture.raw"))" } } }

                """
        }
        try rc.write(toFile: line.path(".asoundrc"), atomically: true, encoding: .utf8)
        try flow.write(toFile: line.path("queue.yaml"), atomically: true, encoding: .utf8)
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
        let data = line.path("data")
        for (id, name) in storeAgents {
            let add = try IvrBinary.run(["agent", "add", id, "--name", name, "--skills", "general:1", "--data", data])
            #expect(add.status == 0, "\(add.stderr)")
            if login { #expect(try IvrBinary.run(["agent", "login", id, "--data", data]).status == 0) }
        }
        try before(data)
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = line.home.path
        process = try ChildProcess(IvrBinary.url.path, ["serve", line.path("serve.yaml")], environment: environment,
                                   stdout: .pipe, stderr: .null)
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: data + "/control.sock") && process.isRunning && Date() < deadline { usleep(10_000) }
    }

    deinit { process.stop(SIGKILL) }

    /// Runs `ivr` on this server's data directory.
    func ivr(_ arguments: [String]) throws -> IvrBinary.Result { try IvrBinary.run(arguments + ["--data", data]) }

    /// Polls `ivr line status` until a line is `text` or starts with it and a space (false after 15 s).
    func waitFor(_ text: String, seconds: Double = 15) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try ivr(["line", "status"]).stdout.split(separator: "\n").contains(where: { $0 == text || $0.hasPrefix(text + " ") }) { return true }
            usleep(50_000)
        }
        return false
    }

    /// Stops the server (SIGINT, as Ctrl-C; SIGKILL if it still runs 30 s later); its log.
    func stop() -> String {
        process.stop(SIGINT, grace: 30)
        process.waitForEndOfOutput(seconds: 10)
        return process.output
    }
}
