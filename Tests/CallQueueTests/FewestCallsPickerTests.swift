import Testing
@testable import CallQueue

@Suite struct FewestCallsPickerTests {
    @Test func prefersTheAgentWithFewestCalls() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q", strategy: .fewestCalls)], agents: agents(3))
        // a1 takes two calls, a2 one, a3 none (a3 is kept on break meanwhile).
        try m.pause(m.agent(id: "a3"), at: 0)
        #expect(try m.routeOne(1, at: 1) == "a1")
        try m.finish("a1", at: 2)
        #expect(try m.routeOne(2, at: 3) == "a2")
        try m.finish("a2", at: 4)
        try m.pause(m.agent(id: "a2"), at: 4)
        #expect(try m.routeOne(3, at: 5) == "a1")
        try m.finish("a1", at: 6)
        try m.ready(m.agent(id: "a2"), at: 7)
        try m.ready(m.agent(id: "a3"), at: 8)
        // Longest idle would pick a1 (idle since 6); fewest calls: a3 (0), a2 (1), a1 (2).
        #expect(try (4...6).map { try m.routeOne(UInt64($0), at: 10) } == ["a3", "a2", "a1"])
    }

    @Test func tiesGoToMemberOrder() {
        var p = FewestCallsPicker()
        let epochs: [UInt32] = [1, 1, 1]
        for i in [2, 0, 1] {
            p.becameIdle(IdleCandidate(agent: AgentHandle(i), member: Int32(i), epoch: 1, callsTaken: 5), epochs: epochs)
        }
        #expect(p.pick(maxLevel: .max, epochs: epochs) == AgentHandle(0))
        #expect(p.pick(maxLevel: .max, epochs: epochs) == AgentHandle(1))
    }
}
