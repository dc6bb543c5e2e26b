import ArgumentParser

/// `ivr voicemail`: the voicemail index for staff.
struct VoicemailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voicemail",
        abstract: "List, export, mark and delete voicemail; check the index against the files.",
        subcommands: [List.self, Export.self, Mark.self, Delete.self, Check.self])
}
