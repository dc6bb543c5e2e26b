import ArgumentParser
import Foundation
import SoundIO

/// `--prompts DIR`, shared by every prompt command.
struct PromptFolderOption: ParsableArguments {
    @Option(name: .customLong("prompts"), help: ArgumentHelp(
        "The prompts folder (default: $IVR_PROMPTS, else ./prompts).", valueName: "dir"))
    var folder: String?

    /// The library the options point at.
    var library: PromptLibrary { PromptLibrary.locate(option: folder) }
}

/// `--device PCM` and `--alsa-config FILE`: which ALSA PCM to use.
struct ALSADeviceOptions: ParsableArguments {
    @Option(name: .customLong("device"), help: ArgumentHelp(
        "ALSA PCM (e.g. default, plughw:1,0, or a PCM from your ~/.asoundrc).", valueName: "pcm"))
    var device = "default"

    @Option(name: .customLong("alsa-config"), help: ArgumentHelp(
        "Read PCM definitions from this file (asoundrc syntax) instead of the system configuration.",
        valueName: "file"))
    var configurationFile: String?

    /// The PCM named by `--device`.
    func resolve(_ name: String? = nil) throws -> ALSADevice {
        try ALSADevice.resolve(name ?? device, configurationFile: configurationFile)
    }
}

/// Prompt-name argument validation shared by the commands.
enum PromptArguments {
    static func name(_ text: String) throws -> PromptName {
        guard let name = PromptName(text) else { throw ValidationError(PromptName.rule(for: text)) }
        return name
    }
}

/// Prints an error to stderr as `ivr: <message>` and fails the command.
func promptFailure(_ error: any Error) -> ExitCode {
    FileHandle.standardError.write(Data("ivr: \(error)\n".utf8))
    return ExitCode.failure
}
