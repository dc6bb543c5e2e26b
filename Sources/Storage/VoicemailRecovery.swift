import Foundation
import GRDB

/// What `recoverInterruptedVoicemails` did.
public struct VoicemailRecovery: Sendable, Hashable, Codable {
    /// Messages whose recorder died mid-message, now completed from their files (status new, interrupted).
    public var completed: [VoicemailRecord] = []
    /// Files (relative to the data directory) of interrupted messages with no audio: row and file removed.
    public var removed: [String] = []

    /// Whether nothing needed recovering.
    public var isEmpty: Bool { completed.isEmpty && removed.isEmpty }

    /// Nothing recovered.
    public init() {}
}

extension Store {
    /// Completes the messages whose recording process died (crash, `kill -9`, power cut): every
    /// row in `recording` status whose `VoicemailRecordingLock` no live process holds.
    ///
    /// Each gets the length of the audio on its file (whose header is first brought up to the
    /// whole samples on disk), status new and `interrupted`; one with no audio is removed, file
    /// and row (a file that is not a PCM-16 WAV is kept, its length estimated from its size).
    /// Recordings in progress in any process (this one included) are left alone: their
    /// lock is held. Stale lock files are removed. Safe to run from several processes at once:
    /// the lock is held while a row is recovered and the row is re-read in the transaction.
    @discardableResult
    public func recoverInterruptedVoicemails() throws -> VoicemailRecovery {
        var recovery = VoicemailRecovery()
        for row in try voicemailsBeingRecorded() {
            guard let id = row.id, let lock = VoicemailRecordingLock.tryAcquire(for: row.file, in: directory) else { continue }
            defer { lock.release() }
            let url = directory.resolve(relativePath: row.file)
            let length = InterruptedRecordingFile.finalise(url)
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int
            // A file that is not a PCM-16 WAV is kept (length from its size, as `repairVoicemails` does).
            let seconds = length?.seconds ?? Double(max(0, (size ?? 0) - 44)) / 16000
            if size == nil || seconds == 0 {
                let current = try read { db in try VoicemailRecord.fetchOne(db, key: id) }
                guard current?.status == .recording else { continue }
                try? FileManager.default.removeItem(at: url)
                let deleted = try write { db, _ in
                    try VoicemailRecord.filter(key: id).filter(Column("status") == VoicemailStatus.recording.rawValue).deleteAll(db)
                }
                if deleted > 0 { recovery.removed.append(row.file) }
                continue
            }
            let completed = try write { db, _ -> VoicemailRecord? in
                guard var current = try VoicemailRecord.fetchOne(db, key: id), current.status == .recording else { return nil }
                current.duration = seconds
                current.status = .new
                current.interrupted = true
                try current.update(db)
                return current
            }
            if let completed { recovery.completed.append(completed) }
        }
        try removeStaleRecordingLocks()
        return recovery
    }

    /// Deletes lock files no live recorder holds and no `recording` row needs.
    private func removeStaleRecordingLocks() throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.voicemailURL.path)) ?? []
        let locks = names.filter { $0.hasPrefix(".") && $0.hasSuffix(".wav.lock") }
        guard !locks.isEmpty else { return }
        let recording = Set(try voicemailsBeingRecorded().map(\.file))
        for name in locks {
            let file = "\(DataDirectory.voicemailFolder)/\(name.dropFirst().dropLast(".lock".count))"
            guard !recording.contains(file), let lock = VoicemailRecordingLock.tryAcquire(for: file, in: directory) else { continue }
            lock.release()
        }
    }
}
