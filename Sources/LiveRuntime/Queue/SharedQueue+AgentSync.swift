import CallQueue
import Foundation

/// The store is the truth for agents' logged-in state: `ivr agent login|logout|break|ready` in
/// another terminal change it there, and the running server follows within a second.
extension SharedQueue {
    /// Feeds agents' store states into the manager: each change since the last call becomes
    /// `login`, `logout`, `pause` or `ready`. A change during a call takes effect after it (the
    /// manager defers it). The store has logged these changes already, so the manager's own
    /// agent events are not written again. An agent the store has logged in but the manager
    /// logged out (a logout that took effect after a call, though `login` came meanwhile) is
    /// logged in again.
    public func syncAgents(_ states: [String: AgentState]) {
        lock.withLock {
            let t = managerTime()
            manager.eventsEnabled = false
            defer { manager.eventsEnabled = true }
            for (agent, last) in storeStates {
                let id = manager.agentIDs[Int(agent.index)]
                guard let state = states[id] else { continue }
                if state != last {
                    storeStates[agent] = state
                    apply(state, to: agent, id: id, at: t)
                } else if state != .loggedOut, (try? manager.state(of: agent)) == .loggedOut {
                    // Logged out after a call although the store has them logged in again
                    // (`logout` then `login` during one call): follow the store.
                    apply(state, to: agent, id: id, at: t)
                }
            }
        }
        dispatch()
    }

    private func apply(_ state: AgentState, to agent: AgentHandle, id: String, at t: Double) {
        let current = (try? manager.state(of: agent)) ?? .loggedOut
        let busy = ![.available, .onBreak, .loggedOut].contains(current)
        do {
            switch state {
            case .loggedOut:
                guard current != .loggedOut else { return }
                try manager.logout(agent, at: t)
                log("agent \(id) logged out" + (busy ? " (after the current call)" : ""))
            case .onBreak:
                if current == .loggedOut { try manager.login(agent, at: t) }
                try manager.pause(agent, reason: "break", at: t)
                log("agent \(id) on break" + (busy ? " (after the current call)" : ""))
            case .available, .ringing, .onCall, .wrapUp:
                // ringing / on-call / wrap-up in the store: working a callback (`ivr callback next`).
                if current == .loggedOut {
                    try manager.login(agent, at: t)
                    log("agent \(id) logged in")
                } else if current == .onBreak || busy {
                    try manager.ready(agent, at: t)
                    if current == .onBreak { log("agent \(id) ready") }
                }
            }
        } catch {
            log("agent \(id): \(error)")
        }
    }

    /// Agent state events come from the store (it logs `ivr agent ...` when they happen).
    static func isAgentStateEvent(_ event: QueueEvent) -> Bool {
        switch event.kind {
        case .agentLogin, .agentLogoff, .pause, .unpause: true
        default: false
        }
    }
}
