import ArgumentParser
import Foundation

/// The `ivr` command: Switchboard's single entry point. Each group lives in `Commands/<Group>/`.
@main
struct IVR: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ivr",
        abstract: "Switchboard: a phone-support IVR and call-queue simulator.",
        subcommands: [
            // Command groups are registered here, one line each (keep one per line to ease merges).
            AudioCommand.self,
            PromptCommand.self,
            AgentCommand.self,
            CallbackCommand.self,
            QueueCommand.self,
            VoicemailCommand.self,
            FlowCommand.self,
            CallCommand.self,
            ServeCommand.self,
            LineCommand.self,
            ErlangCommand.self,
            BenchCommand.self,
            DTMFCommand.self,
            SimulateCommand.self,
            WebCommand.self,
            UserCommand.self,
        ]
    )

    /// Parses and runs the command; a negative number given where an id goes (`-1`) is named
    /// as such instead of as a missing argument.
    static func main() async {
        do {
            var command = try parseAsRoot(SimulateCommand.withIntervalValue(Array(CommandLine.arguments.dropFirst())))
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let arguments = Array(CommandLine.arguments.dropFirst())
            if ["voicemail", "callback"].contains(arguments.first ?? ""), let word = RecordID.negativeNumber(in: arguments),
               message(for: error).contains("Missing expected argument") || message(for: error).contains("Unknown option") {
                FileHandle.standardError.write(Data("Error: '\(word)' is not an id: ids are positive numbers like 12 (see the list command)\n".utf8))
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
            exit(withError: error)
        }
    }
}
