import CallQueue
import Foundation
import GRDB

extension CallbackStatus: DatabaseValueConvertible {}
extension CallbackOutcome: DatabaseValueConvertible {}

extension CallbackSource: DatabaseValueConvertible {}

/// One callback request as stored.
///
/// Keep-your-place: among callbacks that are due, agents get them in `joinedAt`
/// order: for a request made from the queue, the time the caller joined the queue
/// (not the time of the request); for other requests, the request time; a retry
/// rejoins when it becomes due.
public struct CallbackRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    /// Table name.
    public static let databaseTableName = "callbacks"

    /// Id, assigned by the store.
    public var id: Int64?
    /// The number to call, E.164.
    public var number: String
    /// Queue whose agents work it.
    public var queue: String
    /// What the caller wants, if known.
    public var topic: String?
    /// Where the request came from.
    public var source: CallbackSource
    /// Place in line: when the caller joined (see the type's note).
    public var joinedAt: Date
    /// When the request was made.
    public var requestedAt: Date
    /// Not handed out before this time.
    public var due: Date
    /// Attempts made so far.
    public var attempts: Int
    /// Attempts allowed before the callback is closed.
    public var maxAttempts: Int
    /// Pending, reserved or closed.
    public var status: CallbackStatus
    /// The agent holding the reservation.
    public var reservedBy: String?
    /// When the reservation lapses and the callback returns to the pool.
    public var reservedUntil: Date?
    /// The last outcome reported.
    public var outcome: CallbackOutcome?
    /// A voicemail this callback answers, if any.
    public var voicemailID: Int64?
    /// Free notes: merged requests and agents' notes, one per line.
    public var notes: String

    enum CodingKeys: String, CodingKey {
        case id, number, queue, topic, source, due, attempts, status, outcome, notes
        case joinedAt = "joined_at"
        case requestedAt = "requested_at"
        case maxAttempts = "max_attempts"
        case reservedBy = "reserved_by"
        case reservedUntil = "reserved_until"
        case voicemailID = "voicemail_id"
    }

    /// Takes the id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// One attempt at a callback, kept as history.
public struct CallbackAttempt: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    /// Table name.
    public static let databaseTableName = "callback_attempts"

    /// Id, assigned by the store.
    public var id: Int64?
    /// The callback.
    public var callbackID: Int64
    /// The agent who reported it.
    public var agentID: String?
    /// What happened.
    public var outcome: CallbackOutcome
    /// The agent's note.
    public var note: String?
    /// When it was reported.
    public var at: Date

    enum CodingKeys: String, CodingKey {
        case id, outcome, note, at
        case callbackID = "callback_id"
        case agentID = "agent_id"
    }

    /// Takes the id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
