import ArgumentParser
import CallFlow
import CallQueue
import Foundation
import LiveRuntime
import SoundIO
import Storage

/// `ivr serve CONFIG`: answers calls on several ALSA lines at once, controlled through a Unix socket.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the IVR on several lines at once (see docs/LIVE.md).",
        discussion: """
            A telephony bridge rings lines through the control socket DATA/control.sock:
            `ivr line ring LINE [CALLER]`, `ivr line hangup LINE`, `ivr line answer AGENT`,
            `ivr line status`. Agents' states are re-read from the store every second, so
            `ivr agent login|logout|break|ready ID` reach the running server.
            Ctrl-C hangs up every call (messages are kept) and stops.
            """)

    @Argument(help: "The serve configuration (YAML: flow, data, prompts, lines, agents).")
    var config: String

    @Option(help: ArgumentHelp("Data directory (default: the config's data:, else $IVR_DATA, else ./data).", valueName: "DIR"))
    var data: String?

    @Option(help: ArgumentHelp("Prompt library (default: the config's prompts:, else $IVR_PROMPTS, else ./prompts).", valueName: "DIR"))
    var prompts: String?

    func run() throws {
        do {
            try serve()
        } catch let error as ServeConfigError {
            Self.fail(error.description)
        } catch let error as LiveCallError {
            Self.fail(error.description)
        }
    }

    private func serve() throws {
        let settings = try ServeConfig.load(config)
        let library = PromptLibrary.locate(option: prompts ?? settings.prompts)
        let available = Set(((try? FileManager.default.contentsOfDirectory(atPath: library.folder)) ?? [])
            .filter { $0.hasSuffix(".wav") }.map { String($0.dropLast(4)) })
            .union(((try? FileManager.default.contentsOfDirectory(atPath: library.folder + "/music")) ?? [])
                .map { "music/" + ($0.hasSuffix(".wav") ? String($0.dropLast(4)) : $0) })
        let compilation = FlowCompiler.compile(fileAt: settings.flow, availablePrompts: available)
        for diagnostic in compilation.errors { Self.printError(diagnostic.description) }
        guard let program = compilation.program else { Self.fail("\(settings.flow): fix the errors above") }
        let sounds = try PromptSet(program: program, library: library)
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
                                          station: agent.station.map { ALSADevice.named($0) })
            entry.loggedIn = summary.state != .loggedOut
            entry.autoAnswer = agent.autoAnswer
            agents.append(entry)
        }
        let log: @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }
        for note in InterruptedVoicemailText.lines(try store.recoverInterruptedVoicemails()) { log(note) }
        let queueRecords = try store.queues()
        let queueNames = queueRecords.map(\.name)
        for name in settings.ringTimeouts.keys.sorted() where !queueNames.contains(name) {
            throw ServeConfigError(file: config, line: settings.queueLines[name] ?? 0,
                                   message: "no queue '\(name)' in the store; queues: \(queueNames.joined(separator: ", "))")
        }
        let queue = try SharedQueue(queues: queueNames, agents: agents, store: store, ringTimeouts: settings.ringTimeouts,
                                    configs: try queueRecords.map { try $0.queueConfig() }, log: log)
        queue.startSettings(queueRecords, pinnedRingTimeouts: Set(settings.ringTimeouts.keys))
        for record in queueRecords where record.strategy != RoutingStrategy.longestIdle.rawValue || record.wrapUp > 0 {
            log("queue \(record.name): strategy \(record.strategy), wrap-up \(Int(record.wrapUp)) s")
        }
        queue.startTicking()
        let server = LineServer(setup: .init(program: program, sounds: sounds, lines: settings.lines,
                                             records: CallRecords(store: store), queue: queue), log: log)
        let socket = try ControlSocket(path: socketPath) { server.handle($0) }
        log("serving \(program.name) on \(settings.lines.map(\.name).joined(separator: ", ")); control socket \(socketPath)")
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
        socket.close()
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func fail(_ text: String) -> Never {
        printError(text)
        Foundation.exit(1)
    }
}
