import ArgumentParser

/// `ivr audio ...`: look at sound files.
struct AudioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audio",
        abstract: "Inspect sound files (any format libsndfile reads).",
        subcommands: [AudioInfoCommand.self]
    )
}
