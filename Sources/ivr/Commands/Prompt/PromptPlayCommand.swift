import ArgumentParser
import SoundIO

/// `ivr prompt play NAME [--device PCM]`.
struct PromptPlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play", abstract: "Play a prompt to an ALSA playback PCM.")

    @Argument(help: "The prompt's name.")
    var name: String

    @OptionGroup var prompts: PromptFolderOption
    @OptionGroup var alsa: ALSADeviceOptions

    func validate() throws { _ = try PromptArguments.name(name) }

    func run() throws {
        do {
            let prompt = try PromptArguments.name(name)
            let studio = PromptStudio(library: prompts.library)
            let samples = try studio.library.load(prompt)
            try studio.play(samples, on: try alsa.resolve())
            print("played \(prompt) (\(String(format: "%.2f", Double(samples.count) / 8000)) s) on \(alsa.device)")
        } catch {
            throw promptFailure(error)
        }
    }
}
