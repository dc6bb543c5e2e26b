import Foundation
import GRDB

/// The durable store: one SQLite database (GRDB `DatabasePool`, WAL mode) in a data directory.
///
/// Safe to use from many processes at once. Every change runs in one
/// `BEGIN IMMEDIATE` transaction, so writers queue up instead of failing: a busy
/// database is retried for up to `busyTimeout` seconds before an error. Readers
/// never block writers (WAL). The queue log files are appended after the
/// transaction commits (see `QueueLogFiles`).
public final class Store: Sendable {
    /// The data directory.
    public let directory: DataDirectory
    /// How long a writer waits for another process's transaction before giving up.
    public static let busyTimeout: TimeInterval = 30

    let pool: DatabasePool
    let queueLog: QueueLogFiles

    /// Opens (creating and migrating if needed) the store in `directory`.
    ///
    /// Creation and migration run under an exclusive lock on `store.lock`, so
    /// processes starting together do not race. A fresh store holds the default
    /// queues (`StoreDefaults`).
    /// - Throws: `StoreError.dataDirectory` if the directory cannot be used, `StoreError.notAStore`
    ///   if `store.sqlite` there is not an SQLite database (or is damaged), or a database error.
    public init(directory: DataDirectory) throws {
        self.directory = directory
        try directory.create()
        var config = Configuration()
        config.busyMode = .timeout(Store.busyTimeout)
        config.label = "switchboard-store"
        let pool = try FileLock.holding(directory.lockURL) { () throws -> DatabasePool in
            do {
                let pool = try DatabasePool(path: directory.databaseURL.path, configuration: config)
                try StoreSchema.migrator.migrate(pool)
                return pool
            } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
                throw StoreError.notAStore(directory.databaseURL.path)
            }
        }
        self.pool = pool
        self.queueLog = QueueLogFiles(text: directory.queueLogURL, json: directory.queueLogJSONURL)
    }

    /// Runs `body` in one immediate write transaction, then appends the queue events
    /// it recorded to the log files. If `body` throws, nothing is changed and nothing is logged.
    func write<T>(_ body: (Database, inout StoreEventBuffer) throws -> T) throws -> T {
        RealTimeThread.check("a store write")
        var events = StoreEventBuffer()
        let result: T = try pool.writeWithoutTransaction { db in
            var value: T?
            try db.inTransaction(.immediate) {
                events = StoreEventBuffer()
                value = try body(db, &events)
                return .commit
            }
            guard let value else { preconditionFailure("transaction committed without a value") }
            return value
        }
        queueLog.append(text: events.text, json: events.json)
        return result
    }

    /// Runs `body` on a read-only snapshot.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        RealTimeThread.check("a store read")
        return try pool.read(body)
    }
}
