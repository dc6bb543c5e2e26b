import ArgumentParser
import CallQueue
import Foundation
import Storage

/// The store's queue settings for `ivr call`: a flow's `queue` step takes from them what it does
/// not state itself (`max_wait`, `announce_every`, `announce_first`; docs/QUEUE.md), live and
/// scripted alike, as in `ivr serve`.
extension CallCommand {
    /// Every stored queue's configuration (`QueueRecord.queueConfig`, the one translation).
    ///
    /// - Throws: `ExitCode(1)` after printing the error when a queue's stored hours are unreadable.
    static func queueConfigs(in store: Store) throws -> [QueueConfig] {
        do {
            return try store.queues().map { try $0.queueConfig() }
        } catch {
            printError("\(error) (fix it with `ivr queue set`)")
            throw ExitCode(1)
        }
    }

    /// A scripted call reads the data directory's store (`--data`, `$IVR_DATA`, `./data`) when it
    /// exists and never creates one; no store: every queue has the default settings.
    func scriptedQueueConfigs() throws -> [QueueConfig] {
        let directory = DataDirectory.resolve(explicit: line.data)
        guard FileManager.default.fileExists(atPath: directory.databaseURL.path) else {
            if line.data != nil {
                Self.printError("note: no store in \(directory.url.path) yet; the queues have their default settings")
            }
            return []
        }
        let store: Store
        do { store = try Store(directory: directory) } catch {
            Self.printError("\(error)")
            throw ExitCode(1)
        }
        return try Self.queueConfigs(in: store)
    }
}
