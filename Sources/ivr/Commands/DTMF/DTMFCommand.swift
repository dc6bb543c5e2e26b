import ArgumentParser

/// `ivr dtmf`: make and hear DTMF key presses in sound files.
struct DTMFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dtmf",
        abstract: "Generate DTMF key presses into a WAV file, or decode the keys in any sound file.",
        subcommands: [DTMFGenerateCommand.self, DTMFDecodeCommand.self])
}
