import CallQueue
import Foundation
import Testing
@testable import Storage

/// `checkVoicemails` / `repairVoicemails`: files the store must not adopt are skipped, not fatal.
@Suite struct VoicemailCheckTests {
    func write(_ bytes: Int, to file: String, in store: Store) throws {
        try Data(count: bytes).write(to: store.directory.resolve(relativePath: file))
    }

    @Test func repairSkipsOddNamesLinksAndEmptyFilesAndFinishesTheRest() throws {
        let store = try TestDataDirectory().open()
        let good = try VoicemailStoreTests.record(store, seed: 7)
        let lost = try VoicemailStoreTests.record(store, seed: 8)
        let lostRow = try store.indexVoicemail(NewVoicemail(file: lost, receivedAt: TestTime.tuesday10, duration: 1))
        try FileManager.default.removeItem(at: store.recordingURL(of: lostRow))
        let weird = "voicemail/weird name; rm -rf.wav"
        try write(44 + 16000, to: weird, in: store)
        let link = "voicemail/20261124-100000-0000beef.wav"
        try FileManager.default.createSymbolicLink(atPath: store.directory.resolve(relativePath: link).path,
                                                   withDestinationPath: "/etc/passwd")
        let empty = "voicemail/20261124-100000-0000cafe.wav"
        try write(0, to: empty, in: store)

        let report = try store.repairVoicemails()
        #expect(report.filesWithoutRows == [good])
        #expect(report.rowsWithoutFiles.map(\.id) == [lostRow.id])
        let reasons = Dictionary(uniqueKeysWithValues: report.skippedFiles.map { ($0.file, $0.reason) })
        #expect(Set(reasons.keys) == [weird, link, empty])
        #expect(reasons[weird]?.contains("rename") == true)
        #expect(reasons[link]?.contains("symbolic link") == true)
        #expect(reasons[empty]?.contains("empty") == true)
        #expect(try store.voicemails().map(\.file) == [good], "only the good orphan is adopted; the lost row is gone")
        for file in [weird, empty] {
            #expect(FileManager.default.fileExists(atPath: store.directory.resolve(relativePath: file).path), "left alone: \(file)")
        }
        let after = try store.checkVoicemails()
        #expect(after.filesWithoutRows.isEmpty && after.rowsWithoutFiles.isEmpty)
        #expect(after.skippedFiles.count == 3)
        #expect(!after.isClean, "files a person must move still show")
    }

    @Test func aSymbolicLinkIsNeverIndexedPlayedOrExported() throws {
        let store = try TestDataDirectory().open()
        let link = "voicemail/20261124-100000-0000f00d.wav"
        let linkURL = store.directory.resolve(relativePath: link)
        try FileManager.default.createSymbolicLink(atPath: linkURL.path, withDestinationPath: "/etc/passwd")
        #expect(throws: StoreError.self) {
            try store.indexVoicemail(NewVoicemail(file: link, receivedAt: TestTime.tuesday10, duration: 1))
        }
        // A row indexed while the file was real, then swapped for a link behind the store's back.
        let file = try VoicemailStoreTests.record(store, seed: 9)
        let row = try store.indexVoicemail(NewVoicemail(file: file, receivedAt: TestTime.tuesday10, duration: 1))
        try FileManager.default.removeItem(at: store.recordingURL(of: row))
        try FileManager.default.createSymbolicLink(atPath: store.recordingURL(of: row).path, withDestinationPath: "/etc/passwd")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("vm-export-\(UUID().uuidString).wav")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(throws: StoreError.notARecording(file, "is a symbolic link, not a recording; only regular files are voicemail")) {
            try store.exportVoicemail(try #require(row.id), to: out)
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(throws: StoreError.self) { try store.checkedRecordingURL(of: row) }
    }

    @Test func aFileDatedOutsideTheStorableYearsIsSkippedNotFatal() throws {
        let store = try TestDataDirectory().open()
        let old = try VoicemailStoreTests.record(store, seed: 10)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 0)],
                                              ofItemAtPath: store.directory.resolve(relativePath: old).path)
        let good = try VoicemailStoreTests.record(store, seed: 11)
        let report = try store.repairVoicemails()
        #expect(report.filesWithoutRows == [good])
        #expect(report.skippedFiles.map(\.file) == [old])
        #expect(report.skippedFiles.first?.reason.contains("touch") == true)
        #expect(try store.voicemails().map(\.file) == [good])
    }
}
