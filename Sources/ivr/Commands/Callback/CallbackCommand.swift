import ArgumentParser

/// `ivr callback`: request, list, reserve and finish callbacks.
struct CallbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "callback",
        abstract: "Callbacks that keep the caller's place: request, list, take the next one, report the outcome.",
        subcommands: [Request.self, List.self, Show.self, Next.self, Done.self])
}
