import ArgumentParser
import LiveRuntime
import Telephony

/// `--device PCM` or `--playback PCM --capture PCM`, and `--data DIR`: where a live call runs and keeps messages.
struct LiveLineOptions: ParsableArguments {
    @Option(help: ArgumentHelp("ALSA PCM for both directions (e.g. default, plughw:1,0, a PCM from ~/.asoundrc).", valueName: "PCM"))
    var device: String?

    @Option(help: ArgumentHelp("ALSA PCM the caller hears (instead of --device).", valueName: "PCM"))
    var playback: String?

    @Option(help: ArgumentHelp("ALSA PCM the caller speaks and keys into (instead of --device).", valueName: "PCM"))
    var capture: String?

    @Option(help: ArgumentHelp("Data directory for voicemail and callbacks (default: $IVR_DATA, else ./data).", valueName: "DIR"))
    var data: String?

    @Option(help: ArgumentHelp("Line echo canceller: on (default) or off. It removes the prompt's echo from the caller's audio.",
                               valueName: "on|off"))
    var echoCanceller: String = "on"

    @Option(help: ArgumentHelp("Echo canceller tail: the echo path length it covers, 8ms to 512ms.", valueName: "MS"))
    var echoTail: String = "64ms"

    /// The echo canceller settings the flags ask for (nil: off).
    var echoSettings: EchoCanceller.Settings? {
        guard EchoSetting.onOff(echoCanceller) == true, let tail = EchoSetting.tailMilliseconds(echoTail) else { return nil }
        return EchoCanceller.Settings(tailMilliseconds: tail)
    }

    /// True when any device was named.
    var isLive: Bool { device != nil || playback != nil || capture != nil }

    func validate() throws {
        if data?.isEmpty == true {
            throw ValidationError("--data is empty (an unset variable?); give a directory, or leave --data out to use $IVR_DATA or ./data")
        }
        if EchoSetting.onOff(echoCanceller) == nil {
            throw ValidationError("--echo-canceller must be on or off, not '\(echoCanceller)'")
        }
        if EchoSetting.tailMilliseconds(echoTail) == nil {
            throw ValidationError("--echo-tail must be milliseconds from 8 to 512 (e.g. 64ms), not '\(echoTail)'")
        }
        if device != nil && (playback != nil || capture != nil) {
            throw ValidationError("give --device PCM, or --playback PCM and --capture PCM, not both")
        }
        if device == nil && (playback == nil) != (capture == nil) {
            throw ValidationError("--playback and --capture go together (or give --device PCM for both)")
        }
    }

    /// The playback and capture PCM names.
    var pcms: (playback: String, capture: String)? {
        if let device { return (device, device) }
        if let playback, let capture { return (playback, capture) }
        return nil
    }
}
