import Foundation
import GRDB

/// Where a voicemail stands with staff.
public enum VoicemailStatus: String, Sendable, Codable, CaseIterable, DatabaseValueConvertible {
    /// Still being recorded: the row was written when recording started (see `Store.startVoicemail`).
    case recording
    /// Not listened to yet.
    case new
    /// Listened to.
    case heard
    /// The caller has been called back.
    case calledBack = "called-back"

    /// The statuses staff may set with `markVoicemail` (not `recording`, which only the recorder sets).
    public static let markable: [VoicemailStatus] = [.new, .heard, .calledBack]
}

/// One voicemail as indexed. The file exists before the row does; a row in `recording`
/// status describes a message still being recorded (or one whose recorder died, until
/// `Store.recoverInterruptedVoicemails` completes it).
public struct VoicemailRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    /// Table name.
    public static let databaseTableName = "voicemails"

    /// Id, assigned by the store.
    public var id: Int64?
    /// WAV file, relative to the data directory (`voicemail/…wav`), named by the store.
    public var file: String
    /// Caller ID (E.164) if the line gave one.
    public var caller: String?
    /// When recording started.
    public var receivedAt: Date
    /// Length in seconds.
    public var duration: Double
    /// The flow that recorded it.
    public var flow: String?
    /// The flow step that recorded it.
    public var step: String?
    /// Topic chosen in the menu, if any.
    public var topic: String?
    /// Recording, new, heard or called back.
    public var status: VoicemailStatus
    /// The flow's mailbox the message was left in (nil for rows from before schema v4 and adopted orphans).
    public var mailbox: String?
    /// True when the recording process died mid-message (crash, `kill -9`) and the message was
    /// completed from the file on disk: not trimmed, and the flow never reached the step after it.
    public var interrupted: Bool

    /// A row as the store writes it.
    public init(id: Int64? = nil, file: String, caller: String?, receivedAt: Date, duration: Double, flow: String?,
                step: String?, topic: String?, status: VoicemailStatus, mailbox: String? = nil, interrupted: Bool = false) {
        self.id = id
        self.file = file
        self.caller = caller
        self.receivedAt = receivedAt
        self.duration = duration
        self.flow = flow
        self.step = step
        self.topic = topic
        self.status = status
        self.mailbox = mailbox
        self.interrupted = interrupted
    }

    enum CodingKeys: String, CodingKey {
        case id, file, caller, duration, flow, step, topic, status, mailbox, interrupted
        case receivedAt = "received_at"
    }

    /// Takes the id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
