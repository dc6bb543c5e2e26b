import Foundation
import GRDB

/// A voicemail to index: the recording is already on disk at `file`.
public struct NewVoicemail: Sendable, Hashable {
    /// The file, relative to the data directory, as returned by `Store.newVoicemailFile`.
    public var file: String
    /// Caller ID, E.164, if the line gave one.
    public var caller: String?
    /// When recording started.
    public var receivedAt: Date
    /// Length in seconds.
    public var duration: Double
    /// The flow that recorded it.
    public var flow: String?
    /// The step that recorded it.
    public var step: String?
    /// The topic chosen in the menu.
    public var topic: String?
    /// The flow's mailbox.
    public var mailbox: String?

    /// Creates the description of a recorded message.
    public init(file: String, caller: String? = nil, receivedAt: Date, duration: Double,
                flow: String? = nil, step: String? = nil, topic: String? = nil, mailbox: String? = nil) {
        self.file = file
        self.caller = caller
        self.receivedAt = receivedAt
        self.duration = duration
        self.flow = flow
        self.step = step
        self.topic = topic
        self.mailbox = mailbox
    }
}

extension Store {
    /// A fresh file name for a recording, relative to the data directory:
    /// `voicemail/YYYYMMDD-HHMMSS-XXXXXXXX.wav` (UTC time and 8 random hex digits).
    /// Never derived from caller input. The recorder locks it (`VoicemailRecordingLock`), creates
    /// the file, then calls `startVoicemail` (or writes it whole, then calls `indexVoicemail`).
    public func newVoicemailFile<G: RandomNumberGenerator>(at time: Date, using generator: inout G) -> String {
        let stamp = time.formatted(Date.VerbatimFormatStyle(
            format: "\(year: .defaultDigits)\(month: .twoDigits)\(day: .twoDigits)-\(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased))\(minute: .twoDigits)\(second: .twoDigits)",
            timeZone: TimeZone(identifier: "UTC")!, calendar: Calendar(identifier: .gregorian)))
        let suffix = String(UInt32.random(in: .min ... .max, using: &generator), radix: 16)
        let padded = String(repeating: "0", count: 8 - suffix.count) + suffix
        return "\(DataDirectory.voicemailFolder)/\(stamp)-\(padded).wav"
    }

    /// Indexes a recording that is already on disk. The row is written only if the
    /// file exists under `voicemail/` and has a name the store could have chosen.
    ///
    /// - Throws: `StoreError.invalidVoicemailFile`; nothing changes.
    @discardableResult
    public func indexVoicemail(_ message: NewVoicemail) throws -> VoicemailRecord {
        try insertVoicemail(message, status: .new)
    }

