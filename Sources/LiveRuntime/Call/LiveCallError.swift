import SoundIO

/// Why a live call could not start or ended early, in words a user can act on.
public enum LiveCallError: Error, Sendable, CustomStringConvertible {
    /// A prompt or hold music file is missing or cannot be read (file and what to do).
    case prompt(String)
    /// The line's device failed: missing, busy, unplugged, refused the setup.
    case device(AudioLineError)
    /// The voicemail recording could not be written (file and libsndfile's words).
    case recording(String)
    /// The store refused or failed (voicemail index, callback).
    case store(String)

    /// The message, one line.
    public var description: String {
        switch self {
        case .prompt(let text): text
        case .device(let error): error.description
        case .recording(let text): text
        case .store(let text): text
        }
    }
}
