import Foundation
import Hummingbird
import Storage

/// The voicemail inbox: `GET /voicemail` (page), `GET /api/voicemail?status=new|heard|all&queue=&topic=`,
/// `GET /api/voicemail/{id}/audio` (Range requests), `…/download`, `POST /api/voicemail/{id}/status`,
/// `DELETE /api/voicemail/{id}`, `GET /api/voicemail/events` (SSE: "something changed").
///
/// Files are reached only through ids the store knows (`Store.checkedRecordingURL`). An agent
/// sees messages left in the queues they serve (every queue when they have no skills, and the
/// message linked to the callback they hold); supervisors see all.
struct VoicemailRoutes {
    let gate: SessionGate
    let feed: ChangeFeed

    struct StatusChange: Decodable { var status: String }

    func add(to router: Router<WebContext>) {
        router.get("/voicemail") { request, _ -> Response in
            let session = try gate.require(request, [.agent, .supervisor])
            return Reply.html(Page.shell(title: "Voicemail", session: session, script: "voicemail", body: VoicemailPage.body))
        }
        router.get("/api/voicemail") { request, _ -> Response in
            let session = try gate.require(request, [.agent, .supervisor])
            let query = request.uri.queryParameters
            let status = query["status"].map(String.init) ?? "new"
            let queue = query["queue"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            let topic = query["topic"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            let visible = try gate.store.voicemails().filter { try allowed($0, session) }
            let chosen = visible.filter { record in
                switch status {
                case "all": true
                case "heard": record.status == .heard || record.status == .calledBack
                default: record.status == .new || record.status == .recording
                }
            }.filter { queue == nil || $0.mailbox == queue }.filter { topic == nil || $0.topic == topic }
            return try Reply.json(VoicemailList(messages: chosen.map(VoicemailItem.init),
                                                queues: Set(visible.compactMap(\.mailbox)).sorted(),
                                                topics: Set(visible.compactMap(\.topic)).sorted()))
        }
        router.get("/api/voicemail/events") { request, _ -> Response in
            _ = try gate.require(request, [.agent, .supervisor])
            let live = gate.stillSignedIn(request), feed = self.feed
            return EventStream.response(feed: feed) {
                guard try live() else { return nil }
                return Data("{\"change\":\(feed.current)}".utf8)
            }
        }
        router.get("/api/voicemail/{id}/audio") { request, context -> Response in
            let (record, url) = try recording(request, context)
            _ = record
            return try RangeRequest.serve(url, type: "audio/wav", request: request)
        }
        router.get("/api/voicemail/{id}/download") { request, context -> Response in
            let (record, url) = try recording(request, context)
            return try RangeRequest.serve(url, type: "audio/wav", request: request,
                                          attachment: "voicemail-\(record.id ?? 0).wav")
        }
        router.post("/api/voicemail/{id}/status") { request, context -> Response in
            let session = try gate.requireChange(request, [.agent, .supervisor])
            let record = try visibleRecord(context, session)
            let change = try await Body.json(StatusChange.self, request, limit: gate.settings.maxFormBytes)
            guard let status = VoicemailStatus(rawValue: change.status), VoicemailStatus.markable.contains(status) else {
                throw WebError.badRequest("status '\(change.status)' is not new, heard or called-back")
            }
            return try Reply.json(VoicemailItem(gate.store.markVoicemail(record.id ?? 0, as: status)))
        }
        router.delete("/api/voicemail/{id}") { request, context -> Response in
            let session = try gate.requireChange(request, [.agent, .supervisor])
            let record = try visibleRecord(context, session)
            try gate.store.deleteVoicemail(record.id ?? 0)
            return try Reply.json(["deleted": record.id ?? 0])
        }
    }

    private func recording(_ request: Request, _ context: WebContext) throws -> (VoicemailRecord, URL) {
        let session = try gate.require(request, [.agent, .supervisor])
        let record = try visibleRecord(context, session)
        return (record, try gate.store.checkedRecordingURL(of: record))
    }

    private func visibleRecord(_ context: WebContext, _ session: WebSession) throws -> VoicemailRecord {
        guard let id = context.parameters.get("id", as: Int64.self), id > 0 else { throw WebError.notFound("no such voicemail") }
        let record: VoicemailRecord
        do { record = try gate.store.voicemail(id) } catch { throw WebError.notFound("no voicemail \(id)") }
        guard try allowed(record, session) else { throw WebError.forbidden("voicemail \(id) is not in your queues") }
        return record
    }

    /// Whether the user may see the message.
    private func allowed(_ record: VoicemailRecord, _ session: WebSession) throws -> Bool {
        guard session.user.role == .agent else { return session.user.role == .supervisor }
        guard let agentID = session.user.agentID else { return false }
        let agent = try gate.store.agent(agentID)
        if agent.skills.isEmpty { return true }
        if let mailbox = record.mailbox, agent.skills[mailbox] != nil { return true }
        if let held = agent.reservedCallback, let linked = try? gate.store.callback(held), linked.voicemailID == record.id {
            return true
        }
        return false
    }
}

/// The inbox list with the filter choices.
struct VoicemailList: Encodable {
    var messages: [VoicemailItem]
    var queues: [String]
    var topics: [String]
}
