import ChildProcesses
import Foundation
import SoundIO

/// A private PulseAudio with null sinks at 8000 Hz mono: sound devices with a real clock, no card.
///
/// The server runs from a temporary folder (`pulseaudio -n -F FILE`, a unix socket there, no
/// cookie, no D-Bus), under a small watchdog shell that stops it if the test process dies; `stop()`
/// (also called on release) ends it by its PID. Each line `NAME` is a pair of null sinks,
/// `NAME_out` (what the line plays) and `NAME_in` (what the caller says), and five ALSA PCMs
/// (alsa-lib's `pulse` plugin): `NAME_play` and `NAME_cap` for the line, `NAME_say` and
/// `NAME_hear` for the caller, and `NAME_sent` (what the line carries from the caller, for measuring).
/// Only one server runs at a time in a test process (the others wait), so real-clock tests never
/// compete with each other for the CPU. Clients use `enable-memfd = no` (PulseAudio 16 aborted on memfd with several clients here).
public final class PulseServer {
    /// One real-clock test at a time in the whole test process (the suites of different test
    /// targets run concurrently): taken when a server starts, given back when it stops.
    private static let turn = DispatchSemaphore(value: 1)
    private var holdsTurn = false
    /// The server's folder (config, socket, log, asoundrc); removed by `stop()`.
    public let folder: URL
    /// The server's PID (for SIGSTOP/SIGCONT and stopping it).
    public private(set) var pid: pid_t = 0
    private var watchdog: ChildProcess?
    /// The asoundrc text defining every PCM.
    public private(set) var asoundrc = ""
    /// The server's socket.
    public var socket: String { path("native") }

    /// The path of `name` in the server's folder.
    public func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Why the server could not start.
    public enum Failure: Error, CustomStringConvertible {
        case notStarted(String)
        public var description: String { if case .notStarted(let why) = self { why } else { "" } }
    }

    /// Starts a server with a sink pair per line; `rates` gives a line another sink rate (e.g. 8040).
    public init(lines: [String], rates: [String: Int] = [:]) throws {
        Self.turn.wait()
        holdsTurn = true
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("pulse-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var script = "load-module module-native-protocol-unix auth-anonymous=1 socket=\(path("native"))\n"
        var pcms = ""
        for line in lines {
            let rate = rates[line] ?? 8000
            for side in ["out", "in"] {
                script += "load-module module-null-sink sink_name=\(line)_\(side) rate=\(rate) channels=1\n"
            }
            let pcm = { (name: String, device: String) in
                "pcm.\(line)_\(name) { type pulse; device \"\(device)\"; server \"unix:\(self.path("native"))\" }\n"
            }
            pcms += pcm("play", "\(line)_out") + pcm("cap", "\(line)_in.monitor") + pcm("say", "\(line)_in")
                + pcm("hear", "\(line)_out.monitor") + pcm("sent", "\(line)_in.monitor")
        }
        asoundrc = pcms
        try script.write(toFile: path("server.pa"), atomically: true, encoding: .utf8)
        try Self.clientConfig.write(toFile: path("client.conf"), atomically: true, encoding: .utf8)
        try asoundrc.write(toFile: path("asoundrc"), atomically: true, encoding: .utf8)
        Self.configureInProcessClients(fallback: path("client.conf"))
        try FileManager.default.createDirectory(atPath: path("rt"), withIntermediateDirectories: true)
        let me = getpid()
        // Its output goes to /dev/null: never hold the test runner's pipes open.
        let watchdog = try ChildProcess("/bin/sh", ["-c", """
            PULSE_RUNTIME_PATH='\(path("rt"))' pulseaudio -n -F '\(path("server.pa"))' --daemonize=no \
              --exit-idle-time=-1 --system=false --log-target=file:'\(path("server.log"))' &
            p=$!; echo $p > '\(path("server.pid"))'
            alive() { grep -qs '^State:[[:space:]]*[^Z]' /proc/$1/status; }
            while alive \(me) && alive $p; do sleep 0.2; done
            kill $p 2>/dev/null
            """])
        self.watchdog = watchdog
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if pid == 0, let text = try? String(contentsOfFile: path("server.pid"), encoding: .utf8),
               let number = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) { pid = number }
            if pid != 0 && FileManager.default.fileExists(atPath: path("native")) && ready() { return }
            usleep(50_000)
        }
        stop()
        throw Failure.notStarted("pulseaudio did not start in 15 s; its log: \(log)")
    }

    deinit { stop() }

    /// What every client of a test server reads (`PULSE_CLIENTCONFIG`).
    static let clientConfig = "enable-memfd = no\nautospawn = no\n"

    /// Points this process's own clients (alsa-lib's `pulse` plugin) at `clientConfig`. Setting
    /// an environment variable while other tests read the environment (Yams does on every
    /// parse) can crash them: `setenv` may free the array they are walking. So `scripts/test`
    /// exports `PULSE_CLIENTCONFIG` before any test starts, and it is set here only when it is
    /// missing or says something else (`swift test` run by hand).
    private static func configureInProcessClients(fallback: String) {
        if let given = ProcessInfo.processInfo.environment["PULSE_CLIENTCONFIG"],
           (try? String(contentsOfFile: given, encoding: .utf8)) == clientConfig { return }
        setenv("PULSE_CLIENTCONFIG", fallback, 1)
    }

    /// A home folder whose `.asoundrc` defines the PCMs, for programs that open PCMs by name
    /// (`ivr serve`, baresip): run them with `HOME` set to it.
    public func home() throws -> String {
        let home = path("home")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try asoundrc.write(toFile: home + "/.asoundrc", atomically: true, encoding: .utf8)
        return home
    }

    /// The environment for a child process using this server's PCMs by name.
    public func environment() throws -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = try home()
        environment["PULSE_CLIENTCONFIG"] = path("client.conf")
        return environment
    }

    /// The server's log (for failure messages).
    public var log: String { (try? String(contentsOfFile: path("server.log"), encoding: .utf8)) ?? "(none)" }

    /// A PCM of this server, e.g. `line1_play`.
    public func device(_ name: String) -> ALSADevice { .defined(name, in: asoundrc) }

    /// Pauses the whole server (SIGSTOP): every device stalls.
    public func pause() { if pid != 0 { kill(pid, SIGSTOP) } }

    /// Resumes it (SIGCONT).
    public func resume() { if pid != 0 { kill(pid, SIGCONT) } }

    /// Stops the server by its PID (SIGTERM; SIGKILL if it still runs 15 s later) and waits for
    /// the watchdog; stopping twice does nothing.
    public func stop() {
        let server = pid
        if server != 0 {
            kill(server, SIGCONT)
            kill(server, SIGTERM)
            pid = 0
        }
        if let watchdog {
            if watchdog.wait(seconds: 15) == nil {
                // The watchdog has not reaped the server yet, so its PID is still the server's.
                if server != 0 { kill(server, SIGKILL) }
                watchdog.stop(SIGTERM, grace: 5)
            }
            self.watchdog = nil
            try? FileManager.default.removeItem(at: folder)
        }
        if holdsTurn {
            holdsTurn = false
            Self.turn.signal()
        }
    }

    /// Whether a client can talk to the server (`pactl info`).
    private func ready() -> Bool {
        guard let probe = try? ChildProcess("/usr/bin/env", ["pactl", "--server", "unix:\(socket)", "info"]) else { return false }
        return (probe.wait(seconds: 10) ?? probe.stop(SIGKILL)) == .exited(0)
    }
}
