import ArgumentParser

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
}
