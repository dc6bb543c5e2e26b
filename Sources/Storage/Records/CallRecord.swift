import Foundation
import GRDB

/// One call from start to end, written by the live runtime when a call ends.
public struct CallRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// Table name.
    public static let databaseTableName = "call_records"

    /// The call id (also the callid field of queue_log lines).
    public var id: String
    /// Caller ID, E.164, if known.
    public var caller: String?
    /// The flow that answered.
    public var flow: String?
    /// The line (device) it came in on.
    public var line: String?
    /// When the call was answered by the IVR.
    public var startedAt: Date
    /// When it ended.
    public var endedAt: Date?
    /// The queue it waited in, if any.
    public var queue: String?
    /// The agent who took it, if any.
    public var agentID: String?
    /// Seconds waited in a queue.
    public var waitSeconds: Double?
    /// Seconds talking to an agent.
    public var talkSeconds: Double?
    /// How it ended, e.g. `completed`, `abandoned`, `voicemail`, `callback`, `hung-up`.
    public var outcome: String

    /// A call record (the live runtime writes one per call).
    public init(id: String, caller: String?, flow: String?, line: String?, startedAt: Date, endedAt: Date?,
                queue: String?, agentID: String?, waitSeconds: Double?, talkSeconds: Double?, outcome: String) {
        self.id = id
        self.caller = caller
        self.flow = flow
        self.line = line
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.queue = queue
        self.agentID = agentID
        self.waitSeconds = waitSeconds
        self.talkSeconds = talkSeconds
        self.outcome = outcome
    }

    enum CodingKeys: String, CodingKey {
        case id, caller, flow, line, queue, outcome
        case startedAt = "started_at"
        case endedAt = "ended_at"
        case agentID = "agent_id"
        case waitSeconds = "wait_seconds"
        case talkSeconds = "talk_seconds"
    }
}

/// A caller waiting in a queue right now, recorded by the live runtime so that
/// `ivr queue status` in another process can see it.
public struct WaitingCaller: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// Table name.
    public static let databaseTableName = "waiting_callers"

    /// The call id.
    public var callID: String
    /// The queue.
    public var queue: String
    /// Caller ID, E.164, if known.
    public var caller: String?
    /// When the caller joined the queue.
    public var joinedAt: Date

    /// A caller who joined `queue` at `joinedAt`.
    public init(callID: String, queue: String, caller: String?, joinedAt: Date) {
        self.callID = callID
        self.queue = queue
        self.caller = caller
        self.joinedAt = joinedAt
    }

    enum CodingKeys: String, CodingKey {
        case queue, caller
        case callID = "call_id"
        case joinedAt = "joined_at"
    }
}
