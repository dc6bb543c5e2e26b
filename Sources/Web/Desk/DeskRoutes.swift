import CallQueue
import Foundation
import Hummingbird
import Storage

/// The agent desk: `GET /desk`, `GET /api/desk`, `GET /api/desk/events`, `POST /api/agents/{id}/state`,
/// `POST /api/desk/next`, `POST /api/callbacks/{id}/outcome`.
///
/// An agent user acts only as their own agent; a supervisor may act for any agent (`?agent=ID`).
/// "Next callback" and outcomes call the same store transactions as `ivr callback next` and
/// `ivr callback done`, so a browser and a terminal never get the same callback.
struct DeskRoutes {
    let gate: SessionGate
    let feed: ChangeFeed

    struct StateChange: Decodable { var state: String; var reason: String? }
    struct NextRequest: Decodable { var agent: String? }
    struct Outcome: Decodable { var outcome: String; var note: String?; var agent: String? }

    func add(to router: Router<WebContext>) {
        router.get("/desk") { request, _ -> Response in
            let session = try gate.require(request, [.agent, .supervisor])
            return Reply.html(Page.shell(title: "Desk", session: session, script: "desk", body: DeskPage.body))
        }
        router.get("/api/desk") { request, _ -> Response in
            let session = try gate.require(request, [.agent, .supervisor])
            let agent = try agentID(session, request.uri.queryParameters["agent"].map(String.init))
            return try Reply.json(DeskView.make(agentID: agent, store: gate.store, listAgents: session.user.role == .supervisor))
        }
        router.get("/api/desk/events") { request, _ -> Response in
            let session = try gate.require(request, [.agent, .supervisor])
            let agent = try agentID(session, request.uri.queryParameters["agent"].map(String.init))
            let live = gate.stillSignedIn(request)
            let store = gate.store, list = session.user.role == .supervisor
            return EventStream.response(feed: feed) {
                guard try live() else { return nil }
                let encoder = JSONEncoder()
                encoder.dateEncodingStrategy = .iso8601
                encoder.outputFormatting = .sortedKeys
                return try encoder.encode(DeskView.make(agentID: agent, store: store, listAgents: list))
            }
        }
        router.post("/api/agents/{id}/state") { request, context -> Response in
            let session = try gate.requireChange(request, [.agent, .supervisor])
            let agent = try agentID(session, context.parameters.get("id"))
            let change = try await Body.json(StateChange.self, request, limit: gate.settings.maxFormBytes)
            let state: AgentState
            switch change.state {
            case "ready", "available": state = .available
            case "break", "on-break": state = .onBreak
            case "logout", "logged-out": state = .loggedOut
            default: throw WebError.badRequest("state '\(change.state)' is not ready, break or logout")
            }
            let reason = (change.reason?.isEmpty == false ? change.reason : nil) ?? "break"
            try gate.store.setAgentState(agent, to: state, reason: reason, now: Date())
            return try Reply.json(DeskView.make(agentID: agent, store: gate.store, listAgents: false))
        }
        router.post("/api/desk/next") { request, _ -> Response in
            let session = try gate.requireChange(request, [.agent, .supervisor])
            let body = try await Body.json(NextRequest.self, request, limit: gate.settings.maxFormBytes)
            let agent = try agentID(session, body.agent)
            guard try gate.store.reserveNextCallback(agent: agent, now: Date()) != nil else {
                return try Reply.json(["message": "no callback is due for \(agent) now"], status: .notFound)
            }
            return try Reply.json(DeskView.make(agentID: agent, store: gate.store, listAgents: false))
        }
        router.post("/api/callbacks/{id}/outcome") { request, context -> Response in
            let session = try gate.requireChange(request, [.agent, .supervisor])
            guard let id = context.parameters.get("id", as: Int64.self) else { throw WebError.notFound("no such callback") }
            let body = try await Body.json(Outcome.self, request, limit: gate.settings.maxFormBytes)
            let agent = try agentID(session, body.agent)
            guard let outcome = CallbackOutcome(rawValue: body.outcome) else {
                throw WebError.badRequest("outcome '\(body.outcome)' is not one of "
                                          + CallbackOutcome.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let held = try gate.store.callback(id)
            if session.user.role == .agent, held.reservedBy != agent {
                throw WebError.forbidden("callback \(id) is not yours")
            }
            let result = try gate.store.finishCallback(id, outcome: outcome, agent: held.reservedBy ?? agent,
                                                       note: body.note?.isEmpty == false ? body.note : nil, now: Date())
            return try Reply.json(["retry_scheduled": result.retryScheduled])
        }
    }

    /// The agent a request acts as: an agent user's own; for a supervisor, `asked` (required).
    private func agentID(_ session: WebSession, _ asked: String?) throws -> String {
        switch session.user.role {
        case .agent:
            guard let own = session.user.agentID else { throw WebError.forbidden("your user is not linked to an agent") }
            if let asked, asked != own { throw WebError.forbidden("agents act only as themselves (\(own))") }
            return own
        case .supervisor:
            if let asked, !asked.isEmpty { return asked }
            guard let first = try gate.store.agents().first else { throw WebError.notFound("no agents yet; add one with 'ivr agent add'") }
            return first.id
        case .staff:
            throw WebError.forbidden("staff users have no desk")
        }
    }
}
