import ArgumentParser
import SoundIO

/// `ivr prompt import FILE NAME`: any sound file into the library, trimmed and levelled.
struct PromptImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a sound file (any format libsndfile reads) as a prompt, trimmed and levelled.")

    @Argument(help: "The sound file (WAV, FLAC, Ogg, AIFF, ...).")
    var file: String

    @Argument(help: "The prompt's name (its file becomes <name>.wav).")
    var name: String

    @OptionGroup var prompts: PromptFolderOption

    func validate() throws { _ = try PromptArguments.name(name) }

    func run() throws {
        do {
            let result = try prompts.library.importFile(file, as: try PromptArguments.name(name))
            print(PromptTakeReport(result: result).text, terminator: "")
        } catch {
            throw promptFailure(error)
        }
    }
}
