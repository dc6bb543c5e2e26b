import Foundation
import GRDB

/// Where a voicemail stands with staff.
public enum VoicemailStatus: String, Sendable, Codable, CaseIterable, DatabaseValueConvertible {
    /// Not listened to yet.
    case new
    /// Listened to.
    case heard
    /// The caller has been called back.
    case calledBack = "called-back"
}

/// One voicemail as indexed. The file exists before the row does.
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
    /// New, heard or called back.
    public var status: VoicemailStatus

    enum CodingKeys: String, CodingKey {
        case id, file, caller, duration, flow, step, topic, status
        case receivedAt = "received_at"
    }

    /// Takes the id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
