import Foundation
import GRDB

/// Tells cheaply whether the store changed: SQLite's `PRAGMA data_version` on a connection of its
/// own (which changes whenever any other connection, in this process or another, commits), plus
/// the size of `queue_log` (appended just after a commit).
///
/// Used by the browser desk to push updates within a second of a change made by `ivr serve`,
/// another terminal or another browser, without re-reading the store on every tick.
public final class StoreChangeWatcher: @unchecked Sendable {
    private let queue: DatabaseQueue
    private let queueLog: URL

    /// A watcher over the store in `directory` (which must exist, e.g. opened once by `Store`).
    public init(directory: DataDirectory) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(Store.busyTimeout)
        config.label = "switchboard-store-watcher"
        queue = try DatabaseQueue(path: directory.databaseURL.path, configuration: config)
        queueLog = directory.queueLogURL
    }

    /// A value that differs whenever the store or the queue log changed since the last call.
    public func version() throws -> String {
        let data = try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        let size = ((try? FileManager.default.attributesOfItem(atPath: queueLog.path))?[.size] as? NSNumber)?.intValue ?? 0
        return "\(data)-\(size)"
    }
}
