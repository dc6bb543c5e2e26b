import ArgumentParser

/// `ivr prompt ...`: the prompt studio for staff.
struct PromptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prompt",
        abstract: "Record, import, list and play the prompts callers hear.",
        discussion: """
            Prompts live in a folder as <name>.wav (WAV PCM-16 mono 8000 Hz) with manifest.yaml \
            listing each prompt's text. The folder is --prompts DIR, else $IVR_PROMPTS, else ./prompts. \
            Takes are trimmed and levelled to -20 dBFS RMS with peaks at most -1 dBFS; the previous \
            take is kept in .backup/.
            """,
        subcommands: [PromptRecordCommand.self, PromptImportCommand.self, PromptListCommand.self,
                      PromptPlayCommand.self]
    )
}
