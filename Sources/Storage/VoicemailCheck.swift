import Foundation
import GRDB

/// What the orphan check found: recordings without rows and rows without recordings.
public struct VoicemailCheckReport: Sendable, Hashable, Codable {
    /// WAV files under `voicemail/` that no row points to (e.g. a file copied in by hand, or a
    /// crash between creating a recording and writing its row). A file whose recorder is still
    /// starting (its lock held) is not counted.
    public var filesWithoutRows: [String]
    /// Rows whose file is missing (should never happen; reported if it does). Rows in `recording`
    /// status are not counted: they belong to `recoverInterruptedVoicemails`.
    public var rowsWithoutFiles: [VoicemailRecord]
    /// Files without rows that cannot be indexed and are left alone, with why and what to do:
    /// a name the store would not choose, a symbolic link or other non-regular file, an empty file.
    public var skippedFiles: [SkippedVoicemailFile] = []

    /// Whether nothing is wrong.
    public var isClean: Bool { filesWithoutRows.isEmpty && rowsWithoutFiles.isEmpty && skippedFiles.isEmpty }

    enum CodingKeys: String, CodingKey {
        case filesWithoutRows = "files_without_rows"
        case rowsWithoutFiles = "rows_without_files"
        case skippedFiles = "skipped_files"
    }
}

extension Store {
    /// Compares the voicemail folder with the index and reports orphans either way.
    /// Run `recoverInterruptedVoicemails` first to complete messages whose recorder died.
    public func checkVoicemails() throws -> VoicemailCheckReport {
        let rows = try read { db in try VoicemailRecord.fetchAll(db) }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.voicemailURL.path)) ?? []
        let files = Set(names.filter { $0.hasSuffix(".wav") && !$0.hasPrefix(".") }.map { "\(DataDirectory.voicemailFolder)/\($0)" })
        let indexed = Set(rows.map(\.file))
        let orphans = files.subtracting(indexed).sorted().filter { !VoicemailRecordingLock.isHeld(for: $0, in: directory) }
        var adoptable: [String] = []
        var skipped: [SkippedVoicemailFile] = []
        for file in orphans {
            if let reason = adoptionProblem(file) {
                skipped.append(SkippedVoicemailFile(file: file, reason: reason))
            } else {
                adoptable.append(file)
            }
        }
        return VoicemailCheckReport(
            filesWithoutRows: adoptable,
            rowsWithoutFiles: rows.filter {
                $0.status != .recording && !FileManager.default.fileExists(atPath: directory.resolve(relativePath: $0.file).path)
            },
            skippedFiles: skipped)
    }

    /// Repairs what `checkVoicemails` finds: indexes each orphan file (caller unknown,
    /// duration from its size as 8 kHz PCM-16, time from its modification date) and
    /// removes rows whose file is gone. Files in `skippedFiles` (odd names, links, empty
    /// files) are left where they are for a person to move. Returns the report from before the repair. Messages
    /// interrupted mid-recording are not orphans: they have rows (see `recoverInterruptedVoicemails`).
    @discardableResult
    public func repairVoicemails() throws -> VoicemailCheckReport {
        let report = try checkVoicemails()
        for file in report.filesWithoutRows {
            let url = directory.resolve(relativePath: file)
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            let size = (attributes?[.size] as? NSNumber)?.doubleValue ?? 0
            let modified = attributes?[.modificationDate] as? Date ?? Date(timeIntervalSince1970: 0)
            try indexVoicemail(NewVoicemail(file: file, receivedAt: modified, duration: max(0, size - 44) / 16000))
        }
        try write { db, _ in
            for row in report.rowsWithoutFiles { _ = try row.delete(db) }
        }
        return report
    }
}
