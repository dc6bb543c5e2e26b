import CallQueue
import Foundation

extension CallbackRecord {
    /// This callback as `CallQueue`'s value, for `QueueManager.restoreCallback` when a
    /// live runtime loads the store.
    ///
    /// - Parameters:
    ///   - queue: the manager's handle of `self.queue`.
    ///   - epochOffset: Unix time of the manager's time 0 (driver seconds = Unix − offset).
    /// The place in line keeps `joinedAt`; ties are broken by id, as in the store.
    public func managerCallback(queue: QueueHandle, epochOffset: Double) -> Callback {
        func driver(_ date: Date) -> Double { date.timeIntervalSince1970 - epochOffset }
        let merges = notes.split(separator: "\n").filter { $0.contains(" merged a second request ") }.count
        return Callback(id: CallbackID(UInt64(id ?? 0)), number: number, queue: queue, source: source,
                        requestedAt: driver(requestedAt), placeKey: driver(joinedAt), placeSeq: UInt64(id ?? 0),
                        notBefore: driver(due), attempts: attempts, status: status, reservedBy: nil,
                        reservedUntil: reservedUntil.map(driver), lastOutcome: outcome, requests: 1 + merges)
    }
}
