import ArgumentParser
import CallFlow
import CallQueue
import Foundation
import LiveRuntime
import SIP
import SoundIO
import Storage

/// `ivr serve CONFIG`: answers calls on several ALSA lines at once, controlled through a Unix socket.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the IVR on several lines at once: ALSA lines and SIP calls (see docs/LIVE.md).",
        discussion: """
            A telephony bridge rings lines through the control socket DATA/control.sock:
            `ivr line ring LINE [CALLER]`, `ivr line hangup LINE`, `ivr line answer AGENT`,
            `ivr line status`. With `sip:` in the configuration, SIP phones, softphones and
            PBXs call it directly (UDP; G.711 with RFC 4733 keys). Agents' states are re-read from the store every second, so
            `ivr agent login|logout|break|ready ID` reach the running server.
            Ctrl-C hangs up every call (messages are kept) and stops.
            """)

    @Argument(help: "The serve configuration (YAML: flow, data, prompts, lines, sip, agents, queues).")
    var config: String

    @Option(help: ArgumentHelp("Data directory (default: the config's data:, else $IVR_DATA, else ./data).", valueName: "DIR"))
    var data: String?

    @Option(help: ArgumentHelp("Prompt library (default: the config's prompts:, else $IVR_PROMPTS, else ./prompts).", valueName: "DIR"))
    var prompts: String?

    @Option(help: ArgumentHelp("Business-hours time at start, local in the flow's time zone (e.g. 2026-11-23T10:00); the clock runs on from there. Default now.",
                               valueName: "TIME"))
    var at: String?

    func validate() throws {
        if let at, ScriptedCall.parseLocalTime(at, in: TimeZone(identifier: "UTC")!) == nil {
            throw ValidationError("--at '\(at)' is not a local time: write YYYY-MM-DDTHH:MM, e.g. 2026-11-23T10:00 (in the flow's time zone)")
        }
    }

    @Option(help: ArgumentHelp("Browser desk address (default: the config's web:, else 127.0.0.1:8080).", valueName: "HOST:PORT"))
    var web: String?

    @Flag(help: "Do not serve the browser desk.") var noWeb = false

    func run() throws {
        do {
            try serve()
        } catch let error as ServeConfigError {
            Self.fail(error.description)
        } catch let error as LiveCallError {
            Self.fail(error.description)
        } catch let error as SIPError {
            Self.fail("\(config): error: \(error.description)")
        }
    }

    private func serve() throws {
        let settings = try ServeConfig.load(config)
        let library = PromptLibrary.locate(option: prompts ?? settings.prompts)
        let (program, sounds) = try Self.loadFlow(settings.flow, library: library)
        let served = Date()
        let clock: @Sendable () -> Date
        if let at {
            guard let start = ScriptedCall.parseLocalTime(at, in: program.timeZone) else {
                Self.fail("error: --at '\(at)' does not exist in \(program.timeZone.identifier): the clocks go forward then")
            }
            clock = { start.addingTimeInterval(Date().timeIntervalSince(served)) }
        } else {
            clock = { Date() }
        }
        let store = try Store(directory: DataDirectory.resolve(explicit: data ?? settings.data))
        let socketPath = store.directory.url.appendingPathComponent("control.sock").path
        if ControlSocket.isAnswered(at: socketPath) { throw ControlSocket.alreadyServing(socketPath) }
        var agents: [SharedQueue.Agent] = []
        let known = try store.agents()
        for agent in settings.agents {
            guard let summary = known.first(where: { $0.id == agent.id }) else {
                throw ServeConfigError(file: config, line: agent.line,
                                       message: "agent \(agent.id) is not in the store; add it with `ivr agent add \(agent.id) --name NAME --skills QUEUE:1`")
            }
            var entry = SharedQueue.Agent(id: agent.id, skills: summary.skills.map { Skill(queue: $0.key, level: $0.value) },
                                          station: agent.pcmStation.map { ALSADevice.named($0) })
            entry.sipStation = agent.sipStation
            entry.loggedIn = summary.state != .loggedOut
            entry.autoAnswer = agent.autoAnswer
            agents.append(entry)
        }
        let log: @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }
        for note in InterruptedVoicemailText.lines(try store.recoverInterruptedVoicemails()) { log(note) }
        let queueRecords = try store.queues()
        let queueNames = queueRecords.map(\.name)
        for name in settings.queueLines.keys.sorted() where !queueNames.contains(name) {
            throw ServeConfigError(file: config, line: settings.queueLines[name] ?? 0,
                                   message: "no queue '\(name)' in the store; queues: \(queueNames.joined(separator: ", "))")
        }
        let session = store.startQueueLogSession()
        if !session.closedCalls.isEmpty {
            log("queue_log: closed \(session.closedCalls.count) call(s) a stopped server left open (LOSTONRESTART): \(session.closedCalls.joined(separator: " "))")
        }
        let queue = try SharedQueue(queues: queueNames, agents: agents, store: store, ringTimeouts: settings.ringTimeouts,
                                    retryDelays: settings.retryDelays, defaultRetry: ServeConfig.defaultRetry,
                                    configs: try queueRecords.map { try $0.queueConfig() }, callIDPrefix: session.callPrefix, log: log)
        queue.startSettings(queueRecords, pinnedRingTimeouts: Set(settings.ringTimeouts.keys))
        for record in queueRecords where record.strategy != RoutingStrategy.longestIdle.rawValue || record.wrapUp > 0 {
            log("queue \(record.name): strategy \(record.strategy), wrap-up \(Int(record.wrapUp)) s")
        }
        let server = LineServer(setup: .init(program: program, sounds: sounds, lines: settings.lines,
                                             records: CallRecords(store: store), queue: queue, clock: clock), log: log)
        var sipLines: SIPLines?
        if let sip = settings.sip {
            var flows: [String: SIPLines.Flow] = ["default": .init(program: program, sounds: sounds)]
            for (number, path) in sip.flows {
                let (numberProgram, numberSounds) = path == settings.flow ? (program, sounds) : try Self.loadFlow(path, library: library)
                flows[number] = .init(program: numberProgram, sounds: numberSounds)
            }
            let lines = SIPLines(setup: .init(settings: sip.settings, flows: flows, records: CallRecords(store: store),
                                              queue: queue, clock: clock, echoCanceller: sip.echoCanceller), log: log, numbers: { server.takeCallNumber() })
            try lines.start()
            server.addStatus { lines.statusLines() }
            queue.stationDialer = lines
            let phones = Dictionary(settings.agents.compactMap { agent in agent.sipStation.map { (agent.id, $0) } },
                                    uniquingKeysWith: { first, _ in first })
            let dialer = CallbackDialer(lines: lines, store: store, trunk: sip.trunk, stations: phones,
                                        ringback: CallbackDialer.ringback(callingCode: program.phoneRegion.callingCode), log: log)
            server.addCommands { dialer.handle($0) }
            sipLines = lines
        }
        queue.startTicking()
        let socket = try ControlSocket(path: socketPath) { server.handle($0) }
        let desk = try ServeWeb.start(flag: web, disabled: noWeb, config: settings.web, data: store.directory,
                                      prompts: library, log: log)
        let names = settings.lines.map(\.name) + (settings.sip.map { ["sip \($0.settings.transports) \($0.settings.listen)"] } ?? [])
        log("serving \(program.name) on \(names.joined(separator: ", ")); control socket \(socketPath)")
        let stop = DispatchSemaphore(value: 0)
        var sources: [DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.signal() }
            source.resume()
            sources.append(source)
        }
        stop.wait()
        log("stopping: hanging up every call (messages are kept)")
        server.hangUpAll()
        sipLines?.stop()
        socket.close()
        desk?.stop()
    }

    /// Compiles the flow at `path` against the library's prompts and loads its sounds.
    static func loadFlow(_ path: String, library: PromptLibrary) throws -> (FlowProgram, PromptSet) {
        let available = Set(((try? FileManager.default.contentsOfDirectory(atPath: library.folder)) ?? [])
            .filter { $0.hasSuffix(".wav") }.map { String($0.dropLast(4)) })
            .union(((try? FileManager.default.contentsOfDirectory(atPath: library.folder + "/music")) ?? [])
                .map { "music/" + ($0.hasSuffix(".wav") ? String($0.dropLast(4)) : $0) })
        let compilation = FlowCompiler.compile(fileAt: path, availablePrompts: available)
        for diagnostic in compilation.errors { printError(diagnostic.description) }
        guard let program = compilation.program else { fail("\(path): fix the errors above") }
        return (program, try PromptSet(program: program, library: library))
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func fail(_ text: String) -> Never {
        printError(text)
        Foundation.exit(1)
    }
}
