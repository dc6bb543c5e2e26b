import CallQueue
import Foundation
import Testing
@testable import Storage

/// Rows written when recording starts, and the recovery of messages whose recorder died.
@Suite struct VoicemailRecoveryTests {
    /// A PCM-16 mono 8 kHz WAV holding `frames` frames whose header counts only `headerFrames`
    /// (a recorder killed between writing a period and rewriting the header), plus `extraBytes`.
    static func wav(frames: Int, headerFrames: Int? = nil, extraBytes: Int = 0) -> Data {
        var data = Data()
        func u32(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { data.append(contentsOf: $0) } }
        func u16(_ value: Int) { withUnsafeBytes(of: UInt16(value).littleEndian) { data.append(contentsOf: $0) } }
        let counted = (headerFrames ?? frames) * 2
        data.append(contentsOf: Array("RIFF".utf8)); u32(36 + counted)
        data.append(contentsOf: Array("WAVEfmt ".utf8)); u32(16); u16(1); u16(1); u32(8000); u32(16000); u16(2); u16(16)
        data.append(contentsOf: Array("data".utf8)); u32(counted)
        for n in 0..<frames { u16(Int(UInt16(bitPattern: Int16(truncatingIfNeeded: n * 37)))) }
        data.append(Data(repeating: 0x11, count: extraBytes))
        return data
    }

    /// A recording started the way the live runtime starts one: lock, file, row.
    static func start(_ store: Store, seed: UInt64, audio: Data) throws -> (row: VoicemailRecord, lock: VoicemailRecordingLock) {
        var generator = SplitMix64(seed: seed)
        let file = store.newVoicemailFile(at: TestTime.tuesday10, using: &generator)
        let lock = try VoicemailRecordingLock.acquire(for: file, in: store.directory)
        try audio.write(to: store.directory.resolve(relativePath: file))
        let row = try store.startVoicemail(NewVoicemail(file: file, caller: "+442079460018", receivedAt: TestTime.tuesday10,
                                                        duration: 99, flow: "store", step: "leave-message",
                                                        topic: "orders", mailbox: "general"))
        return (row, lock)
    }

    static func header(_ url: URL) throws -> (riff: Int, data: Int, size: Int) {
        let bytes = [UInt8](try Data(contentsOf: url))
        func u32(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24 }
        return (u32(4), u32(40), bytes.count)
    }

    @Test func theRowExistsWhileRecordingAndIsCompletedAtTheEnd() throws {
        let store = try TestDataDirectory().open()
        let (row, lock) = try Self.start(store, seed: 1, audio: Self.wav(frames: 0))
        let id = try #require(row.id)
        #expect(row.status == .recording)
        #expect(row.duration == 0)
        #expect(try store.voicemails().map(\.id) == [id])
        #expect(try store.voicemail(id).mailbox == "general")
        #expect(VoicemailRecordingLock.isHeld(for: row.file, in: store.directory))
        // Another process (another store on the same directory) leaves a live recording alone.
        let other = try Store(directory: store.directory)
        #expect(try other.recoverInterruptedVoicemails().isEmpty)
        #expect(try other.checkVoicemails().isClean)
        #expect(throws: StoreError.voicemailBeingRecorded(id)) { try other.deleteVoicemail(id) }
        #expect(throws: StoreError.voicemailBeingRecorded(id)) { try other.markVoicemail(id, as: .heard) }
        #expect(try other.voicemail(id).status == .recording)

        try Self.wav(frames: 24_000).write(to: store.recordingURL(of: row))
        let done = try store.completeVoicemail(id, duration: 3)
        lock.release()
        #expect(done.status == .new)
        #expect(done.duration == 3)
        #expect(!done.interrupted)
        #expect(!FileManager.default.fileExists(atPath: lock.url.path))
        #expect(try other.recoverInterruptedVoicemails().isEmpty)
        #expect(try store.voicemail(id) == done)
    }

