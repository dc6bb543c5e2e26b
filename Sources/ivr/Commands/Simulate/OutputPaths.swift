import ArgumentParser
import Foundation

/// Checks, before a long run, that report files can be written where the user asked.
enum OutputPaths {
    /// Throws a usage error naming the folder when `file` cannot be created or replaced.
    static func checkFile(_ file: String, option: String) throws {
        let folder = (file as NSString).deletingLastPathComponent
        let what = "\(option) \(file): "
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isDir) else {
            throw ValidationError(what + "the folder '\(folder)' does not exist; create it or pick another path")
        }
        guard isDir.boolValue else { throw ValidationError(what + "'\(folder)' is a file, not a folder") }
        if FileManager.default.fileExists(atPath: file, isDirectory: &isDir), isDir.boolValue {
            throw ValidationError(what + "'\(file)' is a folder; give a file name such as \(file)/report.html")
        }
        try probe(folder.isEmpty ? "." : folder, what: what)
    }

    /// Creates `folder` if missing and throws a usage error when it cannot hold new files.
    static func checkFolder(_ folder: String, option: String) throws {
        let what = "\(option) \(folder): "
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ValidationError(what + "cannot create the folder '\(folder)' (a part of the path is missing, "
                + "a file or not writable); pick another path")
        }
        try probe(folder, what: what)
    }

    /// Writes and removes a small file in `folder`; permission bits alone say nothing when running as root.
    private static func probe(_ folder: String, what: String) throws {
        let path = (folder as NSString).appendingPathComponent(".ivr-write-check-\(getpid())")
        guard FileManager.default.createFile(atPath: path, contents: Data()) else {
            throw ValidationError(what + "the folder '\(folder)' is not writable; pick another path")
        }
        try? FileManager.default.removeItem(atPath: path)
    }
}
