import Testing
@testable import CallQueue

@Suite struct WrapUpTests {
    @Test func queueWrapUpHoldsTheAgentBack() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q", wrapUp: 15)], agents: agents(1))
        let a1 = try m.agent(id: "a1")
        _ = try m.joinOK(1, at: 0)
        _ = m.drain(at: 0)
        try m.answer(a1, at: 1)
        let ends = try m.complete(a1, by: .caller, at: 61)
        #expect(ends == 76)
        #expect(try m.state(of: a1) == .wrapUp)
        _ = try m.joinOK(2, at: 62)
        #expect(m.drain(at: 62).isEmpty)
        try m.endWrapUp(a1, at: 76)
        #expect(m.drain(at: 76).compactMap(\.offer).map(\.call) == [CallID(2)])
    }

    @Test func agentWrapUpOverridesTheQueue() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q", wrapUp: 15)],
                                agents: [AgentConfig(id: "a1", skills: [Skill(queue: "q")], wrapUp: 0)])
        let a1 = try m.agent(id: "a1")
        _ = try m.joinOK(1, at: 0)
        _ = m.drain(at: 0)
        try m.answer(a1, at: 1)
        #expect(try m.complete(a1, by: .agent, at: 5) == 5)
        #expect(try m.state(of: a1) == .available)
    }

    @Test func breakRequestedDuringACallStartsAfterWrapUp() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q", wrapUp: 10)], agents: agents(1))
        let a1 = try m.agent(id: "a1")
        _ = try m.joinOK(1, at: 0)
        _ = m.drain(at: 0)
        try m.answer(a1, at: 1)
        try m.pause(a1, reason: "lunch", at: 2)
        #expect(try m.state(of: a1) == .onCall)
        try m.complete(a1, by: .caller, at: 30)
        try m.endWrapUp(a1, at: 40)
        #expect(try m.state(of: a1) == .onBreak)
        _ = try m.joinOK(2, at: 41)
        #expect(m.drain(at: 41).isEmpty)
        try m.ready(a1, at: 50)
        #expect(m.drain(at: 50).count == 1)
    }

    @Test func logoutDuringACallTakesEffectAfterWrapUp() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(1))
        let a1 = try m.agent(id: "a1")
        _ = try m.joinOK(1, at: 0)
        _ = m.drain(at: 0)
        try m.answer(a1, at: 1)
        try m.logout(a1, at: 2)
        try m.complete(a1, by: .caller, at: 30)
        #expect(try m.state(of: a1) == .loggedOut)
        #expect(throws: QueueError.self) { try m.answer(a1, at: 31) }
    }
}
