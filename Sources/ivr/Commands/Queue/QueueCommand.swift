import ArgumentParser

/// `ivr queue`: queue state and settings for supervisors.
struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Show queues (callers, callbacks, agents) and change their hours and callback policy.",
        subcommands: [Status.self, Configure.self])
}
