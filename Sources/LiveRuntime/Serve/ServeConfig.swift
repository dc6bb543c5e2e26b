import CallFlow
import Foundation
import Telephony
import Yams

/// The configuration of `ivr serve`: the flow, folders, lines and agents' stations (YAML).
///
/// ```yaml
/// flow: flows/store.yaml          # relative paths are relative to this file
/// data: data                      # voicemail, callbacks, the control socket (default ./data)
/// prompts: prompts                # the prompt library (default ./prompts)
/// lines:
///   line1: {device: "plughw:Loopback,1,0"}
///   line2: {playback: "plughw:Loopback,1,1", capture: "plughw:Loopback,1,1", echo_tail: 128ms}
///   line3: {device: "plughw:2,0", echo_canceller: off}   # the echo canceller is on unless turned off
/// agents:
///   alice: {station: "plughw:Headset"}   # takes live callers at this headset
///   bob: {}                               # works callbacks only
///   carol: {station: "plughw:2,0", auto_answer: false}   # rings until `ivr line answer carol`
/// queues:
///   orders: {timeout: 20}                 # seconds an offer rings (default 15)
/// ```
public struct ServeConfig: Sendable, Equatable {
    /// A line: its name (for `ring LINE`) and PCMs.
    public struct Line: Sendable, Equatable {
        /// The name used on the control socket.
        public var name: String
        /// PCM the caller hears.
        public var playback: String
        /// PCM the caller speaks into.
        public var capture: String
        /// The line echo canceller (`echo_canceller: on|off`, `echo_tail: 64ms`); nil when off.
        public var echoCanceller: EchoCanceller.Settings? = EchoCanceller.Settings()
    }

    /// An agent and their station, if any.
    public struct Agent: Sendable, Equatable {
        /// The agent's id in the store.
        public var id: String
        /// The station's PCM, or a SIP phone's address (`sip:alice@192.0.2.10:5062`); nil: callbacks only.
        public var station: String?
        /// Whether an offer opens the station at once (default) or rings until `answer AGENT`.
        public var autoAnswer = true
        /// Line in the config file, for messages.
        public var line: Int

        /// The SIP phone's address, when the station is one.
        public var sipStation: String? { station.flatMap { $0.hasPrefix("sip:") ? $0 : nil } }
        /// The station's PCM, when it is a sound device.
        public var pcmStation: String? { station.flatMap { $0.hasPrefix("sip:") ? nil : $0 } }
    }

    /// The flow file.
    public var flow: String
    /// The data directory, if given.
    public var data: String?
    /// The prompt library, if given.
    public var prompts: String?
    /// The lines.
    public var lines: [Line]
    /// The agents.
    public var agents: [Agent]
    /// Seconds an offer rings at a station before it counts as not answered, by queue.
    public var ringTimeouts: [String: Double] = [:]
    /// Seconds an agent who missed an offer rests before the next, by queue (`queues: NAME: {retry: 5}`);
    /// queues not named use ``defaultRetry``.
    public var retryDelays: [String: Double] = [:]
    /// Asterisk queues.conf's `retry` default: 5 seconds.
    public static let defaultRetry = 5.0
    /// Line in the config file of each queue under `queues:`, for messages.
    public var queueLines: [String: Int] = [:]
    /// The SIP side, if `sip:` is present (then `lines:` may be left out).
    public var sip: SIP?
    /// `web:` as written: `HOST:PORT` for the browser desk, or `off` (nil: the default, 127.0.0.1:8080).
    public var web: String?

