import CallQueue
import Foundation
import Testing
@testable import Storage

@Suite struct VoicemailStoreTests {
    /// Writes a fake 1-second recording where the store says, and returns its relative path.
    static func record(_ store: Store, seed: UInt64) throws -> String {
        var generator = SplitMix64(seed: seed)
        let file = store.newVoicemailFile(at: TestTime.tuesday10, using: &generator)
        try Data(count: 44 + 16000).write(to: store.directory.resolve(relativePath: file))
        return file
    }

    @Test func fileNamesComeFromTheStoreAndAreDeterministic() throws {
        let store = try TestDataDirectory().open()
        var a = SplitMix64(seed: 1), b = SplitMix64(seed: 1)
        let name = store.newVoicemailFile(at: TestTime.tuesday10, using: &a)
        #expect(name == store.newVoicemailFile(at: TestTime.tuesday10, using: &b))
        #expect(name.hasPrefix("voicemail/20261124-100000-"))
        #expect(name.hasSuffix(".wav"))
        #expect(name.count == "voicemail/20261124-100000-12345678.wav".count)
    }

    @Test func indexRoundTripMarkExportDelete() throws {
        let store = try TestDataDirectory().open()
        let file = try Self.record(store, seed: 2)
        let indexed = try store.indexVoicemail(NewVoicemail(file: file, caller: "+442079460018", receivedAt: TestTime.tuesday10,
                                                            duration: 1, flow: "main", step: "leave-message", topic: "orders"))
        let id = try #require(indexed.id)
        #expect(try store.voicemails() == [indexed])
        #expect(try store.markVoicemail(id, as: .heard).status == .heard)
        #expect(try store.voicemail(id).status == .heard)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("vm-export-\(UUID().uuidString).wav")
        defer { try? FileManager.default.removeItem(at: out) }
        try store.exportVoicemail(id, to: out)
        #expect(try Data(contentsOf: out).count == 44 + 16000)
        #expect(throws: StoreError.exportDestinationExists(out.path)) { try store.exportVoicemail(id, to: out) }
        try store.deleteVoicemail(id)
        #expect(try store.voicemails().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: store.recordingURL(of: indexed).path))
        #expect(throws: StoreError.unknownVoicemail(id)) { try store.deleteVoicemail(id) }
    }

    @Test func exportIntoAMissingFolderOrOfAMissingRecordingIsAStoreError() throws {
        let store = try TestDataDirectory().open()
        let file = try Self.record(store, seed: 5)
        let id = try #require(try store.indexVoicemail(NewVoicemail(file: file, receivedAt: TestTime.tuesday10, duration: 1)).id)
        let nowhere = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/message.wav")
        do {
            try store.exportVoicemail(id, to: nowhere)
            Issue.record("export into a missing folder succeeded")
        } catch let error as StoreError {
            #expect(error.description.contains("does not exist"))
        }
        try FileManager.default.removeItem(at: store.directory.resolve(relativePath: file))
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("vm-export-\(UUID().uuidString).wav")
        do {
            try store.exportVoicemail(id, to: out)
            Issue.record("export of a missing recording succeeded")
        } catch let error as StoreError {
            #expect(error.description.contains("voicemail check --repair"))
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func noRowWithoutAFileAndNoNameFromOutside() throws {
        let store = try TestDataDirectory().open()
        var generator = SplitMix64(seed: 3)
        let missing = store.newVoicemailFile(at: TestTime.tuesday10, using: &generator)
        for file in [missing, "voicemail/../store.sqlite", "/etc/passwd", "voicemail/x.txt", "prompts/a.wav", "voicemail/.x.wav"] {
            #expect(throws: StoreError.self, "\(file)") {
                try store.indexVoicemail(NewVoicemail(file: file, receivedAt: TestTime.tuesday10, duration: 1))
            }
        }
        #expect(try store.voicemails().isEmpty)
    }

    @Test func orphanCheckFindsBothKindsAndRepairFixesThem() throws {
        let store = try TestDataDirectory().open()
        let kept = try Self.record(store, seed: 4)
        try store.indexVoicemail(NewVoicemail(file: kept, receivedAt: TestTime.tuesday10, duration: 1))
        #expect(try store.checkVoicemails().isClean)
        // A crash after writing, before indexing: a file without a row.
        let unindexed = try Self.record(store, seed: 5)
        // A file removed behind the store's back: a row without a file.
        let lost = try Self.record(store, seed: 6)
        let lostRow = try store.indexVoicemail(NewVoicemail(file: lost, receivedAt: TestTime.tuesday10, duration: 1))
        try FileManager.default.removeItem(at: store.recordingURL(of: lostRow))
        let report = try store.checkVoicemails()
        #expect(report.filesWithoutRows == [unindexed])
        #expect(report.rowsWithoutFiles.map(\.id) == [lostRow.id])
        #expect(try store.repairVoicemails() == report)
        #expect(try store.checkVoicemails().isClean)
        let adopted = try #require(try store.voicemails().first { $0.file == unindexed })
        #expect(adopted.duration == 1)
        #expect(adopted.caller == nil)
    }
}
