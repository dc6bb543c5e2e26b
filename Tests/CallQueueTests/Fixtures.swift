@testable import CallQueue

/// Builds a manager with the given queues and agents (all logged in at t = 0
/// in the order given, so the first agent has been idle longest).
func makeManager(queues: [QueueConfig], agents: [AgentConfig], login: Bool = true,
                 events: Bool = true) throws -> QueueManager {
    var m = try QueueManager(queues: queues, eventsEnabled: events)
    for a in agents {
        let h = try m.addAgent(a)
        if login { try m.login(h, at: 0) }
    }
    return m
}

/// `n` agents `a1…an` serving `queue` at level 1.
func agents(_ n: Int, queue: String = "q", maxNoAnswer: Int = 3) -> [AgentConfig] {
    (1...n).map { AgentConfig(id: "a\($0)", skills: [Skill(queue: queue)], maxNoAnswer: maxNoAnswer) }
}

extension QueueManager {
    /// All outputs at time `t`, in order.
    mutating func drain(at t: Double) -> [QueueOutput] {
        var out: [QueueOutput] = []
        while let o = next(at: t) { out.append(o) }
        return out
    }

    /// Joins and returns the ticket (fails the test on refusal).
    mutating func joinOK(_ call: UInt64, _ queue: String = "q", at t: Double) throws -> CallTicket {
        guard case .joined(let j) = try join(call: CallID(call), queue: self.queue(named: queue), at: t) else {
            throw QueueError.staleTicket
        }
        return j.ticket
    }

    /// The id of an agent handle.
    func id(_ agent: AgentHandle) -> String { agentIDs[Int(agent.index)] }
}

extension QueueOutput {
    /// The offer's (agent id, call) for compact expectations.
    var offer: CallerOffer? {
        if case .offer(let o) = self { return o }
        return nil
    }
}

extension QueueManager {
    /// Offers one call to whichever agent the strategy picks, answers it, and
    /// returns that agent's id (the call stays connected).
    mutating func routeOne(_ call: UInt64, _ queue: String = "q", at t: Double) throws -> String {
        _ = try joinOK(call, queue, at: t)
        guard let offer = drain(at: t).compactMap(\.offer).first else { return "-" }
        try answer(offer.agent, at: t)
        return id(offer.agent)
    }

    /// Completes the agent's call at `t` (no wrap-up assumed).
    mutating func finish(_ agentID: String, at t: Double) throws {
        try complete(agent(id: agentID), by: .caller, at: t)
    }
}