    @Test func aTooShortMessageLeavesNeitherRowNorFile() throws {
        let store = try TestDataDirectory().open()
        let (row, lock) = try Self.start(store, seed: 2, audio: Self.wav(frames: 8000))
        try store.discardVoicemail(try #require(row.id))
        lock.release()
        #expect(try store.voicemails().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory.voicemailURL.path).isEmpty)
    }

    @Test func aDeadRecordersMessageIsCompletedFromItsFile() throws {
        let store = try TestDataDirectory().open()
        // 2.5 s on disk, the header one 20 ms period behind, and half a sample in flight.
        let (row, lock) = try Self.start(store, seed: 3, audio: Self.wav(frames: 20_000, headerFrames: 19_840, extraBytes: 1))
        lock.unlockKeepingFile()                      // the process died: the kernel dropped its lock
        let recovery = try store.recoverInterruptedVoicemails()
        let completed = try #require(recovery.completed.first)
        #expect(recovery.completed.count == 1)
        #expect(recovery.removed.isEmpty)
        #expect(completed.id == row.id)
        #expect(completed.status == .new)
        #expect(completed.interrupted)
        #expect(completed.duration == 2.5)
        #expect(completed.caller == "+442079460018")
        #expect(completed.topic == "orders")
        #expect(completed.mailbox == "general")
        let header = try Self.header(store.recordingURL(of: row))
        #expect(header.size == 44 + 40_000)
        #expect(header.data == 40_000)
        #expect(header.riff == 36 + 40_000)
        #expect(!FileManager.default.fileExists(atPath: lock.url.path))
        #expect(try store.checkVoicemails().isClean)
        #expect(try store.recoverInterruptedVoicemails().isEmpty)
        #expect(try store.markVoicemail(try #require(row.id), as: .heard).interrupted)
    }

    @Test func aDeadRecordersMessageWithoutAudioIsRemoved() throws {
        let store = try TestDataDirectory().open()
        let (row, lock) = try Self.start(store, seed: 4, audio: Self.wav(frames: 0))
        lock.unlockKeepingFile()
        let recovery = try store.recoverInterruptedVoicemails()
        #expect(recovery.removed == [row.file])
        #expect(recovery.completed.isEmpty)
        #expect(try store.voicemails().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory.voicemailURL.path).isEmpty)
    }

    /// A crash while dropping a too-short message (file deleted, row not yet): recovery removes the row.
    @Test func aCrashWhileDroppingLeavesNoRowBehind() throws {
        let store = try TestDataDirectory().open()
        let (row, lock) = try Self.start(store, seed: 8, audio: Self.wav(frames: 800))
        try FileManager.default.removeItem(at: store.recordingURL(of: row))
        #expect(try store.checkVoicemails().isClean, "a recording row is not reported as a row without a file")
        lock.unlockKeepingFile()
        #expect(try store.recoverInterruptedVoicemails().removed == [row.file])
        #expect(try store.voicemails().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory.voicemailURL.path).isEmpty)
    }

    /// A file recovery cannot read as PCM-16 WAV is kept, never deleted; its length comes from its size.
    @Test func aFileThatIsNotAPCMWAVIsKept() throws {
        let store = try TestDataDirectory().open()
        let (row, lock) = try Self.start(store, seed: 7, audio: Data(repeating: 0x41, count: 44 + 16_000))
        lock.unlockKeepingFile()
        let completed = try #require(try store.recoverInterruptedVoicemails().completed.first)
        #expect(completed.duration == 1)
        #expect(completed.interrupted)
        #expect(try Data(contentsOf: store.recordingURL(of: row)) == Data(repeating: 0x41, count: 44 + 16_000))
    }

    /// A crash between creating the file and writing its row: an orphan for `--repair`, and a
    /// stale lock that recovery removes; while the lock is held the file is not an orphan.
    @Test func aCrashBeforeTheRowLeavesATrueOrphanForRepair() throws {
        let store = try TestDataDirectory().open()
        var generator = SplitMix64(seed: 5)
        let file = store.newVoicemailFile(at: TestTime.tuesday10, using: &generator)
        let lock = try VoicemailRecordingLock.acquire(for: file, in: store.directory)
        try Self.wav(frames: 8000).write(to: store.directory.resolve(relativePath: file))
        #expect(try store.checkVoicemails().isClean, "a recording still starting is not an orphan")
        lock.unlockKeepingFile()
        #expect(try store.recoverInterruptedVoicemails().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: lock.url.path))
        #expect(try store.checkVoicemails().filesWithoutRows == [file])
        try store.repairVoicemails()
        let adopted = try #require(try store.voicemails().first)
        #expect(adopted.file == file)
        #expect(adopted.caller == nil)
        #expect(adopted.duration == 1)
    }

    @Test func aDeadRecordingCanBeDeletedAndAStatusOfRecordingCannotBeSet() throws {
        let store = try TestDataDirectory().open()
        let (row, lock) = try Self.start(store, seed: 6, audio: Self.wav(frames: 800))
        let id = try #require(row.id)
        lock.unlockKeepingFile()
        try store.deleteVoicemail(id)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory.voicemailURL.path).isEmpty)
        #expect(throws: StoreError.self) { try store.markVoicemail(id, as: .recording) }
    }
}
