import ArgumentParser

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

    /// True when any device was named.
    var isLive: Bool { device != nil || playback != nil || capture != nil }

    func validate() throws {
        if data?.isEmpty == true {
            throw ValidationError("--data is empty (an unset variable?); give a directory, or leave --data out to use $IVR_DATA or ./data")
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
