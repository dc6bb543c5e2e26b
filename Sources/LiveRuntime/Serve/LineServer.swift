import CallFlow
import CallQueue
import Foundation
import SoundIO
import Storage

/// Runs several lines at once for `ivr serve`: one flow, one store, one shared queue.
///
/// A line is idle until the bridge rings it (`ring LINE [CALLER]`); then its PCMs are opened and
/// the call runs on the line's own thread until the flow or the caller hangs up (`hangup LINE`),
/// or the device fails (the call ends cleanly, keeping what was recorded). The PCMs are closed
/// between calls, so the bridge may hold them meanwhile only if they can be shared (e.g. `snd-aloop`).
public final class LineServer: @unchecked Sendable {
    /// What the server needs to answer calls.
    public struct Setup: Sendable {
        /// The compiled flow.
        public var program: FlowProgram
        /// Its prompts and music, loaded.
        public var sounds: PromptSet
        /// The lines, by name.
        public var lines: [ServeConfig.Line]
        /// Where messages and callbacks go.
        public var records: CallRecords
        /// The shared queue.
        public var queue: SharedQueue
        /// Period and buffer sizes for every line.
        public var configuration: LineConfiguration
        /// The business-hours time of a call answered now (`ivr serve --at` runs it from a fixed start).
        public var clock: @Sendable () -> Date = { Date() }

        /// Everything `ivr serve` wires together.
        public init(program: FlowProgram, sounds: PromptSet, lines: [ServeConfig.Line], records: CallRecords,
                    queue: SharedQueue, configuration: LineConfiguration = LineConfiguration(),
                    clock: @escaping @Sendable () -> Date = { Date() }) {
            self.clock = clock
            self.program = program
            self.sounds = sounds
            self.lines = lines
            self.records = records
            self.queue = queue
            self.configuration = configuration
        }
    }

    private struct Active {
        var control: LineControl
        var caller: String?
        var call: LiveCall
        var number: UInt64
        var state = "answering"
    }

    private let setup: Setup
    private let lock = NSLock()
    private var active: [String: Active] = [:]
    private var nextNumber: UInt64 = 1
    private let log: @Sendable (String) -> Void
    private let openDevices: DeviceOpener
    private var otherLines: (@Sendable () -> [String])?
    private var otherCommands: [@Sendable ([String]) -> String?] = []

    /// Adds lines from another driver (SIP calls) to `status`, after the ALSA lines.
    public func addStatus(_ lines: @escaping @Sendable () -> [String]) { lock.withLock { otherLines = lines } }

    /// Adds control commands (e.g. `dial-callback`): `handler` answers the words of a command it
    /// knows, nil for the rest.
    public func addCommands(_ handler: @escaping @Sendable ([String]) -> String?) { lock.withLock { otherCommands.append(handler) } }

    /// A call number unique on this server, for a call that arrived another way (SIP).
    public func takeCallNumber() -> UInt64 {
        lock.withLock {
            defer { nextNumber += 1 }
            return nextNumber
        }
    }

    /// Opens a line's PCMs; throws a ``LiveCallError``.
    public typealias DeviceOpener = @Sendable (ServeConfig.Line, LineConfiguration) throws -> (any AudioSource, any AudioSink)

    /// Opens a line's PCMs through ALSA.
    public static func openALSA(_ line: ServeConfig.Line, _ configuration: LineConfiguration) throws -> (any AudioSource, any AudioSink) {
        let ports = try LinePorts.open(playback: .named(line.playback), capture: .named(line.capture), configuration: configuration)
        return (ports.source, ports.sink)
    }

    /// A server for `setup`, logging one line per event to `log`.
    ///
    /// `openDevices` opens a line's PCMs (ALSA by default; tests pass raw-file PCMs the same way).
    public init(setup: Setup, log: @escaping @Sendable (String) -> Void, openDevices: @escaping DeviceOpener = LineServer.openALSA) {
        self.setup = setup
        self.log = log
        self.openDevices = openDevices
    }

    /// Handles one control command and returns the reply (first word `ok` or `error`).
    public func handle(_ command: String) -> String {
        let words = command.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        switch words.first {
        case "ring" where words.count >= 2:
            // A number may come written as people write it: "020 7946 0018", "(020) 7946-0018".
            let caller = words.count > 2 ? PhoneNumber.removingSeparators(words[2...].joined()) : nil
            return ring(words[1], caller: caller)
        case "hangup" where words.count == 2:
            return hangUp(words[1])
        case "answer" where words.count == 2:
            return setup.queue.answerAgent(words[1])
        case "key" where words.count == 3:
            return press(words[1], keys: words[2])
        case "key" where words.count == 2:
            return "error key \(words[1]): no keys given; use: key LINE KEYS, e.g. key \(words[1]) 123#"
        case "key" where words.count > 3:
            let keys = words[2...].joined(separator: " ")
            return "error keys '\(keys)' contain spaces: send them as one word (e.g. \(words[2...].joined()))"
        case "key":
            return "error key needs a line and keys: key LINE KEYS, e.g. key line1 123#"
        case "status" where words.count == 1:
            return status()
        default:
            for handler in lock.withLock({ otherCommands }) {
                if let reply = handler(words) { return reply }
            }
            return "error unknown command '\(command)'; use: ring LINE [CALLER] | hangup LINE | answer AGENT | key LINE KEYS | status"
        }
    }

