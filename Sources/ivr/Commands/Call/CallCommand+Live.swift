import ArgumentParser
import CallFlow
import Foundation
import LiveRuntime
import SoundIO
import Storage

extension CallCommand {
    /// Runs one live call at once on the ALSA line, printing the transcript as it happens.
    func runLive() throws {
        guard let pcms = line.pcms else { throw ValidationError("give --device PCM") }
        let program = try compileForLive()
        let start = try startDate(in: program.timeZone)
        let sounds: PromptSet
        let ports: LinePorts
        let store: Store
        do {
            sounds = try PromptSet(program: program, library: PromptLibrary(folder: prompts.resolved.path))
            store = try Store(directory: DataDirectory.resolve(explicit: line.data))
            for note in InterruptedVoicemailText.lines(try store.recoverInterruptedVoicemails()) { Self.printError("note: \(note)") }
            ports = try LinePorts.open(playback: .named(pcms.playback), capture: .named(pcms.capture))
        } catch {
            Self.printError("\(error)")
            throw ExitCode(1)
        }
        let control = LineControl()
        let signals = HangUpSignals(control: control) { _ in Self.printError("hanging up (a message being recorded is kept)") }
        let keypad = TerminalKeypad(control: control)
        Self.printOut("call to \(program.name) on \(pcms.playback == pcms.capture ? pcms.playback : "\(pcms.playback) / \(pcms.capture)")"
              + (keypad.isActive ? " (type keys 0-9 * # here; Ctrl-C hangs up)" : ""))
        var options = LiveCallOptions(callerID: callerID, start: start) { entry in
            FileHandle.standardOutput.write(Data((Transcript.line(entry) + "\n").utf8))
        }
        options.queues = SoloQueue(configs: try Self.queueConfigs(in: store))
        options.echoCanceller = line.echoSettings
        let call = LiveCall(program: program, sounds: sounds, records: CallRecords(store: store), options: options)
        let result = LiveLine.run(call, source: ports.source, sink: ports.sink, control: control)
        keypad.stop()
        signals.cancel()
        Self.printOut("outcome: \(result.outcome?.result.rawValue ?? "none") after \(String(format: "%.2f", Double(result.frames) / 8000)) s of line time")
        for problem in result.problems { Self.printError(problem.description) }
        if let error = result.lineError {
            Self.printError("\(error.description) (the call ended; anything recorded was kept)")
            throw ExitCode(1)
        }
    }

    private func compileForLive() throws -> FlowProgram {
        let compilation = FlowCompiler.compile(fileAt: flow, availablePrompts: try prompts.availableNames())
        for diagnostic in compilation.errors { Self.printError(diagnostic.description) }
        guard let program = compilation.program else {
            Self.printError("\(flow): fix the errors above (ivr flow check \(flow))")
            throw ExitCode(1)
        }
        return program
    }

    static func printOut(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasPrefix("error") || text.contains(": error:") || text.hasPrefix("ALSA") ? text : "error: \(text)").utf8 + [10]))
    }
}
