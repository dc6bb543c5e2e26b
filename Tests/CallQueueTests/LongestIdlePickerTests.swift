import Testing
@testable import CallQueue

@Suite struct LongestIdlePickerTests {
    @Test func picksInOrderOfBecomingIdle() {
        var p = LongestIdlePicker()
        let epochs: IdleEpochs = [0, 0, 0]
        for (i, agent) in [2, 0, 1].enumerated() {
            epochs[agent] = UInt32(i + 1)
            p.becameIdle(IdleCandidate(agent: AgentHandle(agent), member: Int32(agent), epoch: UInt32(i + 1)), epochs: epochs)
        }
        #expect(p.pick(maxLevel: .max, epochs: epochs) == AgentHandle(2))
        #expect(p.pick(maxLevel: .max, epochs: epochs) == AgentHandle(0))
        #expect(p.pick(maxLevel: .max, epochs: epochs) == AgentHandle(1))
        #expect(p.pick(maxLevel: .max, epochs: epochs) == nil)
    }

    @Test func skipsAgentsTakenElsewhere() {
        var p = LongestIdlePicker()
        let epochs: IdleEpochs = [1, 2]
        p.becameIdle(IdleCandidate(agent: AgentHandle(0), member: 0, epoch: 1), epochs: epochs)
        p.becameIdle(IdleCandidate(agent: AgentHandle(1), member: 1, epoch: 2), epochs: epochs)
        epochs[0] = 0  // agent 0 was taken by another queue
        let some = p.hasIdle(maxLevel: .max, epochs: epochs)
        #expect(some)
        #expect(p.pick(maxLevel: .max, epochs: epochs) == AgentHandle(1))
        let more = p.hasIdle(maxLevel: .max, epochs: epochs)
        #expect(!more)
    }

    @Test func managerOffersTheAgentIdleLongest() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(3), login: false)
        let (a1, a2, a3) = (try m.agent(id: "a1"), try m.agent(id: "a2"), try m.agent(id: "a3"))
        try m.login(a3, at: 1)
        try m.login(a1, at: 2)
        try m.login(a2, at: 3)
        for c in 1...3 { _ = try m.joinOK(UInt64(c), at: 10) }
        let offers = m.drain(at: 10).compactMap(\.offer)
        #expect(offers.map { m.id($0.agent) } == ["a3", "a1", "a2"])
        #expect(offers.map(\.call) == [CallID(1), CallID(2), CallID(3)])
        // a1 finishes first, then a3: a1 has now been idle longest.
        for o in offers { try m.answer(o.agent, at: 11) }
        try m.complete(a1, by: .caller, at: 20)
        try m.complete(a3, by: .caller, at: 30)
        _ = try m.joinOK(4, at: 40)
        #expect(m.drain(at: 40).compactMap(\.offer).map { m.id($0.agent) } == ["a1"])
    }

    @Test func staleEntriesDoNotAccumulate() {
        var p = LongestIdlePicker()
        let epochs: IdleEpochs = [0, 0]
        epochs[1] = 1
        p.becameIdle(IdleCandidate(agent: AgentHandle(1), member: 1, epoch: 1), epochs: epochs)
        for e in 2...10_000 {  // agent 0 idles and is always taken elsewhere
            epochs[0] = UInt32(e)
            p.becameIdle(IdleCandidate(agent: AgentHandle(0), member: 0, epoch: UInt32(e)), epochs: epochs)
            epochs[0] = 0
        }
        #expect(p.fifo.count < 100)
        #expect(p.pick(maxLevel: .max, epochs: epochs) == AgentHandle(1))
    }
}
