import Foundation

/// What `install` did.
public struct PromptInstallation: Sendable, Equatable {
    /// The prompt's file.
    public var path: String
    /// Where the previous take was kept, if there was one.
    public var backup: String?
}

extension PromptLibrary {
    /// Saves `samples` as prompt `name`, keeping any previous take in `.backup/<name>-<UTC time>.wav`.
    ///
    /// The new take is written to a hidden temporary file first and renamed over the old one,
    /// so the prompt file is always either the old take or the whole new one.
    public func install(_ samples: [Int16], as name: PromptName, at time: Date = Date())
        throws(PromptLibraryError) -> PromptInstallation {
        try checkFolder()
        let temporary = (folder as NSString).appendingPathComponent(".\(name.value).wav.partial")
        do { try WAVWriter.write(samples: samples, to: temporary) } catch { throw .sound(error) }
        return try installWritten(temporary, as: name, at: time)
    }

    /// Puts a complete take already written to `temporary` (in the library folder) in place as
    /// prompt `name`, keeping any previous take in `.backup/`.
    func installWritten(_ temporary: String, as name: PromptName, at time: Date) throws(PromptLibraryError)
        -> PromptInstallation {
        let target = path(for: name)
        var backup: String?
        if FileManager.default.fileExists(atPath: target) {
            backup = try keepBackup(of: target, name: name, at: time)
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw .fileOperation(path: target, message: "cannot put the new take in place (\(reason))")
        }
        return PromptInstallation(path: target, backup: backup)
    }

    /// Links (or copies) the current take into `.backup/`, never overwriting an earlier backup.
    private func keepBackup(of target: String, name: PromptName, at time: Date) throws(PromptLibraryError) -> String {
        let manager = FileManager.default
        do { try manager.createDirectory(atPath: backupFolder, withIntermediateDirectories: true) } catch {
            throw .fileOperation(path: backupFolder, message: "cannot create the backup folder (\(error.localizedDescription))")
        }
        let stamp = Self.backupStamp(time)
        var candidate = (backupFolder as NSString).appendingPathComponent("\(name.value)-\(stamp).wav")
        var counter = 2
        while manager.fileExists(atPath: candidate) {
            candidate = (backupFolder as NSString).appendingPathComponent("\(name.value)-\(stamp)-\(counter).wav")
            counter += 1
        }
        do {
            if link(target, candidate) != 0 { try manager.copyItem(atPath: target, toPath: candidate) }
        } catch {
            throw .fileOperation(path: candidate, message: "cannot keep the previous take (\(error.localizedDescription))")
        }
        return candidate
    }

    /// `20261122T214500Z`: sortable, UTC, safe in file names.
    static func backupStamp(_ time: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: time)
    }
}
