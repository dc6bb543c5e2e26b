import ArgumentParser

/// `ivr agent`: add agents and change their state.
struct AgentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent",
        abstract: "Add agents, log them in and out, pause them, list them.",
        subcommands: [Add.self, Change.self, Remove.self, Login.self, Logout.self, Break.self, Ready.self, List.self])
}
