import ArgumentParser
import SoundIO

/// `--raw ENCODING[,RATE[,CHANNELS]]`: how to read a headerless file (e.g. one ALSA's file plugin wrote).
struct RawFormatOption: ParsableArguments {
    @Option(name: .customLong("raw"),
            help: ArgumentHelp("Read FILE as headerless audio: ENCODING[,RATE[,CHANNELS]], e.g. s16le,8000,1.",
                               valueName: "format"))
    var text: String?

    /// The parsed layout, or nil when `--raw` was not given (or was invalid, which `validate()` reports).
    var format: RawFormat? {
        guard let text, case .success(let format) = RawFormat.parse(text) else { return nil }
        return format
    }

    func validate() throws {
        if let text, case .failure(let error) = RawFormat.parse(text) {
            throw ValidationError(error.description)
        }
    }
}
