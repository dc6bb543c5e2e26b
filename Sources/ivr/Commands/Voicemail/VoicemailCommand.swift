import ArgumentParser

/// `ivr voicemail`: the voicemail index for staff.
struct VoicemailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voicemail",
        abstract: "List, play, export, mark and delete voicemail; check the index against the files.",
        subcommands: [List.self, Play.self, Export.self, Mark.self, Delete.self, Check.self])
}
