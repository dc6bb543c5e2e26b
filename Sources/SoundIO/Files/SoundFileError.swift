import Foundation

/// Why a sound file could not be read or written, naming the file and what libsndfile said.
///
/// `description` is a complete message a user can act on:
/// `prompts/greeting.wav: error: <what happened> (libsndfile: <its words>); <what to do>`.
public enum SoundFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No file exists at the path.
    case missing(path: String)
    /// The file exists but holds no bytes.
    case empty(path: String)
    /// libsndfile does not recognise the content as any sound format it reads.
    case unrecognised(path: String, libsndfile: String)
    /// The container is known but its encoding or layout is one libsndfile cannot decode.
    case unsupported(path: String, libsndfile: String)
    /// The container is known but the content is damaged (bad header, truncated chunk, ...).
    case corrupt(path: String, libsndfile: String)
    /// The operating system refused access (permissions, a directory instead of a file, I/O error).
    case unreadable(path: String, libsndfile: String)
    /// The file could not be created or written.
    case cannotWrite(path: String, libsndfile: String)
    /// Resampling through libsamplerate failed.
    case resampling(path: String, libsamplerate: String)

    /// The file the error is about.
    public var path: String {
        switch self {
        case .missing(let path), .empty(let path): path
        case .unrecognised(let path, _), .unsupported(let path, _), .corrupt(let path, _),
             .unreadable(let path, _), .cannotWrite(let path, _), .resampling(let path, _): path
        }
    }

    /// A one-paragraph message: file, what happened, what the library said, what to do.
    public var description: String {
        switch self {
        case .missing(let path):
            "\(path): error: no such file; check the path (relative paths start from \(currentDirectory))"
        case .empty(let path):
            "\(path): error: the file is empty (0 bytes); re-export or re-record it"
        case .unrecognised(let path, let message):
            "\(path): error: not a sound format libsndfile recognises (libsndfile: \(message)); "
                + "convert it to WAV, FLAC or Ogg first (e.g. `sox IN OUT.wav`), or if it is raw PCM give its format"
        case .unsupported(let path, let message):
            "\(path): error: the sound encoding is not supported (libsndfile: \(message)); "
                + "convert it to PCM WAV first (e.g. `sox IN -e signed -b 16 OUT.wav`)"
        case .corrupt(let path, let message):
            "\(path): error: the file is damaged (libsndfile: \(message)); "
                + "re-export or re-record it"
        case .unreadable(let path, let message):
            "\(path): error: cannot read the file (libsndfile: \(message)); check that it is a file you may read"
        case .cannotWrite(let path, let message):
            "\(path): error: cannot write the file (libsndfile: \(message)); "
                + "check that the folder exists, is writable and the disk is not full"
        case .resampling(let path, let message):
            "\(path): error: resampling failed (libsamplerate: \(message)); report this with the file attached"
        }
    }

    private var currentDirectory: String {
        FileManager.default.currentDirectoryPath
    }
}
