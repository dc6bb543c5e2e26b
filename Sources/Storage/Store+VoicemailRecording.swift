import Foundation
import GRDB

/// A message's row from the moment recording starts, so a crash mid-message cannot hide it.
///
/// The recorder's order, and what a crash between two steps leaves:
///
/// 1. `VoicemailRecordingLock.acquire` — crash: a stale lock file, removed by the next recovery.
/// 2. create the WAV file (header only) — crash: a file without a row; `checkVoicemails` reports
///    it and `repairVoicemails` adopts it (0 s, caller unknown). The window is one `open(2)`.
/// 3. `startVoicemail` (status `recording`, duration 0) — from here a crash leaves a
///    `recording` row whose lock is free: `recoverInterruptedVoicemails` completes it from the
///    file (status new, `interrupted`), or removes row and file if no audio reached the disk.
/// 4. append audio (the header follows each period), trim, rename the trimmed take over the file.
/// 5. `completeVoicemail` (duration, status new), or for a too-short message `discardVoicemail`
///    (the file first, then the row: a crash between leaves a `recording` row without a file,
///    which recovery removes; never an orphan file).
/// 6. `VoicemailRecordingLock.release`.
///
/// So a completed row (new, heard, called back) always has its file; only a `recording` row can
/// briefly lack one, and only while its recorder is discarding it.
extension Store {
    /// Writes the row of a message whose recording has just begun: status `recording`, duration 0.
    ///
    /// Call holding the recording's `VoicemailRecordingLock`, after creating the file.
    /// - Throws: `StoreError.invalidVoicemailFile` (bad name or no file); nothing changes.
    @discardableResult
    public func startVoicemail(_ message: NewVoicemail) throws -> VoicemailRecord {
        var message = message
        message.duration = 0
        return try insertVoicemail(message, status: .recording)
    }

    /// Completes the row of a message recorded to its end: its (trimmed) length, status new.
    ///
    /// - Throws: `StoreError.unknownVoicemail` if the row is gone (deleted by hand meanwhile).
    @discardableResult
    public func completeVoicemail(_ id: Int64, duration: Double) throws -> VoicemailRecord {
        try write { db, _ in
            guard var record = try VoicemailRecord.fetchOne(db, key: id) else { throw StoreError.unknownVoicemail(id) }
            record.duration = duration
            if record.status == .recording { record.status = .new }
            try record.update(db)
            return record
        }
    }

    /// Drops a message that is too short: deletes its file, then its row (if still `recording`).
    public func discardVoicemail(_ id: Int64) throws {
        let record = try voicemail(id)
        guard record.status == .recording else { return }
        try? FileManager.default.removeItem(at: directory.resolve(relativePath: record.file))
        try write { db, _ in
            _ = try VoicemailRecord.filter(key: id).filter(Column("status") == VoicemailStatus.recording.rawValue).deleteAll(db)
        }
    }

    /// Rows still in `recording` status, oldest first (live recordings and, until recovered, dead ones).
    public func voicemailsBeingRecorded() throws -> [VoicemailRecord] {
        try read { db in
            try VoicemailRecord.filter(Column("status") == VoicemailStatus.recording.rawValue)
                .order(Column("received_at"), Column("id")).fetchAll(db)
        }
    }
}
