import Testing
@testable import CallQueue

/// The manager's tables are written in place (`InPlaceTable`); a copy of a manager must still
/// behave as a value: inputs to one copy never show in the other.
@Suite struct QueueManagerCopyTests {
    @Test func aCopyKeepsItsStateWhenTheOriginalChanges() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(2))
        let a1 = try m.agent(id: "a1"), a2 = try m.agent(id: "a2")
        let waiting = try m.joinOK(1, at: 1)
        let copy = m                                   // a1 idle, caller 1 waiting
        let offer = try #require(m.drain(at: 1).compactMap(\.offer).first)
        try m.answer(offer.agent, at: 2)
        try m.pause(a2, at: 2)
        _ = try m.joinOK(2, at: 3)
        #expect(try m.state(of: offer.agent) == .onCall)
        #expect(try copy.state(of: a1) == .available)
        #expect(try copy.state(of: a2) == .available)
        #expect(copy.isWaiting(waiting))
        #expect(try copy.position(of: waiting) == 1)
        #expect(copy.status(at: 3)[0].waiting == 1)      // the original now has caller 2 waiting, 1 connected
        #expect(m.status(at: 3)[0].waiting == 1)
        #expect(copy.agentStatus().map(\.callsTaken) == [0, 0])
        #expect(m.agentStatus().map(\.callsTaken).reduce(0, +) == 1)
    }

    @Test func theOriginalKeepsItsStateWhenACopyChanges() throws {
        let m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(1))
        var copy = m
        let ticket = try copy.joinOK(1, at: 1)
        let offer = try #require(copy.drain(at: 1).compactMap(\.offer).first)
        try copy.answer(offer.agent, at: 2)
        try copy.complete(offer.agent, by: .caller, at: 30)
        _ = try copy.addAgent(AgentConfig(id: "a2", skills: [Skill(queue: "q")]))
        #expect(try m.state(of: offer.agent) == .available)
        #expect(!m.isWaiting(ticket) && m.status(at: 30)[0].waiting == 0)
        #expect(m.agentCount == 1 && copy.agentCount == 2)
        #expect(m.agentStatus().map(\.callsTaken) == [0])
        #expect(copy.agentStatus().map(\.callsTaken) == [1, 0])
        // Both go on independently: a caller joining the original is offered to its own agent.
        var original = m
        _ = try original.joinOK(5, at: 40)
        #expect(original.drain(at: 40).compactMap(\.offer).map(\.call) == [CallID(5)])
        #expect(copy.drain(at: 40).isEmpty)
    }

    /// The lines of waiting callers and the idle lists are rings shared by copies until one
    /// writes: each copy must serve its own line, in its own order, to its own idle agents.
    @Test(arguments: [RoutingStrategy.longestIdle, .skills])
    func copiesServeTheirOwnLinesAndIdleAgents(strategy: RoutingStrategy) throws {
        var m = try makeManager(queues: [QueueConfig(name: "q", strategy: strategy)], agents: agents(3))
        var offers: [CallerOffer] = []
        for c in 1 ... 3 { _ = try m.joinOK(UInt64(c), at: 1) }
        offers = m.drain(at: 1).compactMap(\.offer)
        for o in offers { try m.answer(o.agent, at: 2) }
        for c in 4 ... 6 { _ = try m.joinOK(UInt64(c), at: 3) }   // 4, 5, 6 wait; nobody idle
        var copy = m
        // The original frees its agents in one order, the copy in the reverse order.
        for o in offers { try m.complete(o.agent, by: .caller, at: 10) }
        for o in offers.reversed() { try copy.complete(o.agent, by: .caller, at: 10) }
        let fromOriginal = m.drain(at: 10).compactMap(\.offer)
        let fromCopy = copy.drain(at: 10).compactMap(\.offer)
        #expect(fromOriginal.map(\.call) == [CallID(4), CallID(5), CallID(6)])
        #expect(fromCopy.map(\.call) == [CallID(4), CallID(5), CallID(6)])
        #expect(fromOriginal.map(\.agent) == offers.map(\.agent))
        #expect(fromCopy.map(\.agent) == offers.reversed().map(\.agent))
        // A caller joining one copy is not in the other's line.
        _ = try copy.joinOK(7, at: 11)
        #expect(copy.status(at: 11)[0].waiting == 1)
        #expect(m.status(at: 11)[0].waiting == 0)
    }
}