    /// Inserts a row for `message`, whose file must exist already.
    func insertVoicemail(_ message: NewVoicemail, status: VoicemailStatus) throws -> VoicemailRecord {
        try Self.checkVoicemailName(message.file)
        try Self.checkStorable(message.receivedAt, "the time received")
        var isDirectory: ObjCBool = false
        let url = directory.resolve(relativePath: message.file)
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw StoreError.invalidVoicemailFile(message.file, "no such file in \(directory.url.path); write the recording before indexing it")
        }
        if let reason = Self.nonRegularFileReason(url) {
            throw StoreError.invalidVoicemailFile(message.file, "it \(reason)")
        }
        return try write { db, _ in
            var record = VoicemailRecord(file: message.file, caller: message.caller, receivedAt: message.receivedAt,
                                         duration: message.duration, flow: message.flow, step: message.step,
                                         topic: message.topic, status: status, mailbox: message.mailbox)
            try record.insert(db)
            return record
        }
    }

    /// Every voicemail, newest first.
    public func voicemails() throws -> [VoicemailRecord] {
        try read { db in try VoicemailRecord.order(Column("received_at").desc, Column("id").desc).fetchAll(db) }
    }

    /// One voicemail, or `StoreError.unknownVoicemail`.
    public func voicemail(_ id: Int64) throws -> VoicemailRecord {
        try read { db in
            guard let record = try VoicemailRecord.fetchOne(db, key: id) else { throw StoreError.unknownVoicemail(id) }
            return record
        }
    }

    /// Sets a voicemail's status (one of `VoicemailStatus.markable`).
    ///
    /// - Throws: `StoreError.voicemailBeingRecorded` for a message still in `recording` status.
    @discardableResult
    public func markVoicemail(_ id: Int64, as status: VoicemailStatus) throws -> VoicemailRecord {
        guard VoicemailStatus.markable.contains(status) else {
            throw StoreError.unknownVoicemailStatus(status.rawValue, valid: VoicemailStatus.markable.map(\.rawValue))
        }
        return try write { db, _ in
            guard var record = try VoicemailRecord.fetchOne(db, key: id) else { throw StoreError.unknownVoicemail(id) }
            guard record.status != .recording else { throw StoreError.voicemailBeingRecorded(id) }
            record.status = status
            try record.update(db)
            return record
        }
    }

    /// Deletes a voicemail: the row first (in a transaction), then the file, so no row
    /// ever points to a missing file. A crash in between leaves an orphan file that
    /// `checkVoicemails` reports. A message still being recorded by a live process is refused
    /// (`StoreError.voicemailBeingRecorded`); one whose recorder died is deleted with its lock file.
    public func deleteVoicemail(_ id: Int64) throws {
        let existing = try voicemail(id)
        var lock: VoicemailRecordingLock?
        if existing.status == .recording {
            lock = VoicemailRecordingLock.tryAcquire(for: existing.file, in: directory)
            guard lock != nil else { throw StoreError.voicemailBeingRecorded(id) }
        }
        let record = try write { db, _ -> VoicemailRecord in
            guard let record = try VoicemailRecord.fetchOne(db, key: id) else { throw StoreError.unknownVoicemail(id) }
            if record.status == .recording && lock == nil { throw StoreError.voicemailBeingRecorded(id) }
            try record.delete(db)
            return record
        }
        try? FileManager.default.removeItem(at: directory.resolve(relativePath: record.file))
        lock?.release()
    }

    /// Copies a voicemail's recording to `destination`, which must not exist.
    public func exportVoicemail(_ id: Int64, to destination: URL) throws {
        let record = try voicemail(id)
        guard !FileManager.default.fileExists(atPath: destination.path) else {
            throw StoreError.exportDestinationExists(destination.path)
        }
        let folder = destination.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw StoreError.exportFailed(destination.path, "the folder \(folder.path) does not exist; create it or choose another")
        }
        let source = try checkedRecordingURL(of: record)
        guard FileManager.default.fileExists(atPath: source.path) else {
            throw StoreError.exportFailed(destination.path,
                                          "the recording \(record.file) is missing; run 'ivr voicemail check --repair'")
        }
        do {
            try FileManager.default.copyItem(at: source, to: destination)
        } catch {
            let reason = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.localizedDescription
                ?? error.localizedDescription
            throw StoreError.exportFailed(destination.path, "\(reason); check that the folder is writable and the disk not full")
        }
    }

    /// The absolute location of a voicemail's recording.
    public func recordingURL(of record: VoicemailRecord) -> URL {
        directory.resolve(relativePath: record.file)
    }

    static func checkVoicemailName(_ file: String) throws {
        let prefix = DataDirectory.voicemailFolder + "/"
        guard file.hasPrefix(prefix) else {
            throw StoreError.invalidVoicemailFile(file, "voicemail files live in \(prefix)")
        }
        let name = file.dropFirst(prefix.count)
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
        }
        guard allowed, name.hasSuffix(".wav"), !name.hasPrefix("."), !name.contains("..") else {
            throw StoreError.invalidVoicemailFile(file, "the name is not one the store chooses (use Store.newVoicemailFile)")
        }
    }
}
