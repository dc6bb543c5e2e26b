import Foundation

/// Where the store lives: the SQLite database, voicemail files and the queue log.
///
/// Chosen in this order: an explicit directory (`--data DIR`), then the
/// `IVR_DATA` environment variable, then `./data` in the current directory.
/// The directory is created on first use.
///
/// Layout:
/// ```
/// DIR/store.sqlite          the database (WAL mode: also store.sqlite-wal, -shm)
/// DIR/store.lock            taken briefly while a process creates or migrates the database
/// DIR/voicemail/*.wav       voicemail recordings, named by the store, never by a caller
/// DIR/queue_log             Asterisk queue_log lines, appended
/// DIR/queue_log.jsonl       the same events as JSON lines, appended
/// ```
public struct DataDirectory: Sendable, Hashable {
    /// The directory itself (absolute).
    public let url: URL

    /// Uses `url` as the data directory.
    public init(url: URL) {
        self.url = url.standardizedFileURL
    }

    /// Resolves the data directory from an explicit option, then `IVR_DATA`, then `./data`.
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                               currentDirectory: String = FileManager.default.currentDirectoryPath) -> DataDirectory {
        let cwd = URL(fileURLWithPath: currentDirectory, isDirectory: true)
        if let explicit, !explicit.isEmpty { return DataDirectory(url: URL(fileURLWithPath: explicit, relativeTo: cwd)) }
        if let env = environment["IVR_DATA"], !env.isEmpty { return DataDirectory(url: URL(fileURLWithPath: env, relativeTo: cwd)) }
        return DataDirectory(url: cwd.appendingPathComponent("data", isDirectory: true))
    }

    /// The SQLite database file.
    public var databaseURL: URL { url.appendingPathComponent("store.sqlite") }
    /// The lock file held while the database is created or migrated.
    public var lockURL: URL { url.appendingPathComponent("store.lock") }
    /// The folder of voicemail recordings.
    public var voicemailURL: URL { url.appendingPathComponent(Self.voicemailFolder, isDirectory: true) }
    /// The Asterisk-format queue log.
    public var queueLogURL: URL { url.appendingPathComponent("queue_log") }
    /// The JSON-lines queue log.
    public var queueLogJSONURL: URL { url.appendingPathComponent("queue_log.jsonl") }

    /// Name of the voicemail folder inside the data directory.
    public static let voicemailFolder = "voicemail"

    /// The absolute location of a path stored relative to the data directory.
    public func resolve(relativePath: String) -> URL {
        url.appendingPathComponent(relativePath)
    }

    /// Creates the directory and its voicemail folder if missing.
    func create() throws {
        for folder in [url, voicemailURL] {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else { throw StoreError.dataDirectory(url.path, "\(folder.path) is not a directory") }
                continue
            }
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                let parent = folder.deletingLastPathComponent().path
                let writable = FileManager.default.isWritableFile(atPath: parent)
                throw StoreError.dataDirectory(url.path, writable ? "cannot create \(folder.path)"
                                                                  : "cannot create \(folder.path) (is \(parent) missing or read-only?)")
            }
        }
    }
}
