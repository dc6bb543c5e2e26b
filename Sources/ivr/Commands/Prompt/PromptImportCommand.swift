import Foundation
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

    @Flag(help: "Import a truncated file (its header promises more audio than it holds) as far as it goes.")
    var force = false

    @OptionGroup var prompts: PromptFolderOption

    func validate() throws { _ = try PromptArguments.name(name) }

    func run() throws {
        do {
            let result = try prompts.library.importFile(file, as: try PromptArguments.name(name), force: force)
            if let truncation = result.truncation {
                FileHandle.standardError.write(Data("ivr: \(truncation)\n".utf8))
            }
            print(PromptTakeReport(result: result).text, terminator: "")
        } catch {
            throw promptFailure(error)
        }
    }
}
