/// When a prompt recording stops: Enter, the stop key, a maximum length, or silence after speech.
public struct PromptRecordingRules: Sendable, Equatable {
    /// Longest take, in seconds.
    public var maxSeconds: Double = 60
    /// Stop once it has been quiet this long after some speech, in seconds.
    public var silenceAfterSpeechSeconds: Double = 3
    /// A 10 ms frame quieter than this RMS level counts as silence, in dBFS.
    public var silenceThresholdDBFS: Double = -45
    /// The keypad key that ends a take (heard in-band as DTMF), or nil for none.
    public var stopKey: Character? = "#"
    /// Audio kept before the stop key's tone began is cut this much earlier, in seconds,
    /// so no part of the tone stays in the take.
    public var keyGuardSeconds: Double = 0.02

    /// The documented defaults: 60 s max, 3 s of silence after speech, -45 dBFS, `#`.
    public init() {}
}

/// Why a recording stopped.
public enum RecordingStop: Sendable, Equatable, CustomStringConvertible {
    /// The person asked (Enter).
    case requested
    /// The stop key was heard.
    case key(Character)
    /// The maximum length was reached.
    case maxLength
    /// It stayed quiet long enough after speech.
    case silence
    /// The source ran out (a file source).
    case sourceEnded
    /// The line failed; what was recorded until then is kept.
    case lineFailed(AudioLineError)
    /// The take file could not be written; what was captured is kept in memory.
    case fileFailed(SoundFileError)

    /// A few words for the summary.
    public var description: String {
        switch self {
        case .requested: "Enter pressed"
        case .key(let key): "key \(key) pressed"
        case .maxLength: "maximum length reached"
        case .silence: "silence after speech"
        case .sourceEnded: "end of the input"
        case .lineFailed(let error): "line failed: \(error)"
        case .fileFailed(let error): "take file failed: \(error)"
        }
    }
}

/// Hears keypad keys in captured audio (in-band DTMF), e.g. the foundation's `DTMFReceiver`.
public protocol KeypadListener {
    /// Feeds the next captured samples; returns each key press that began, with the absolute
    /// index of its first sample since the listener started.
    mutating func keyPresses(in samples: [Int16]) -> [(key: Character, startSample: Int)]
}
