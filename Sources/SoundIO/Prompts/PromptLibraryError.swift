import Foundation

/// What went wrong with the prompt library, with the file (and line) and what to do.
public enum PromptLibraryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The manifest is not valid; `line`/`column` are 1-based, 0 when unknown.
    case manifest(path: String, line: Int, column: Int, message: String)
    /// A prompt name that cannot be used.
    case badName(String)
    /// The prompts folder does not exist.
    case noFolder(path: String)
    /// The prompt has no file yet.
    case missingPrompt(name: String, path: String)
    /// A sound file could not be read or written.
    case sound(SoundFileError)
    /// The take holds nothing but silence after trimming.
    case silentTake(source: String)
    /// A file operation (backup, rename) failed.
    case fileOperation(path: String, message: String)
    /// The ALSA line failed (device missing, busy, unplugged).
    case line(AudioLineError)
    /// The source file's header promises more audio than the file holds; import it anyway with `--force`.
    case truncated(SoundFileTruncation)
    /// A recording broke off (device unplugged, disk full); the prompt was left as it was.
    case takeInterrupted(reason: String, rawTake: String)

    /// `FILE:LINE:COLUMN: error: message` for the manifest; the file and what to do otherwise.
    public var description: String {
        switch self {
        case .manifest(let path, let line, let column, let message):
            line > 0 ? "\(path):\(line):\(column): error: \(message)" : "\(path): error: \(message)"
        case .badName(let text):
            "error: \(PromptName.rule(for: text))"
        case .noFolder(let path):
            "\(path): error: no prompts folder here; create it, or point at it with --prompts DIR or $IVR_PROMPTS"
        case .missingPrompt(let name, let path):
            "\(path): error: prompt '\(name)' has not been recorded yet; "
                + "record it with `ivr prompt record \(name)` or import it with `ivr prompt import FILE \(name)`"
        case .sound(let error):
            error.description
        case .silentTake(let source):
            "\(source): error: nothing but silence was heard; check the microphone (and its level) and try again"
        case .fileOperation(let path, let message):
            "\(path): error: \(message); check the folder's permissions and free space"
        case .line(let error):
            "error: \(error)"
        case .truncated(let truncation):
            truncation.description.replacingOccurrences(of: ": warning: ", with: ": error: ")
                + "; the prompt was not changed (import what there is with --force)"
        case .takeInterrupted(let reason, let rawTake):
            "\(rawTake): error: the recording broke off (\(reason)); the prompt was not changed and "
                + "what was recorded is kept in this file; fix the cause and record again"
        }
    }
}
