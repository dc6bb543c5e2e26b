import Foundation

/// A file under `voicemail/` that `repairVoicemails` leaves alone, and why.
public struct SkippedVoicemailFile: Sendable, Hashable, Codable {
    /// The file, relative to the data directory (`voicemail/…`).
    public var file: String
    /// Why it is not indexed and what to do, e.g. "is a symbolic link; …".
    public var reason: String

    /// Describes a skipped file.
    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }
}

extension Store {
    /// Why the file at `url` is not a recording the store may index, play or export — nil when
    /// it is a regular file. Symbolic links are never followed (one could point at /etc/passwd).
    static let missingReason = "does not exist"

    static func nonRegularFileReason(_ url: URL) -> String? {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return missingReason }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFLNK: return "is a symbolic link, not a recording; only regular files are voicemail"
        case S_IFDIR: return "is a folder, not a recording"
        default: return "is not a regular file (a device, pipe or socket), not a recording"
        }
    }

    /// Why an orphan file cannot be adopted by `repairVoicemails` (name, kind, size, a modification
    /// time the store cannot keep), or nil.
    func adoptionProblem(_ file: String) -> String? {
        do { try Self.checkVoicemailName(file) } catch {
            return "its name is not one the store chooses; move it out of \(DataDirectory.voicemailFolder)/ or rename it "
                + "like 20261123-100000-0000abcd.wav, then run 'ivr voicemail check --repair' again"
        }
        let url = directory.resolve(relativePath: file)
        if let reason = Self.nonRegularFileReason(url) {
            return "\(reason); move it out of \(DataDirectory.voicemailFolder)/ (put a copy of the recording there instead)"
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        guard size > 0 else {
            return "is empty (0 bytes), so it holds no message; delete it or move it out of \(DataDirectory.voicemailFolder)/"
        }
        let modified = attributes?[.modificationDate] as? Date ?? Date(timeIntervalSince1970: 0)
        guard Self.isStorable(modified) else {
            return "its modification time \(modified.formatted(.iso8601)) (used as the time received) is outside the years "
                + "\(Self.storableYears.lowerBound)-\(Self.storableYears.upperBound); set it with `touch`, then run "
                + "'ivr voicemail check --repair' again"
        }
        return nil
    }

    /// The recording of `record`, checked to be a regular file before it is played or copied out.
    ///
    /// - Throws: `StoreError.notARecording` for a symbolic link or anything but a regular file.
    public func checkedRecordingURL(of record: VoicemailRecord) throws -> URL {
        let url = recordingURL(of: record)
        if let reason = Self.nonRegularFileReason(url), reason != Self.missingReason {
            throw StoreError.notARecording(record.file, reason)
        }
        return url
    }
}
