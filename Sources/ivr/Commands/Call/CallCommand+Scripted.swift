import ArgumentParser
import CallFlow
import SoundIO
import Storage
import Foundation

extension CallCommand {
    /// Runs the call on virtual time against the key script and prints the transcript.
    func runScripted(keys: String) throws {
        let script: KeyScript
        do { script = try KeyScript(keys) } catch let error as KeyScript.ParseError {
            throw ValidationError(error.description)
        }
        let available = try prompts.availableNames()
        let compilation = FlowCompiler.compile(fileAt: flow, availablePrompts: available)
        for diagnostic in compilation.errors {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
        guard let program = compilation.program else {
            FileHandle.standardError.write(Data("\(flow): fix the errors above (ivr flow check \(flow))\n".utf8))
            throw ExitCode(1)
        }
        let start = try startDate(in: program.timeZone)
        var lengths: [String: Double] = [:]
        for name in program.promptNames {
            if let info = try? SoundFile.info(prompts.file(name)) { lengths[name] = info.duration }
        }
        var options = ScriptedCall.Options(callerID: callerID, start: start, promptLengths: lengths)
        if let queuePosition { options.queuePosition = queuePosition }
        if let queueWait { options.estimatedWait = queueWait * 60 }
        options.queueConfigs = try scriptedQueueConfigs()
        let transcript = ScriptedCall(program: program, options: options).run(script)
        print(json ? transcript.json : transcript.text, terminator: json ? "\n" : "")
    }
}