    /// Answers a call on `name` from `caller`.
    public func ring(_ name: String, caller: String?) -> String {
        guard let line = setup.lines.first(where: { $0.name == name }) else {
            return "error no line '\(name)'; lines: \(setup.lines.map(\.name).joined(separator: " "))"
        }
        if let caller, !caller.allSatisfy({ $0.isNumber || $0 == "+" }) {
            return "error caller '\(caller)' is not a number (digits, optionally starting with +)"
        }
        // One form from here on: E.164 when the number parses in the flow's region (an
        // extension such as 1001 stays as given).
        let caller = caller.map { (try? PhoneNumber(parsing: $0, region: setup.program.phoneRegion))?.e164 ?? $0 }
        let number: UInt64 = lock.withLock {
            defer { nextNumber += 1 }
            return active[name] == nil ? nextNumber : 0
        }
        guard number > 0 else { return "error line \(name) is busy" }
        let ports: (source: any AudioSource, sink: any AudioSink)
        do { ports = try openDevices(line, setup.configuration) } catch { return "error \(error)" }
        let control = LineControl()
        let log = self.log
        var options = LiveCallOptions(callerID: caller, start: setup.clock()) { [weak self] entry in
            log("\(name) \(Transcript.line(entry))")
            self?.note(entry, on: name)
        }
        options.callNumber = number
        options.lineName = name
        options.echoCanceller = line.echoCanceller
        options.queues = setup.queue
        let call = LiveCall(program: setup.program, sounds: setup.sounds, records: setup.records, options: options, control: control)
        lock.withLock { active[name] = Active(control: control, caller: caller, call: call, number: number) }
        let thread = Thread { [weak self] in
            let result = LiveLine.loop(call, source: ports.source, sink: ports.sink, control: control)
            self?.finished(name, result)
        }
        thread.name = "switchboard.line.\(name)"
        thread.qualityOfService = .userInteractive
        thread.start()
        return "ok \(name) call \(number)"
    }

    /// Hangs up the caller on line `name`, or the agent `name` at their station.
    public func hangUp(_ name: String) -> String {
        if let control = lock.withLock({ active[name]?.control }) {
            control.hangUp()
            return "ok \(name) hanging up"
        }
        if setup.queue.hangUpAgent(name) { return "ok agent \(name) hanging up" }
        if setup.lines.contains(where: { $0.name == name }) { return "error line \(name) has no call" }
        return "error no line or talking agent '\(name)'"
    }

    /// The most keys one `key` command may carry (a bridge sends them as they come, a few at a time).
    public static let maxKeys = 256

    /// What is wrong with `keys` for a `key` command, or nil when they may be sent.
    public static func keysProblem(_ keys: String) -> String? {
        if keys.isEmpty { return "no keys given: send at least one of 0-9, *, #, A-D" }
        if keys.contains(where: \.isWhitespace) {
            return "keys '\(keys)' contain spaces: send them as one word (e.g. \(keys.filter { !$0.isWhitespace }))"
        }
        let parsed = keys.compactMap(DTMFKey.init)
        guard parsed.count == keys.count else {
            let bad = keys.first { DTMFKey($0) == nil }.map { " ('\($0)')" } ?? ""
            return "'\(keys.prefix(40))\(keys.count > 40 ? "…" : "")' are not all keypad keys\(bad): use 0-9, *, #, A-D"
        }
        if parsed.count > maxKeys {
            return "\(parsed.count) keys in one command; at most \(maxKeys): send them in several commands"
        }
        return nil
    }

    /// Keys the bridge received out of band (SIP INFO, RFC 4733 events) for the caller on `name`.
    public func press(_ name: String, keys: String) -> String {
        if let problem = Self.keysProblem(keys) { return "error " + problem }
        let parsed = keys.compactMap(DTMFKey.init)
        guard let control = lock.withLock({ active[name]?.control }) else { return "error line \(name) has no call" }
        for key in parsed { control.press(key) }
        return "ok \(name) pressed \(keys)"
    }

    /// One line per line (idle, or call number, caller and what the call is doing), then the
    /// queues, the callers waiting and the agents.
    public func status() -> String {
        var lines = ["ok"]
        lock.withLock {
            for line in setup.lines {
                if let call = active[line.name] {
                    lines.append("line \(line.name) call \(call.number) caller \(call.caller ?? "withheld") \(call.state)")
                } else {
                    lines.append("line \(line.name) idle")
                }
            }
        }
        if let other = lock.withLock({ otherLines }) { lines += other() }
        return (lines + setup.queue.statusLines()).joined(separator: "\n")
    }

    /// Hangs up every call and waits until all lines are idle (for shutting down).
    public func hangUpAll(timeout: TimeInterval = 5) {
        let controls = lock.withLock { active.values.map(\.control) }
        for control in controls { control.hangUp() }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline && !(lock.withLock { active.isEmpty }) { usleep(10_000) }
    }

    /// Keeps what the call on `name` is doing, for `status`: `step NAME`, `queue NAME`,
    /// `agent ID`, `recording MAILBOX`, `hanging-up`.
    private func note(_ entry: Transcript.Event, on name: String) {
        let state: String? = switch entry.type {
        case "step": "step \(entry.name ?? "?")"
        case "enqueue": "queue \(entry.name ?? "?")"
        case "agent-connected": "agent \(lock.withLock { active[name]?.control }?.bridgedStation?.agentID ?? "?")"
        case "record": "recording \(entry.name ?? "?")"
        case "hangup": "hanging-up"
        default: nil
        }
        guard let state else { return }
        lock.withLock { active[name]?.state = state }
    }

    private func finished(_ name: String, _ result: LiveCallResult) {
        lock.withLock { active[name] = nil }
        for problem in result.problems { log("\(name) problem: \(problem.description)") }
        if let error = result.lineError { log("\(name) line failed: \(error.description)") }
        log("\(name) ended: \(result.outcome?.result.rawValue ?? "none") after \(String(format: "%.2f", Double(result.frames) / 8000)) s")
    }
}
