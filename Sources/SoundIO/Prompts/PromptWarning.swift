import Foundation

/// Something a person should fix or know about a prompt or a take.
public enum PromptWarning: Sendable, Equatable, CustomStringConvertible {
    /// The take had samples at full scale before levelling: it was clipped when recorded.
    case clippedTake(samples: Int)
    /// The take was very quiet before levelling (levelling raised the noise too).
    case quietTake(rmsDBFS: Double)
    /// Peaks held the gain back, so the prompt is quieter than the target.
    case belowTarget(rmsDBFS: Double, targetDBFS: Double)
    /// A library file has samples at full scale.
    case clipping(samples: Int)
    /// A library file is quieter than callers can comfortably hear.
    case tooQuiet(rmsDBFS: Double)
    /// A library file is not WAV PCM-16 mono 8 kHz.
    case wrongFormat(found: String)
    /// A library file could not be read.
    case unreadable(reason: String)
    /// A file in the folder that the manifest does not list.
    case notInManifest
    /// A prompt whose file holds no sound at all.
    case silent

    /// One line a person can act on.
    public var description: String {
        switch self {
        case .clippedTake(let count):
            "the take clipped (\(count) samples at full scale): lower the input gain or move back from the microphone"
        case .quietTake(let rms):
            "the take was very quiet (\(Self.dB(rms)) RMS before levelling): move closer or raise the input gain"
        case .belowTarget(let rms, let target):
            "peaks kept the level at \(Self.dB(rms)) RMS (target \(Self.dB(target))): sharp sounds (p, t, clicks) limit it"
        case .clipping(let count):
            "clipping: \(count) samples at full scale; re-record or re-import at a lower level"
        case .tooQuiet(let rms):
            "too quiet (\(Self.dB(rms)) RMS): re-import it with `ivr prompt import` to level it"
        case .wrongFormat(let found):
            "wrong format (\(found)); the library needs WAV PCM-16 mono 8000 Hz: re-import it with `ivr prompt import`"
        case .unreadable(let reason):
            "unreadable: \(reason)"
        case .notInManifest:
            "not listed in manifest.yaml: add it there (with its text) or remove the file"
        case .silent:
            "the file is silent: record it again"
        }
    }

    static func dB(_ value: Double) -> String {
        value.isFinite ? String(format: "%.1f dBFS", value) : "-inf dBFS"
    }
}
