import ArgumentParser

/// `ivr flow …`: work with call-flow files.
struct FlowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flow",
        abstract: "Check call-flow files and measure the interpreter (see docs/FLOWS.md).",
        subcommands: [Check.self, Bench.self])
}
