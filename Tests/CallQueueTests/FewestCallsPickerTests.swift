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
        let epochs: IdleEpochs = [1, 1, 1]
        for i in [2, 0, 1] {
            p.becameIdle(IdleCandidate(agent: AgentHandle(i), member: Int32(i), epoch: 1, callsTaken: 5), epochs: epochs)
        }
        #expect(p.pick(maxLevel: .max, epochs: epochs) == AgentHandle(0))
        #expect(p.pick(maxLevel: .max, epochs: epochs) == AgentHandle(1))
    }

    /// Counts are per queue (Asterisk `fewestcalls`): a1's calls from `sales` do not make a1
    /// less eligible in `support`, where a2 has taken more.
    @Test func countsCallsPerQueue() throws {
        let both = [Skill(queue: "sales"), Skill(queue: "support")]
        var m = try makeManager(queues: [QueueConfig(name: "sales", strategy: .fewestCalls),
                                         QueueConfig(name: "support", strategy: .fewestCalls)],
                                agents: [AgentConfig(id: "a1", skills: both), AgentConfig(id: "a2", skills: both)])
        // a1 takes three sales calls (a2 on break); a2 takes one support call (a1 on break).
        try m.pause(m.agent(id: "a2"), at: 0)
        for call in 1...3 {
            #expect(try m.routeOne(UInt64(call), "sales", at: Double(call)) == "a1")
            try m.finish("a1", at: Double(call) + 0.5)
        }
        try m.ready(m.agent(id: "a2"), at: 4)
        try m.pause(m.agent(id: "a1"), at: 4)
        #expect(try m.routeOne(4, "support", at: 5) == "a2")
        try m.finish("a2", at: 6)
        try m.ready(m.agent(id: "a1"), at: 7)
        // In support a1 has 0 calls and a2 1: a1 is chosen, though a1 has taken more calls in all.
        #expect(try m.routeOne(5, "support", at: 8) == "a1")
        try m.finish("a1", at: 9)
        // In sales a2 (0) goes before a1 (3).
        #expect(try m.routeOne(6, "sales", at: 10) == "a2")
        #expect(m.agentStatus().first { $0.id == "a1" }?.callsTaken == 4, "the agent's own total still counts every queue")
    }
}
