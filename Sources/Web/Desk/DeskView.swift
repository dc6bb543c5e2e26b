import CallQueue
import Foundation
import Storage

/// What the agent desk shows: the agent, and the callback they hold with its voicemail.
struct DeskView: Encodable, Sendable {
    struct AgentPart: Encodable, Sendable {
        var id: String
        var name: String
        var state: String
        var since: Date
    }

    struct CallbackPart: Encodable, Sendable {
        var id: Int64
        var numberE164: String
        var numberNational: String
        var queue: String
        var topic: String?
        var firstCalled: Date
        var requestedAt: Date
        var tries: Int
        var maxAttempts: Int
        var reservedUntil: Date?
        var notes: String
        var voicemail: VoicemailItem?

        enum CodingKeys: String, CodingKey {
            case id, queue, topic, tries, notes, voicemail
            case numberE164 = "number_e164"
            case numberNational = "number_national"
            case firstCalled = "first_called"
            case requestedAt = "requested_at"
            case maxAttempts = "max_attempts"
            case reservedUntil = "reserved_until"
        }
    }

    var agent: AgentPart
    var callback: CallbackPart?
    var agents: [String]?

    static func make(agentID: String, store: Store, listAgents: Bool) throws -> DeskView {
        let agent = try store.agent(agentID)
        var callback: CallbackPart?
        if let id = agent.reservedCallback {
            let record = try store.callback(id)
            callback = try part(record, store: store)
        }
        return DeskView(agent: AgentPart(id: agent.id, name: agent.name, state: agent.state.rawValue, since: agent.stateSince),
                        callback: callback, agents: listAgents ? try store.agents().map(\.id) : nil)
    }

    static func part(_ record: CallbackRecord, store: Store) throws -> CallbackPart {
        let voicemail = record.voicemailID.flatMap { id in try? store.voicemail(id) }.map(VoicemailItem.init)
        return CallbackPart(id: record.id ?? 0, numberE164: record.number, numberNational: NationalNumber.format(record.number),
                            queue: record.queue, topic: record.topic, firstCalled: record.joinedAt,
                            requestedAt: record.requestedAt, tries: record.attempts, maxAttempts: record.maxAttempts,
                            reservedUntil: record.reservedUntil, notes: record.notes, voicemail: voicemail)
    }
}

/// One voicemail as the inbox and the desk list it.
struct VoicemailItem: Encodable, Sendable {
    var id: Int64
    var caller: String?
    var callerNational: String?
    var receivedAt: Date
    var duration: Double
    var topic: String?
    var mailbox: String?
    var status: String
    var interrupted: Bool

    init(_ record: VoicemailRecord) {
        id = record.id ?? 0
        caller = record.caller
        callerNational = record.caller.map(NationalNumber.format)
        receivedAt = record.receivedAt
        duration = record.duration
        topic = record.topic
        mailbox = record.mailbox
        status = record.status.rawValue
        interrupted = record.interrupted
    }

    enum CodingKeys: String, CodingKey {
        case id, caller, duration, topic, mailbox, status, interrupted
        case callerNational = "caller_national"
        case receivedAt = "received_at"
    }
}
