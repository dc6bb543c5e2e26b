import ArgumentParser

/// `ivr queue`: queue state and settings for supervisors.
struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Show queues (callers, callbacks, agents) and show or change their settings (strategy, wrap-up, hours, ...).",
        subcommands: [Status.self, Show.self, Configure.self])
}
