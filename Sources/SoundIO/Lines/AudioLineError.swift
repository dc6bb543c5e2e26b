/// Why an ALSA line failed, naming the PCM, what was being done and ALSA's own words.
public struct AudioLineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure it is, so callers can react (end the call, keep the recording, ...).
    public enum Kind: Sendable, Equatable {
        /// No such PCM or device (ALSA `-ENOENT`, unknown PCM name).
        case missing
        /// Another program holds the device (`-EBUSY`).
        case busy
        /// The device went away while in use (`-ENODEV`, `-EIO`, `-EBADFD`), e.g. a USB headset unplugged.
        case unplugged
        /// The device refused the format, rate, period or buffer asked of it.
        case unsupportedSetup
        /// The local ALSA configuration text could not be parsed.
        case badConfiguration
        /// Anything else ALSA reported.
        case failed
    }

    /// The failure kind.
    public var kind: Kind
    /// The PCM name (e.g. `default`, `plughw:1,0`).
    public var pcm: String
    /// What was being done (e.g. `open for capture`, `read`).
    public var operation: String
    /// ALSA's message (`snd_strerror` and, when alsa-lib logged one, its detail).
    public var alsa: String
    /// The negative errno ALSA returned, 0 when not applicable.
    public var code: Int32

    /// An error about `pcm`.
    public init(kind: Kind, pcm: String, operation: String, alsa: String, code: Int32 = 0) {
        self.kind = kind
        self.pcm = pcm
        self.operation = operation
        self.alsa = alsa
        self.code = code
    }

    /// `ALSA PCM 'NAME': cannot OPERATION: ALSA'S WORDS; WHAT TO DO`.
    public var description: String {
        "ALSA PCM '\(pcm)': cannot \(operation): \(alsa); \(advice)"
    }

    private var advice: String {
        switch kind {
        case .missing:
            "check the name with `aplay -L` / `arecord -L` (e.g. default, plughw:1,0) or define it in ~/.asoundrc"
        case .busy:
            "another program is using the device; close it (see `fuser -v /dev/snd/*`) or use a dmix/dsnoop PCM"
        case .unplugged:
            "the device went away (unplugged or powered down); reconnect it and start again"
        case .unsupportedSetup:
            "open it through `plug` (e.g. plughw:CARD,DEV or default) so ALSA converts rate and format"
        case .badConfiguration:
            "fix the ALSA configuration text (same syntax as ~/.asoundrc)"
        case .failed:
            "see the ALSA message above; `aplay -v`/`arecord -v` with the same PCM may say more"
        }
    }
}
