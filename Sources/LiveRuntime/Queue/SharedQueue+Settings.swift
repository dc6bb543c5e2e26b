import CallQueue
import Foundation
import Storage

/// The store is the truth for queue settings too: `ivr queue set NAME --strategy ring-all ...` in
/// another terminal reaches the running server within a second, as agent changes do.
extension SharedQueue {
    /// Remembers the settings the server started with; serve.yaml's `queues: {NAME: {timeout:}}`
    /// pins those queues' ring timeouts (the store's `ring_timeout` applies to the others).
    public func startSettings(_ queues: [QueueRecord], pinnedRingTimeouts pinned: Set<String>) {
        lock.withLock {
            pinnedRingTimeouts = pinned
            for record in queues {
                appliedSettings[record.name] = record.settings
                if !pinned.contains(record.name), let handle = try? manager.queue(named: record.name) {
                    ringTimeouts[handle] = record.ringTimeout
                }
            }
        }
    }

    /// Applies every queue whose stored settings changed since last applied (`reconfigure`: callers
    /// keep their places; a new strategy takes over the idle members). Unreadable hours keep the
    /// old settings and are logged.
    public func syncQueueSettings(_ queues: [QueueRecord]) {
        var notes: [String] = []
        lock.withLock {
            for record in queues {
                let settings = record.settings
                guard let applied = appliedSettings[record.name], applied != settings,
                      let handle = try? manager.queue(named: record.name) else { continue }
                do {
                    try manager.reconfigure(try record.queueConfig())
                    appliedSettings[record.name] = settings
                    if !pinnedRingTimeouts.contains(record.name) { ringTimeouts[handle] = settings.ringTimeout }
                    notes.append("queue \(record.name): settings changed (strategy \(settings.strategy.rawValue), "
                                 + "wrap-up \(Self.seconds(settings.wrapUp)) s, ring timeout "
                                 + "\(Self.seconds(ringTimeouts[handle] ?? Self.defaultRingTimeout)) s)")
                } catch {
                    appliedSettings[record.name] = settings
                    notes.append("queue \(record.name): new settings not applied: \(error)")
                }
            }
        }
        for note in notes { log(note) }
        if !notes.isEmpty { dispatch() }
    }
}