    /// Reads and checks `path`; errors read `FILE:LINE: error: message`.
    public static func load(_ path: String) throws(ServeConfigError) -> ServeConfig {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ServeConfigError(file: path, line: 0, message: "cannot read the file; check the path")
        }
        return try parse(text, file: path)
    }

    /// Parses configuration text; relative paths are resolved against `file`'s folder, and
    /// `password_env` names are looked up in `environment` (the process's, unless given).
    public static func parse(_ text: String, file: String,
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws(ServeConfigError) -> ServeConfig {
        let base = (file as NSString).deletingLastPathComponent
        func fail(_ node: Node?, _ message: String) -> ServeConfigError {
            ServeConfigError(file: file, line: node?.mark.map { $0.line } ?? 0, message: message)
        }
        if let problem = YAMLInputCheck.check(text) {           // before Yams, which recurses and echoes raw bytes
            throw ServeConfigError(file: file, line: problem.line, message: "column \(problem.column): \(problem.message)")
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw fail(nil, "the file is empty; it needs flow: and lines: (or sip:)") }
            root = node
        } catch let error as ServeConfigError { throw error } catch let error as YamlError {
            throw ServeConfigError(file: file, line: Self.line(of: error), message: "not valid YAML: \(error)")
        } catch { throw fail(nil, "\(error)") }
        guard let top = root.mapping else { throw fail(root, "expected a mapping with flow:, lines: and agents:") }
        for (key, _) in top where !["flow", "data", "prompts", "lines", "agents", "queues", "sip"].contains(key.string ?? "") {
            throw fail(key, "unknown key '\(key.string ?? "?")'; expected flow, data, prompts, lines, agents, queues or sip")
        }
        func resolve(_ value: String) -> String {
            value.hasPrefix("/") || base.isEmpty ? value : (base as NSString).appendingPathComponent(value)
        }
        func path(_ key: String) throws(ServeConfigError) -> String? {
            guard let node = top[key] else { return nil }
            guard let value = node.string, !value.isEmpty else { throw fail(node, "\(key) must be a path") }
            return resolve(value)
        }
        let sip = try parseSIP(top["sip"], resolve: resolve, environment: environment, fail: fail)
        guard let flow = try path("flow") ?? sip?.flows["default"] else {
            throw fail(root, "missing flow: (the flow file the lines answer with)")
        }
        let lines = sip != nil && top["lines"] == nil ? [] : try parseLines(top["lines"], fail: fail)
        let agents = try parseAgents(top["agents"], fail: fail)
        var config = ServeConfig(flow: flow, data: try path("data"), prompts: try path("prompts"), lines: lines, agents: agents)
        (config.ringTimeouts, config.retryDelays, config.queueLines) = try parseQueues(top["queues"], fail: fail)
        config.sip = sip
        if sip == nil, let agent = agents.first(where: { $0.sipStation != nil }) {
            throw ServeConfigError(file: file, line: agent.line, message: "agent \(agent.id)'s station is a SIP phone, "
                + "but there is no sip: section to ring it from; add one, e.g. sip: {listen: \"127.0.0.1:5060\"}")
        }
        if let node = top["web"] {
            guard let value = node.string ?? node.bool.map({ $0 ? "on" : "off" }), !value.isEmpty else {
                throw fail(node, "web: must be HOST:PORT (e.g. 127.0.0.1:8080) or off")
            }
            config.web = value
        }
        return config
    }

    private static func parseLines(_ node: Node?, fail: (Node?, String) -> ServeConfigError) throws(ServeConfigError) -> [Line] {
        guard let node else { throw fail(nil, "missing lines: (name each line and its device) or sip: (take calls over SIP)") }
        guard let mapping = node.mapping, !mapping.isEmpty else { throw fail(node, "lines: must map line names to devices") }
        var lines: [Line] = []
        for (key, value) in mapping {
            guard let name = key.string, !name.isEmpty, !name.contains(" ") else { throw fail(key, "a line name must be one word") }
            let fields = value.mapping
            let device = fields?["device"]?.string
            let playback = fields?["playback"]?.string ?? device
            let capture = fields?["capture"]?.string ?? device
            guard let playback, let capture else {
                throw fail(value, "line \(name) needs device: PCM (or playback: and capture:)")
            }
            let echo = try EchoSetting.parse(fields?["echo_canceller"], tail: fields?["echo_tail"], line: name, fail: fail)
            lines.append(Line(name: name, playback: playback, capture: capture, echoCanceller: echo))
        }
        return lines
    }

    private static func parseAgents(_ node: Node?, fail: (Node?, String) -> ServeConfigError) throws(ServeConfigError) -> [Agent] {
        guard let node else { return [] }
        guard let mapping = node.mapping else { throw fail(node, "agents: must map agent ids to {station: PCM} or {}") }
        var agents: [Agent] = []
        for (key, value) in mapping {
            guard let id = key.string, !id.isEmpty else { throw fail(key, "an agent id must be text") }
            var station: String?
            var autoAnswer = true
            if let fields = value.mapping {
                for (field, _) in fields where !["station", "auto_answer"].contains(field.string ?? "") {
                    throw fail(field, "unknown key '\(field.string ?? "?")' for agent \(id); expected station or auto_answer")
                }
                station = fields["station"]?.string
                if let node = fields["station"], let address = station, address.hasPrefix("sip:"),
                   !Self.isSIPAddress(address) {
                    throw fail(node, "station of agent \(id) must be a SIP address such as sip:\(id)@192.0.2.10:5062")
                }
                if let node = fields["auto_answer"] {
                    guard let value = node.bool else { throw fail(node, "auto_answer of agent \(id) must be true or false") }
                    if station?.hasPrefix("sip:") == true {
                        throw fail(node, "auto_answer does not apply to agent \(id)'s SIP phone: the phone answers "
                            + "(set auto-answer on the phone); remove it")
                    }
                    autoAnswer = value
                }
            } else if value.null == nil && value.string != "" {
                throw fail(value, "agent \(id) must be {station: PCM} or {}")
            }
            agents.append(Agent(id: id, station: station, autoAnswer: autoAnswer, line: key.mark?.line ?? 0))
        }
        return agents
    }

    /// `sip:user@host` or `sip:user@host:port`: no spaces, quotes or angle brackets.
    static func isSIPAddress(_ text: String) -> Bool {
        let rest = text.dropFirst(4)
        guard let at = rest.firstIndex(of: "@"), at > rest.startIndex, rest.index(after: at) < rest.endIndex else { return false }
        return !rest.contains { $0.isWhitespace || "<>\"';,".contains($0) } && rest.count <= 200
    }

    private static func parseQueues(_ node: Node?, fail: (Node?, String) -> ServeConfigError) throws(ServeConfigError)
        -> (timeouts: [String: Double], retries: [String: Double], lines: [String: Int]) {
        guard let node else { return ([:], [:], [:]) }
        guard let mapping = node.mapping else { throw fail(node, "queues: must map queue names to {timeout: SECONDS, retry: SECONDS}") }
        var timeouts: [String: Double] = [:]
        var retries: [String: Double] = [:]
        var lines: [String: Int] = [:]
        for (key, value) in mapping {
            guard let name = key.string, !name.isEmpty else { throw fail(key, "a queue name must be text") }
            lines[name] = key.mark?.line ?? 0
            guard let fields = value.mapping else { throw fail(value, "queue \(name) must be {timeout: SECONDS, retry: SECONDS}") }
            for (field, _) in fields where field.string != "timeout" && field.string != "retry" {
                throw fail(field, "unknown key '\(field.string ?? "?")' for queue \(name); expected timeout or retry")
            }
            if let retryNode = fields["retry"] {
                guard let seconds = retryNode.float, seconds >= 0, seconds <= 3600 else {
                    throw fail(retryNode, "retry of queue \(name) must be seconds from 0 to 3600 (e.g. 5; 0 offers again at once)")
                }
                retries[name] = seconds
            }
            guard let timeoutNode = fields["timeout"] else { continue }
            guard let seconds = timeoutNode.float, seconds > 0, seconds.isFinite else {
                throw fail(timeoutNode, "timeout of queue \(name) must be seconds greater than 0 (e.g. 15)")
            }
            timeouts[name] = seconds
        }
        return (timeouts, retries, lines)
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: 0
        }
    }
}

/// A problem in the serve configuration: `FILE:LINE: error: message`.
public struct ServeConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// The 1-based line (0: unknown).
    public var line: Int
    /// What is wrong and what to do.
    public var message: String

    /// An error at `line` of `file`.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `FILE:LINE: error: message`.
    public var description: String { line > 0 ? "\(file):\(line): error: \(message)" : "\(file): error: \(message)" }
}
